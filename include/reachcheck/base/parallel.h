// SPDX-License-Identifier: Apache-2.0
// Runs independent tasks 0..count-1 on the machine's cores (the files of a load, sweeps of the
// read-only engine, lint rules), reporting progress from one task at a time and rethrowing a
// task's exception.
#pragma once

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <functional>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace reachcheck::base {

/// Called after each task with the number done so far (one call at a time, on any thread).
using TaskProgress = std::function<void(std::size_t done, std::size_t total)>;

/// The most threads any step may use: one per core, at most 8, and no more than
/// $REACHCHECK_THREADS when that holds a positive whole number (1: everything runs on the
/// caller's thread). Results never depend on it.
inline unsigned MaxThreads() {
  unsigned limit = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
  if (const char* text = std::getenv("REACHCHECK_THREADS")) {
    const std::string_view value(text);
    unsigned wanted = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), wanted);
    if (error == std::errc() && end == value.data() + value.size() && wanted > 0) {
      limit = std::min(limit, wanted);
    }
  }
  return limit;
}

/// How many threads `count` tasks use: MaxThreads(), and one when there are fewer than
/// `min_tasks` (where starting threads costs more than it saves).
inline unsigned WorkerThreads(std::size_t count, std::size_t min_tasks) {
  if (count < min_tasks || count < 2) return 1;
  return std::min(MaxThreads(), static_cast<unsigned>(count));
}

/// Runs task(worker, i) for every i < count on `threads` threads (the caller's among them),
/// where `worker` < threads names the thread, so that a task can use that thread's own
/// buffers. Tasks must not depend on each other's order.
template <typename Task>
void ForEachOnThreads(std::size_t count, unsigned threads, Task&& task, const TaskProgress& progress = {}) {
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex report;
  std::exception_ptr failure;
  auto worker = [&](unsigned self) {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        task(self, i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(report);
        if (!failure) failure = std::current_exception();
        next = count;  // stop handing out tasks
        return;
      }
      std::lock_guard<std::mutex> lock(report);
      ++done;
      if (progress) progress(done, count);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(worker, t);
  worker(0);
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

/// Runs task(i) for every i < count; tasks must not depend on each other's order.
template <typename Task>
void ForEachParallel(std::size_t count, Task&& task, const TaskProgress& progress = {},
                     std::size_t min_tasks = 64) {
  ForEachOnThreads(
      count, WorkerThreads(count, min_tasks), [&](unsigned, std::size_t i) { task(i); }, progress);
}

}  // namespace reachcheck::base
