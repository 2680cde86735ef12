// SPDX-License-Identifier: Apache-2.0
// Text: the string it was made from, compared and ordered by its bytes, hashed like them,
// joined with std::string, made safely on several threads at once; a borrowed text reads
// the bytes it was given and copies nothing. A JsonPointer can borrow its block the same way.
#include "reachcheck/base/text.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "reachcheck/base/json_pointer.h"

namespace reachcheck::base {
namespace {

TEST_CASE("Text: holds a copy of its string, and the default is empty") {
  const Text empty;
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty == "");
  CHECK(Text("") == empty);
  std::string source = "sg-0123456789abcdef0";
  const Text id(source);
  source.assign(source.size(), 'x');  // the text is a copy: changing the source changes nothing
  CHECK(id == "sg-0123456789abcdef0");
  CHECK(id.size() == 20);
  CHECK(id.str() == "sg-0123456789abcdef0");
  CHECK(std::string(id) == "sg-0123456789abcdef0");
  CHECK(id.starts_with("sg-"));
  CHECK(id.ends_with("ef0"));
  CHECK_FALSE(id.starts_with("eni-"));
  CHECK(id[3] == '0');
  CHECK(std::string(id.begin(), id.end()) == "sg-0123456789abcdef0");
  std::ostringstream out;
  out << id;
  CHECK(out.str() == "sg-0123456789abcdef0");
  CHECK("group " + id == "group sg-0123456789abcdef0");
  CHECK(id + " (web)" == "sg-0123456789abcdef0 (web)");
  CHECK(std::string("[") + id + "]" == "[sg-0123456789abcdef0]");
  const std::string odd("a\0b\xff", 4);  // any byte, a NUL too
  CHECK(Text(odd).view() == odd);
}

TEST_CASE("Text: compared and ordered by bytes, like std::string") {
  const std::vector<std::string> words = {"", "a", "ab", "b", "eni-1", "eni-10", "eni-2", "\xff"};
  for (const std::string& x : words) {
    for (const std::string& y : words) {
      const Text a(x), b(y);
      CHECK((a == b) == (x == y));
      CHECK((a < b) == (x < y));
      CHECK((a == y) == (x == y));
      CHECK((a < y) == (x < y));
      CHECK((a == y.c_str()) == (x == y));
    }
  }
  std::map<Text, int> by_text;
  by_text["eni-2"] = 2;
  by_text["eni-10"] = 10;
  CHECK(by_text.begin()->first == "eni-10");
  std::unordered_set<Text> seen = {Text("vpc-1"), Text(std::string("vpc-1")), Text("vpc-2")};
  CHECK(seen.size() == 2);
  CHECK(std::hash<Text>()(Text("vpc-1")) == std::hash<std::string_view>()("vpc-1"));
}

TEST_CASE("Text: a borrowed text reads the given bytes in place") {
  const std::string bytes = "rtb-0abc igw-0def";
  const Text borrowed = Text::Borrow(std::string_view(bytes).substr(9, 8));
  CHECK(borrowed == "igw-0def");
  CHECK(borrowed.data() == bytes.data() + 9);  // not a copy
  CHECK(borrowed == Text("igw-0def"));         // equal to a copy by its bytes
}

TEST_CASE("JsonPointer: a borrowed block is read in place: its 32-bit size, then its bytes") {
  const std::string text = "/Vpcs/3";
  std::string block(4, '\0');
  const auto size = static_cast<std::uint32_t>(text.size());
  std::memcpy(block.data(), &size, 4);  // little-endian, as the model cache writes it
  block += text + "junk after";
  const JsonPointer borrowed = JsonPointer::Borrow(block.data());
  CHECK(borrowed == "/Vpcs/3");
  CHECK(borrowed.view().data() == block.data() + 4);
  CHECK(borrowed == JsonPointer("/Vpcs/3"));
}

TEST_CASE("Text: made on several threads at once, every text stays its own") {
  constexpr int kThreads = 4, kEach = 50000;
  std::vector<std::vector<Text>> made(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &made] {
      for (int i = 0; i < kEach; ++i)
        made[t].emplace_back("eni-" + std::to_string(t) + "-" + std::to_string(i));
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> texts;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; ++i) {
      if (made[t][i] != "eni-" + std::to_string(t) + "-" + std::to_string(i))
        FAIL("thread " << t << " item " << i);
      texts.insert(made[t][i].str());
    }
  }
  CHECK(texts.size() == kThreads * kEach);
}

}  // namespace
}  // namespace reachcheck::base
