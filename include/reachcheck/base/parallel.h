// SPDX-License-Identifier: Apache-2.0
// Runs independent tasks 0..count-1 on the machine's cores (sweeps of the read-only engine,
// lint rules), reporting progress from one task at a time and rethrowing a task's exception.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace reachcheck::base {

/// Called after each task with the number done so far (one call at a time, on any thread).
using TaskProgress = std::function<void(std::size_t done, std::size_t total)>;

/// How many threads `count` tasks use: the cores, at most 8, and one when there are fewer
/// than `min_tasks` (where starting threads costs more than it saves).
inline unsigned WorkerThreads(std::size_t count, std::size_t min_tasks) {
  if (count < min_tasks || count < 2) return 1;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min({cores, 8u, static_cast<unsigned>(count)});
}

/// Runs task(i) for every i < count; tasks must not depend on each other's order.
template <typename Task>
void ForEachParallel(std::size_t count, Task&& task, const TaskProgress& progress = {},
                     std::size_t min_tasks = 64) {
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex report;
  std::exception_ptr failure;
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        task(i);
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
  const unsigned threads = WorkerThreads(count, min_tasks);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace reachcheck::base
