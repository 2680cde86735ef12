// SPDX-License-Identifier: Apache-2.0
// FileName: equal paths are one interned string, from any thread; it reads and compares as
// its text.
#include "reachcheck/base/file_name.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "reachcheck/base/source_ref.h"

namespace reachcheck::base {
namespace {

TEST_CASE("FileName: equal paths share one string") {
  const std::string path = "snap/111122223333/us-east-1/Vpcs.json";
  const FileName a(path);
  const FileName b(std::string("snap/111122223333/") + "us-east-1/Vpcs.json");
  CHECK(&a.str() == &b.str());
  CHECK(a == b);
  CHECK(a.str() == path);
  CHECK(a == path);
  CHECK(a == "snap/111122223333/us-east-1/Vpcs.json");
  CHECK_FALSE(a == FileName("snap/other.json"));
}

TEST_CASE("FileName: empty, ordering by text, concatenation") {
  const FileName none;
  CHECK(none.empty());
  CHECK(none == FileName(""));
  CHECK(none == std::string());
  CHECK(FileName("b.json") > FileName("a.json"));
  CHECK(FileName("a.json") < FileName("a.json.bak"));
  CHECK((FileName("a.json") <=> FileName("a.json")) == std::strong_ordering::equal);
  std::map<FileName, int> sorted{{FileName("z.json"), 1}, {FileName("m.json"), 2}, {FileName("a.json"), 3}};
  CHECK(sorted.begin()->first == "a.json");
  CHECK(FileName("a.json") + "#/Vpcs/0" == "a.json#/Vpcs/0");
  CHECK("file " + FileName("a.json") == "file a.json");
  const SourceRef where{"x.json", "/Subnets/2", 0, 0};
  CHECK(where.ToString() == "x.json#/Subnets/2");
  CHECK(where == SourceRef{std::string("x.json"), "/Subnets/2", 0, 0});
}

TEST_CASE("FileName: threads interning the same paths get the same strings") {
  constexpr int kPaths = 200;
  auto intern_all = [](std::vector<const std::string*>& out) {
    for (int i = 0; i < kPaths; ++i) out.push_back(&FileName("threads/file-" + std::to_string(i) + ".json").str());
  };
  std::vector<const std::string*> first, second;
  std::thread other(intern_all, std::ref(second));
  intern_all(first);
  other.join();
  CHECK(first == second);
  for (int i = 0; i < kPaths; ++i) CHECK(*first[i] == "threads/file-" + std::to_string(i) + ".json");
}

}  // namespace
}  // namespace reachcheck::base
