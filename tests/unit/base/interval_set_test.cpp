// SPDX-License-Identifier: Apache-2.0
// IntervalSet: edge cases at 0 and the type's maximum, and seeded property tests of the set
// algebra for the 8-, 16-, 32- and 128-bit instantiations against a brute-force model.
#include "reachcheck/net/interval_set.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>
#include <vector>

#include "net_test_util.h"

namespace reachcheck::net {
namespace {

// Evaluates `expr` cheaply and only goes through Catch (with the sets under test, from the
// enclosing `describe` lambda) when it fails, which keeps the property tests fast.
#define EXPECT_TRUE(expr) \
  do {                    \
    if (!(expr)) {        \
      INFO(describe());   \
      CHECK(expr);        \
    }                     \
  } while (false)

// The same, also naming the value `x` that was probed.
#define EXPECT_AT(x, expr)                          \
  do {                                              \
    if (!(expr)) {                                  \
      INFO(describe() << " x=" << testing::Hex(x)); \
      CHECK(expr);                                  \
    }                                               \
  } while (false)

template <typename T>
constexpr T kTop = std::numeric_limits<T>::max();

/// Sorted, disjoint and not adjacent: a gap of at least one value between intervals.
template <typename T>
bool IsCanonical(const IntervalSet<T>& set) {
  const auto& items = set.Intervals();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].lo > items[i].hi) return false;
    if (i > 0 &&
        (items[i - 1].hi == kTop<T> || items[i].lo <= items[i - 1].hi || items[i].lo - items[i - 1].hi < 2)) {
      return false;
    }
  }
  return true;
}

TEMPLATE_TEST_CASE("IntervalSet: edge cases at zero and the maximum", "[net]", std::uint8_t, std::uint16_t,
                   std::uint32_t, Uint128) {
  using Set = IntervalSet<TestType>;
  const TestType top = kTop<TestType>;
  const TestType zero = 0;
  const TestType one = 1;

  CHECK(Set().IsEmpty());
  CHECK_FALSE(Set().IsAll());
  CHECK(Set::All().IsAll());
  CHECK(Set::All().Intervals().size() == 1);
  CHECK(Set::All().Min() == zero);
  CHECK(Set::All().Max() == top);
  CHECK(Set::All().Contains(zero));
  CHECK(Set::All().Contains(top));
  CHECK_FALSE(Set().Contains(zero));
  CHECK_FALSE(Set().Contains(top));
  CHECK(Set::Range(one, zero).IsEmpty());
  CHECK(Set::Range(top, top) == Set::Single(top));

  CHECK(Set().Complement() == Set::All());
  CHECK(Set::All().Complement().IsEmpty());
  CHECK(Set::Single(top).Complement() == Set::Range(zero, top - 1));
  CHECK(Set::Single(zero).Complement() == Set::Range(one, top));
  CHECK(Set::Range(one, top - 1).Complement() == Set::Single(zero).Union(Set::Single(top)));
  CHECK(Set::Single(zero).Union(Set::Single(top)).Intervals().size() == 2);

  // Adjacent intervals merge, including at the top of the range.
  CHECK(Set::Range(zero, top - 1).Union(Set::Single(top)).IsAll());
  CHECK(Set::Single(top).Union(Set::Range(zero, top - 1)).IsAll());
  CHECK(Set::Single(zero).Union(Set::Range(one, top)).IsAll());
  CHECK(Set::Range(0, 5).Union(Set::Range(6, 10)) == Set::Range(0, 10));
  CHECK(Set::Range(0, 5).Union(Set::Range(7, 10)).Intervals().size() == 2);
  CHECK(Set::All().Union(Set::Single(top)).IsAll());
  CHECK(Set::All().Union(Set::All()).IsAll());

  CHECK(Set::All().Intersect(Set::Single(top)) == Set::Single(top));
  CHECK(Set::All().Subtract(Set::Single(top)) == Set::Range(zero, top - 1));
  CHECK(Set::All().Subtract(Set::All()).IsEmpty());
  CHECK(Set::All().Contains(Set::All()));
  CHECK(Set::All().Contains(Set()));
  CHECK(Set().Contains(Set()));
  CHECK_FALSE(Set().Contains(Set::Single(top)));
  CHECK(Set::Single(top).Intersects(Set::All()));
  CHECK_FALSE(Set::Single(top).Intersects(Set::Range(zero, top - 1)));

  // Contains(value) around interval boundaries.
  Set gaps = Set::Range(10, 20).Union(Set::Range(30, 40)).Union(Set::Single(top));
  CHECK_FALSE(gaps.Contains(9));
  CHECK(gaps.Contains(10));
  CHECK(gaps.Contains(20));
  CHECK_FALSE(gaps.Contains(21));
  CHECK_FALSE(gaps.Contains(29));
  CHECK(gaps.Contains(30));
  CHECK(gaps.Contains(40));
  CHECK_FALSE(gaps.Contains(41));
  CHECK_FALSE(gaps.Contains(top - 1));
  CHECK(gaps.Contains(top));
  CHECK(gaps.Min() == 10);
  CHECK(gaps.Max() == top);

  // AppendMerging: ignores empty input, merges overlap and adjacency, never wraps at max.
  Set built;
  built.AppendMerging({5, 4});
  CHECK(built.IsEmpty());
  built.AppendMerging({1, 3});
  built.AppendMerging({2, 2});
  built.AppendMerging({4, 6});
  CHECK(built == Set::Range(1, 6));
  built.AppendMerging({top - 1, top});
  built.AppendMerging({top, top});
  CHECK(built.Intervals().size() == 2);
  CHECK(built.Max() == top);
  built.AppendMerging({top, top});
  CHECK(built == Set::Range(1, 6).Union(Set::Range(top - 1, top)));
}

template <typename T>
T RandomValue(std::mt19937_64& rng) {
  if constexpr (sizeof(T) > sizeof(std::uint64_t)) {
    return (T{rng()} << 64) | T{rng()};
  } else {
    return static_cast<T>(rng());
  }
}

/// Values that make boundaries collide: the extremes, and a cluster of nearby values.
template <typename T>
std::vector<T> ValuePool(std::mt19937_64& rng) {
  const T top = kTop<T>;
  std::vector<T> pool = {0, 1, 2, top, static_cast<T>(top - 1), static_cast<T>(top - 2)};
  T base = RandomValue<T>(rng);
  for (int i = 0; i < 10; ++i) pool.push_back(static_cast<T>(base + static_cast<T>(rng() % 24)));
  for (int i = 0; i < 3; ++i) pool.push_back(RandomValue<T>(rng));
  return pool;
}

/// A set given as the raw (unsorted, possibly overlapping or empty) ranges it was built from.
template <typename T>
struct Model {
  std::vector<std::pair<T, T>> ranges;
  bool Has(T value) const {
    for (const auto& [lo, hi] : ranges) {
      if (lo <= value && value <= hi) return true;
    }
    return false;
  }
  IntervalSet<T> Build() const {
    IntervalSet<T> out;
    for (const auto& [lo, hi] : ranges) out = out.Union(IntervalSet<T>::Range(lo, hi));
    return out;
  }
};

template <typename T>
Model<T> RandomModel(std::mt19937_64& rng, const std::vector<T>& pool) {
  Model<T> model;
  const std::size_t count = rng() % 6;
  for (std::size_t i = 0; i < count; ++i) {
    T a = pool[rng() % pool.size()];
    T b = pool[rng() % pool.size()];
    if (rng() % 8 != 0 && a > b) std::swap(a, b);  // sometimes empty (lo > hi)
    model.ranges.push_back({a, b});
  }
  return model;
}

/// Points where membership can change: the extremes, each range end and its neighbours.
template <typename T>
std::vector<T> Probes(std::mt19937_64& rng, const std::vector<const Model<T>*>& models) {
  const T top = kTop<T>;
  std::vector<T> probes = {0, top};
  for (const Model<T>* model : models) {
    for (const auto& [lo, hi] : model->ranges) {
      for (T v : {lo, hi}) {
        probes.push_back(v);
        if (v > 0) probes.push_back(static_cast<T>(v - 1));
        if (v < top) probes.push_back(static_cast<T>(v + 1));
      }
    }
  }
  for (int i = 0; i < 8; ++i) probes.push_back(RandomValue<T>(rng));
  return probes;
}

template <typename T>
void CheckAlgebra(std::uint64_t seed, int iterations, int exhaustive_iterations) {
  using Set = IntervalSet<T>;
  std::mt19937_64 rng(seed);
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::vector<T> pool = ValuePool<T>(rng);
    Model<T> ma = RandomModel(rng, pool), mb = RandomModel(rng, pool), mc = RandomModel(rng, pool);
    Set a = ma.Build(), b = mb.Build(), c = mc.Build();
    auto describe = [&] {
      return "iteration " + std::to_string(iteration) + ": A=" + Catch::Detail::stringify(a) +
             " B=" + Catch::Detail::stringify(b) + " C=" + Catch::Detail::stringify(c);
    };
    const Set all = Set::All(), none;
    for (const Set* s : {&a, &b, &c}) EXPECT_TRUE(IsCanonical(*s));
    EXPECT_TRUE(IsCanonical(a.Union(b)));
    EXPECT_TRUE(IsCanonical(a.Intersect(b)));
    EXPECT_TRUE(IsCanonical(a.Subtract(b)));
    EXPECT_TRUE(IsCanonical(a.Complement()));

    // Commutativity, associativity, distributivity, De Morgan, difference, complement laws.
    EXPECT_TRUE(a.Union(b) == b.Union(a));
    EXPECT_TRUE(a.Intersect(b) == b.Intersect(a));
    EXPECT_TRUE(a.Union(b).Union(c) == a.Union(b.Union(c)));
    EXPECT_TRUE(a.Intersect(b).Intersect(c) == a.Intersect(b.Intersect(c)));
    EXPECT_TRUE(a.Intersect(b.Union(c)) == a.Intersect(b).Union(a.Intersect(c)));
    EXPECT_TRUE(a.Union(b.Intersect(c)) == a.Union(b).Intersect(a.Union(c)));
    EXPECT_TRUE(a.Union(b).Complement() == a.Complement().Intersect(b.Complement()));
    EXPECT_TRUE(a.Intersect(b).Complement() == a.Complement().Union(b.Complement()));
    EXPECT_TRUE(a.Subtract(b) == a.Intersect(b.Complement()));
    EXPECT_TRUE(a.Complement().Complement() == a);
    EXPECT_TRUE(a.Union(a.Complement()) == all);
    EXPECT_TRUE(a.Intersect(a.Complement()) == none);
    EXPECT_TRUE(a.Union(a) == a);
    EXPECT_TRUE(a.Intersect(a) == a);
    EXPECT_TRUE(a.Union(none) == a);
    EXPECT_TRUE(a.Intersect(all) == a);
    EXPECT_TRUE(a.Union(all) == all);
    EXPECT_TRUE(a.Intersect(none) == none);
    EXPECT_TRUE(a.Subtract(a) == none);
    EXPECT_TRUE(a.Subtract(b).Union(a.Intersect(b)) == a);
    EXPECT_TRUE(a.Subtract(b).Intersect(b) == none);
    EXPECT_TRUE(a.Contains(b) == (a.Union(b) == a));
    EXPECT_TRUE(a.Contains(a.Intersect(b)));
    EXPECT_TRUE(a.Union(b).Contains(a));
    EXPECT_TRUE(a.Intersects(b) == !a.Intersect(b).IsEmpty());
    EXPECT_TRUE(a.IsAll() == (a == all));
    EXPECT_TRUE(a.Complement().IsEmpty() == a.IsAll());

    // Membership against the raw ranges the sets were built from.
    const Set ab_union = a.Union(b), ab_inter = a.Intersect(b), ab_diff = a.Subtract(b),
              a_comp = a.Complement();
    auto check_point = [&](T x) {
      bool in_a = ma.Has(x), in_b = mb.Has(x);
      EXPECT_AT(x, a.Contains(x) == in_a);
      EXPECT_AT(x, ab_union.Contains(x) == (in_a || in_b));
      EXPECT_AT(x, ab_inter.Contains(x) == (in_a && in_b));
      EXPECT_AT(x, ab_diff.Contains(x) == (in_a && !in_b));
      EXPECT_AT(x, a_comp.Contains(x) == !in_a);
    };
    std::vector<T> probes = Probes<T>(rng, {&ma, &mb});
    for (T x : probes) check_point(x);
    if (!a.IsEmpty()) {
      EXPECT_TRUE(ma.Has(a.Min()));
      EXPECT_TRUE(ma.Has(a.Max()));
      EXPECT_TRUE((a.Min() == 0 || !ma.Has(static_cast<T>(a.Min() - 1))));
      EXPECT_TRUE((a.Max() == kTop<T> || !ma.Has(static_cast<T>(a.Max() + 1))));
    }
    if (iteration < exhaustive_iterations) {
      // Every value of the universe: membership, Contains(set) and Intersects by brute force.
      bool b_subset_of_a = true, meet = false;
      std::uint64_t value = 0;
      while (true) {
        T x = static_cast<T>(value);
        check_point(x);
        if (mb.Has(x) && !ma.Has(x)) b_subset_of_a = false;
        if (mb.Has(x) && ma.Has(x)) meet = true;
        if (x == kTop<T>) break;
        ++value;
      }
      EXPECT_TRUE(a.Contains(b) == b_subset_of_a);
      EXPECT_TRUE(a.Intersects(b) == meet);
    }
  }
}

// A few intervals against thousands: the sweeps skip ahead through the larger set, and must
// find what a plain sweep, one interval at a time, finds.
TEST_CASE("IntervalSet: a small set against a large one gives what a plain sweep gives", "[net][property]") {
  using Set = IntervalSet<std::uint32_t>;
  std::mt19937_64 rng(17);
  auto random_set = [&](std::size_t count) {
    std::vector<std::uint32_t> ends;
    for (std::size_t i = 0; i < 2 * count; ++i) ends.push_back(static_cast<std::uint32_t>(rng() % 200000));
    std::sort(ends.begin(), ends.end());
    Set set;
    for (std::size_t i = 0; i + 1 < ends.size(); i += 2) set.AppendMerging({ends[i], ends[i + 1]});
    return set;
  };
  auto narrow_set = [&](std::size_t count) {  // a flow's few addresses: narrow intervals
    std::vector<std::uint32_t> starts;
    for (std::size_t i = 0; i < count; ++i) starts.push_back(static_cast<std::uint32_t>(rng() % 200000));
    std::sort(starts.begin(), starts.end());
    Set set;
    for (std::uint32_t start : starts) set.AppendMerging({start, start + static_cast<std::uint32_t>(rng() % 40)});
    return set;
  };
  auto plain_intersect = [](const Set& x, const Set& y) {
    Set out;
    std::size_t a = 0, b = 0;
    const auto& p = x.Intervals();
    const auto& q = y.Intervals();
    while (a < p.size() && b < q.size()) {
      const std::uint32_t lo = std::max(p[a].lo, q[b].lo), hi = std::min(p[a].hi, q[b].hi);
      if (lo <= hi) out.AppendMerging({lo, hi});
      if (p[a].hi < q[b].hi)
        ++a;
      else
        ++b;
    }
    return out;
  };
  auto plain_subtract = [](const Set& x, const Set& y) {
    Set out;
    for (const auto& i : x.Intervals()) {
      std::uint32_t lo = i.lo;
      bool gone = false;
      for (const auto& c : y.Intervals()) {
        if (c.hi < lo || c.lo > i.hi) continue;
        if (c.lo > lo) out.AppendMerging({lo, c.lo - 1});
        if (c.hi >= i.hi) {
          gone = true;
          break;
        }
        lo = c.hi + 1;
      }
      if (!gone) out.AppendMerging({lo, i.hi});
    }
    return out;
  };
  std::size_t met = 0;
  for (int round = 0; round < 300; ++round) {
    const Set large = round % 3 ? narrow_set(3000) : random_set(3000);
    const Set small = round % 2 ? narrow_set(1 + round % 4) : random_set(1 + round % 4);
    CHECK(IsCanonical(large));
    const Set expected = plain_intersect(small, large);
    CHECK(small.Intersect(large) == expected);
    CHECK(large.Intersect(small) == expected);
    CHECK(small.Intersects(large) == !expected.IsEmpty());
    CHECK(large.Intersects(small) == !expected.IsEmpty());
    CHECK(small.Subtract(large) == plain_subtract(small, large));
    CHECK(large.Subtract(small) == plain_subtract(large, small));
    met += !expected.IsEmpty();
  }
  CHECK(met > 30);   // both outcomes are exercised
  CHECK(met < 290);
}

TEST_CASE("IntervalSet<uint8_t>: set algebra laws hold (property)", "[net][property]") {
  CheckAlgebra<std::uint8_t>(1, 2000, 400);
}

TEST_CASE("IntervalSet<uint16_t>: set algebra laws hold (property)", "[net][property]") {
  CheckAlgebra<std::uint16_t>(2, 2000, 2);
}

TEST_CASE("IntervalSet<uint32_t>: set algebra laws hold (property)", "[net][property]") {
  CheckAlgebra<std::uint32_t>(3, 2000, 0);
}

TEST_CASE("IntervalSet<Uint128>: set algebra laws hold (property)", "[net][property]") {
  CheckAlgebra<Uint128>(4, 2000, 0);
}

}  // namespace
}  // namespace reachcheck::net
