// SPDX-License-Identifier: Apache-2.0
// JSON pointer positions: the one-pass batch locator agrees with the one-pointer locator on
// every value of the demo network's files, and both handle escapes, comments and bad input.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lint/json_locate.h"
#include "support/support_paths.h"

namespace reachcheck::lint {
namespace {

std::string Escape(const std::string& key) {
  std::string out;
  for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
  return out;
}

void AllPointers(const nlohmann::json& value, const std::string& path, std::vector<std::string>& out) {
  out.push_back(path);
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      AllPointers(child, path + "/" + Escape(key), out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) AllPointers(value[i], path + "/" + std::to_string(i), out);
  }
}

bool Same(const TextPosition& a, const TextPosition& b) { return a.line == b.line && a.column == b.column; }

}  // namespace

TEST_CASE("the batch locator agrees with the one-pointer locator on every demo value", "[lint][locate]") {
  std::size_t files = 0, pointers_checked = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(reachcheck::testing::SourceDir() + "/fixtures/demo")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    std::vector<std::string> pointers;
    AllPointers(nlohmann::json::parse(text), "", pointers);
    pointers.push_back("/NoSuchKey/0");  // and some that name nothing
    pointers.push_back("not a pointer");
    const std::vector<TextPosition> batch = LocatePointers(text, pointers);
    REQUIRE(batch.size() == pointers.size());
    for (std::size_t i = 0; i < pointers.size(); ++i) {
      const TextPosition one = LocatePointer(text, pointers[i]);
      INFO(entry.path().string() << " " << pointers[i]);
      CHECK(Same(batch[i], one));
      if (i + 2 < pointers.size()) CHECK(batch[i].line > 0);
    }
    ++files;
    pointers_checked += pointers.size();
  }
  CHECK(files >= 20);
  CHECK(pointers_checked > 1000);
}

TEST_CASE("located positions: escapes, comments, repeats and bad input", "[lint][locate]") {
  const std::string text =
      "// comment\n"
      "{\"a/b\": 1, \"t~x\": [ 10, /* skip */ {\"k\": \"v\"} ],\n"
      "  \"a/b\": 2}";
  const std::vector<std::string> pointers = {"/a~1b", "/t~0x/1/k", "/t~0x/1", "", "/t~0x/2", "/a~1b"};
  const std::vector<TextPosition> at = LocatePointers(text, pointers);
  CHECK(Same(at[0], {2, 9}));  // the first of two equal keys, as LocatePointer does
  CHECK(Same(at[1], {2, 42}));
  CHECK(Same(at[2], {2, 36}));
  CHECK(Same(at[3], {2, 1}));
  CHECK(Same(at[4], {0, 0}));
  CHECK(Same(at[5], at[0]));
  for (std::size_t i = 0; i < pointers.size(); ++i) CHECK(Same(at[i], LocatePointer(text, pointers[i])));
  // A text that breaks off: what comes before the break is still found.
  const std::vector<TextPosition> broken = LocatePointers("{\"x\": 1, \"y\": [", {"/x", "/y/0"});
  CHECK(Same(broken[0], {1, 7}));
  CHECK(Same(broken[1], {0, 0}));
  CHECK(LocatePointers("", {""}).front().line == 0);
}

}  // namespace reachcheck::lint
