// SPDX-License-Identifier: Apache-2.0
// Deterministic random numbers for the estate generator: xoshiro256** seeded by splitmix64,
// plus the bijective 64-bit mixer that turns counters into unique AWS-looking ids.
#pragma once

#include <cmath>
#include <cstdint>
#include <iterator>

namespace reachcheck::bench {

/// splitmix64's finaliser: a bijection on 64 bits (distinct inputs give distinct outputs).
inline std::uint64_t Mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// xoshiro256**: fast, good statistical quality, fully determined by the seed.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (std::uint64_t& word : state_) {
      x += 0x9e3779b97f4a7c15ULL;
      word = Mix64(x);
    }
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, n); n > 0.
  std::uint32_t Below(std::uint32_t n) { return static_cast<std::uint32_t>(((Next() >> 32) * n) >> 32); }
  /// Uniform in [lo, hi].
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<std::uint32_t>(hi - lo + 1)));
  }
  /// Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  /// exp(N(log(median), sigma)), via Box-Muller.
  double LogNormal(double median, double sigma) {
    const double u1 = 1.0 - Unit();
    const double u2 = Unit();
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    return median * std::exp(sigma * z);
  }
  /// Index into cumulative weights `cumulative[0..n)` (increasing, last = total).
  template <typename Array>
  int Pick(const Array& cumulative) {
    const double total = cumulative[std::size(cumulative) - 1];
    const double x = Unit() * total;
    int i = 0;
    while (i + 1 < static_cast<int>(std::size(cumulative)) && x >= cumulative[i]) ++i;
    return i;
  }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace reachcheck::bench
