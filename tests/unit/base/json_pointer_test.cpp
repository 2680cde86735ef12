// SPDX-License-Identifier: Apache-2.0
// JsonPointer: the text it was made from, equal by text, cheap to copy, made safely on
// several threads at once, and as long as the input's pointers get (past one arena chunk).
#include "reachcheck/base/json_pointer.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "reachcheck/base/source_ref.h"

namespace reachcheck::base {
namespace {

TEST_CASE("JsonPointer: holds its text, and the empty pointer is the whole document") {
  const JsonPointer empty;
  CHECK(empty.empty());
  CHECK(empty.view().empty());
  CHECK(empty == "");
  CHECK(JsonPointer("") == empty);
  const JsonPointer vpc("/Vpcs/2/CidrBlockAssociationSet/0");
  CHECK_FALSE(vpc.empty());
  CHECK(vpc.size() == 33);
  CHECK(vpc.view() == "/Vpcs/2/CidrBlockAssociationSet/0");
  CHECK(vpc.str() == "/Vpcs/2/CidrBlockAssociationSet/0");
  std::ostringstream out;
  out << vpc;
  CHECK(out.str() == "/Vpcs/2/CidrBlockAssociationSet/0");
  CHECK(std::string("file.json#") + vpc == "file.json#/Vpcs/2/CidrBlockAssociationSet/0");
  CHECK(vpc + "/x" == "/Vpcs/2/CidrBlockAssociationSet/0/x");
  // Texts with a NUL or any byte are kept as they are (pointers escape only ~ and /).
  const std::string odd("/a\0b/~1/\xff", 9);
  CHECK(JsonPointer(odd).view() == odd);
}

TEST_CASE("JsonPointer: equal by text, not by where the text is kept") {
  const JsonPointer a("/SecurityGroups/0/IpPermissions/1/IpRanges/0");
  const JsonPointer b(std::string("/SecurityGroups/0/IpPermissions/1/IpRanges/0"));
  const JsonPointer c("/SecurityGroups/0/IpPermissions/1/IpRanges/1");
  CHECK(a == b);
  CHECK_FALSE(a == c);
  JsonPointer copy = a;
  CHECK(copy == a);
  copy = c;
  CHECK(copy == c);
  CHECK(a == "/SecurityGroups/0/IpPermissions/1/IpRanges/0");  // unchanged by the copy's reassignment
  // SourceRef compares its pointer by text too.
  CHECK(SourceRef{"f.json", "/Vpcs/0", 1, 2} == SourceRef{"f.json", std::string("/Vpcs/0"), 1, 2});
  CHECK_FALSE(SourceRef{"f.json", "/Vpcs/0", 1, 2} == SourceRef{"f.json", "/Vpcs/1", 1, 2});
}

TEST_CASE("JsonPointer: texts longer than a chunk, and many chunks' worth") {
  const std::string long_text = "/" + std::string(3u << 20, 'x');  // three times a chunk
  const JsonPointer big(long_text);
  const JsonPointer after("/after");
  CHECK(big.view() == long_text);
  CHECK(after == "/after");
  std::vector<JsonPointer> many;
  for (int i = 0; i < 100000; ++i) many.emplace_back("/Reservations/" + std::to_string(i) + "/Instances/0");
  for (int i = 0; i < 100000; i += 997) {
    CHECK(many[i] == "/Reservations/" + std::to_string(i) + "/Instances/0");
  }
  CHECK(big.view() == long_text);  // earlier texts stay where they were
}

TEST_CASE("JsonPointer: made on several threads at once, every text stays its own") {
  constexpr int kThreads = 4, kEach = 50000;
  std::vector<std::vector<JsonPointer>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &made] {
      for (int i = 0; i < kEach; ++i) {
        made[t].emplace_back("/T" + std::to_string(t) + "/" + std::to_string(i));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> texts;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; ++i) {
      if (made[t][i] != "/T" + std::to_string(t) + "/" + std::to_string(i))
        FAIL("thread " << t << " item " << i);
      texts.insert(made[t][i].str());
    }
  }
  CHECK(texts.size() == kThreads * kEach);
}

}  // namespace
}  // namespace reachcheck::base
