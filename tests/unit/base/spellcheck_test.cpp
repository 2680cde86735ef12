// SPDX-License-Identifier: Apache-2.0
// EditDistance (fixed cases and a property test against a full-matrix reference) and
// ClosestMatch ("did you mean" suggestions).
#include "reachcheck/base/spellcheck.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace reachcheck::base {
namespace {

TEST_CASE("EditDistance: known distances", "[base]") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("abc", "") == 3);
  CHECK(EditDistance("", "abc") == 3);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("flaw", "lawn") == 2);
  CHECK(EditDistance("subnet", "subnet") == 0);
  CHECK(EditDistance("subnet", "sbunet") == 2);  // a transposition is two edits
  CHECK(EditDistance("i-0abc", "i-0abd") == 1);
  CHECK(EditDistance("vpc", "vpcs") == 1);
  CHECK(EditDistance("vpcs", "vpc") == 1);
  CHECK(EditDistance("Subnet", "subnet") == 1);  // case-sensitive
  CHECK(EditDistance("intention", "execution") == 5);
}

/// Textbook Levenshtein with the whole (m+1) x (n+1) matrix.
std::size_t ReferenceDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
    }
  }
  return d[a.size()][b.size()];
}

TEST_CASE("EditDistance: agrees with the full-matrix reference (property)", "[base][property]") {
  std::mt19937_64 rng(11);
  auto random_word = [&] {
    std::string word;
    std::size_t length = rng() % 9;
    for (std::size_t i = 0; i < length; ++i) word += "abc-"[rng() % 4];
    return word;
  };
  for (int iteration = 0; iteration < 2000; ++iteration) {
    std::string a = random_word(), b = random_word(), c = random_word();
    INFO("'" << a << "' '" << b << "' '" << c << "'");
    std::size_t ab = EditDistance(a, b);
    if (ab != ReferenceDistance(a, b)) CHECK(ab == ReferenceDistance(a, b));
    if (ab != EditDistance(b, a)) CHECK(ab == EditDistance(b, a));
    std::size_t lower = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (ab < lower || ab > std::max(a.size(), b.size())) FAIL_CHECK("bounds violated: " << ab);
    if (EditDistance(a, c) > ab + EditDistance(b, c)) FAIL_CHECK("triangle inequality violated");
    if ((ab == 0) != (a == b)) FAIL_CHECK("zero distance must mean equal strings");
  }
}

TEST_CASE("ClosestMatch: suggestions within the distance limit", "[base]") {
  const std::vector<std::string> ids = {"subnet-0a1b", "subnet-0a1c", "vpc-01", "igw-77"};
  CHECK(ClosestMatch("subnet-0a1b", ids) == std::optional<std::string>("subnet-0a1b"));
  CHECK(ClosestMatch("subnet-0a1x", ids) == std::optional<std::string>("subnet-0a1b"));  // tie: sorted first
  CHECK(ClosestMatch("vpc-1", ids) == std::optional<std::string>("vpc-01"));
  CHECK(ClosestMatch("igw-7", ids) == std::optional<std::string>("igw-77"));
  CHECK_FALSE(ClosestMatch("nat-12345678", ids).has_value());
  CHECK_FALSE(ClosestMatch("anything", {}).has_value());
  CHECK_FALSE(ClosestMatch("vpc-1", ids, 0).has_value());
  CHECK(ClosestMatch("vpc-01", ids, 0) == std::optional<std::string>("vpc-01"));
  CHECK(ClosestMatch("vpc-0123", ids, 2) == std::optional<std::string>("vpc-01"));
  CHECK_FALSE(ClosestMatch("vpc-01234", ids, 2).has_value());

  // Ties go to the first candidate in sorted order, whatever the input order.
  CHECK(ClosestMatch("ab", {"ac", "aa"}) == std::optional<std::string>("aa"));
  CHECK(ClosestMatch("ab", {"aa", "ac"}) == std::optional<std::string>("aa"));
  // Short words get at most one edit: no unrelated suggestion.
  CHECK_FALSE(ClosestMatch("ab", {"xyz"}).has_value());
  CHECK_FALSE(ClosestMatch("i-1", {"i-123"}).has_value());
  CHECK(ClosestMatch("x", {"y"}, static_cast<std::size_t>(-1)) == std::optional<std::string>("y"));
  // A strictly closer candidate beats an earlier one.
  CHECK(ClosestMatch("--format", {"--fail-on", "--formats"}) == std::optional<std::string>("--formats"));
}

}  // namespace
}  // namespace reachcheck::base
