// SPDX-License-Identifier: Apache-2.0
// SmallVector: values kept inline up to N (in the heap pointer's bytes), then on the heap,
// through copies, moves, assignments between inline and heap storage, and a seeded run
// against std::vector.
#include "reachcheck/base/small_vector.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace reachcheck::base {
namespace {

template <typename T, std::size_t N>
std::vector<T> Items(const SmallVector<T, N>& v) {
  return std::vector<T>(v.begin(), v.end());
}

TEST_CASE("SmallVector keeps N values inline and grows onto the heap after") {
  SmallVector<int, 2> v;
  CHECK(v.empty());
  CHECK(v.capacity() == 2);
  v.push_back(1);
  v.push_back(2);
  CHECK(v.capacity() == 2);
  v.push_back(3);
  CHECK(v.capacity() > 2);
  CHECK(Items(v) == std::vector<int>{1, 2, 3});
  CHECK(v.front() == 1);
  CHECK(v.back() == 3);
  v.clear();
  CHECK(v.empty());
}

TEST_CASE("SmallVector's inline values share their bytes with the heap pointer") {
  // Sixteen bytes of values and two 32-bit counts: the model keeps half a million rules with
  // two of these each.
  CHECK(sizeof(SmallVector<std::uint32_t, 4>) == 24);
  CHECK(sizeof(SmallVector<std::uint8_t, 16>) == 24);
  CHECK(sizeof(SmallVector<std::uint8_t, 2>) == 16);  // never smaller than the pointer
  SmallVector<std::uint8_t, 2> v{1, 2};
  v.push_back(3);  // onto the heap: the inline bytes now hold the pointer
  v.push_back(4);
  CHECK(Items(v) == std::vector<std::uint8_t>{1, 2, 3, 4});
  SmallVector<std::uint8_t, 2> copy = v;
  v = SmallVector<std::uint8_t, 2>{9};
  CHECK(Items(v) == std::vector<std::uint8_t>{9});
  CHECK(Items(copy) == std::vector<std::uint8_t>{1, 2, 3, 4});
}

TEST_CASE("SmallVector copies and moves between inline and heap storage") {
  SmallVector<std::uint64_t, 2> small{7};
  SmallVector<std::uint64_t, 2> big{1, 2, 3, 4, 5};

  SmallVector<std::uint64_t, 2> a = small;
  SmallVector<std::uint64_t, 2> b = big;
  CHECK(a == small);
  CHECK(b == big);
  b.push_back(6);  // the copy owns its heap block
  CHECK(Items(big) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});

  a = big;  // inline <- heap
  CHECK(a == big);
  b = small;  // heap <- inline
  CHECK(b == small);
  b = b;  // self-assignment keeps the values
  CHECK(Items(b) == std::vector<std::uint64_t>{7});

  SmallVector<std::uint64_t, 2> moved_big = std::move(big);
  CHECK(Items(moved_big) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
  CHECK(big.empty());  // NOLINT(bugprone-use-after-move): a moved-from vector is empty
  SmallVector<std::uint64_t, 2> moved_small = std::move(small);
  CHECK(Items(moved_small) == std::vector<std::uint64_t>{7});
  moved_small = std::move(moved_big);
  CHECK(Items(moved_small) == std::vector<std::uint64_t>{1, 2, 3, 4, 5});
}

TEST_CASE("SmallVector push_back of one of its own values survives the growth") {
  SmallVector<int, 1> v{42};
  v.push_back(v[0]);
  v.push_back(v[1]);
  CHECK(Items(v) == std::vector<int>{42, 42, 42});
}

TEST_CASE("SmallVector agrees with std::vector over random operations") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> op(0, 9);
  SmallVector<std::uint32_t, 2> a, b;
  std::vector<std::uint32_t> ra, rb;
  for (int step = 0; step < 20000; ++step) {
    switch (op(rng)) {
      case 0:
        a = b;
        ra = rb;
        break;
      case 1:
        b = std::move(a);
        rb = std::move(ra);
        a.clear();
        ra.clear();
        break;
      case 2:
        a.clear();
        ra.clear();
        break;
      case 3: {
        SmallVector<std::uint32_t, 2> copy(a);
        std::swap(copy, b);
        rb = ra;
        break;
      }
      default: {
        const auto value = static_cast<std::uint32_t>(rng());
        a.push_back(value);
        ra.push_back(value);
      }
    }
    REQUIRE(Items(a) == ra);
    REQUIRE(Items(b) == rb);
  }
}

}  // namespace
}  // namespace reachcheck::base
