// SPDX-License-Identifier: Apache-2.0
// Measuring helpers for the benchmark driver: a stopwatch, order statistics, and the
// process's current and peak resident set size.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <unistd.h>
#include <vector>

namespace reachcheck::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_;
};

/// Rounds to microseconds so the JSON stays readable.
inline double Seconds(double s) { return std::round(s * 1e6) / 1e6; }

/// The q-quantile (0..1) by nearest rank; `values` is sorted in place. 0 when empty.
inline double Percentile(std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

inline double Median(std::vector<double> values) { return Percentile(values, 0.5); }

/// getrusage's ru_maxrss (KiB on Linux) in bytes.
inline std::uint64_t PeakRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

/// Resident pages now (/proc/self/statm), in bytes; 0 when unavailable.
inline std::uint64_t CurrentRssBytes() {
  std::FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm == nullptr) return 0;
  unsigned long long size = 0, resident = 0;
  const int read = std::fscanf(statm, "%llu %llu", &size, &resident);
  std::fclose(statm);
  return read == 2 ? resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace reachcheck::bench
