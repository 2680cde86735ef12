// SPDX-License-Identifier: Apache-2.0
// ForEachOnThreads runs every task once, names each thread, rethrows a task's exception;
// REACHCHECK_THREADS caps the threads.
#include "reachcheck/base/parallel.h"

#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/scoped_env.h"

namespace reachcheck::base {
namespace {

using ::reachcheck::testing::ScopedEnv;

TEST_CASE("ForEachOnThreads: every task once, each on a named thread") {
  constexpr std::size_t kTasks = 1000;
  std::vector<int> runs(kTasks, 0);
  std::mutex lock;
  std::set<unsigned> workers;
  std::set<std::thread::id> thread_of_worker[2];
  std::size_t last_done = 0;
  ForEachOnThreads(
      kTasks, 2,
      [&](unsigned worker, std::size_t i) {
        ++runs[i];  // each index is handed out once: no two threads touch the same element
        std::lock_guard<std::mutex> guard(lock);
        workers.insert(worker);
        if (worker < 2) thread_of_worker[worker].insert(std::this_thread::get_id());
      },
      [&](std::size_t done, std::size_t total) {
        CHECK(total == kTasks);
        CHECK(done == last_done + 1);
        last_done = done;
      });
  CHECK(std::count(runs.begin(), runs.end(), 1) == static_cast<long>(kTasks));
  CHECK(last_done == kTasks);
  for (unsigned worker : workers) CHECK(worker < 2);
  // A worker number always means the same thread, so per-thread buffers are never shared.
  CHECK(thread_of_worker[0].size() <= 1);
  CHECK(thread_of_worker[1].size() <= 1);
}

TEST_CASE("ForEachOnThreads: a task's exception reaches the caller") {
  auto fail_at_7 = [](unsigned, std::size_t i) {
    if (i == 7) throw std::runtime_error("task 7");
  };
  CHECK_THROWS_WITH(ForEachOnThreads(100, 2, fail_at_7), "task 7");
  CHECK_THROWS_WITH(ForEachOnThreads(100, 1, fail_at_7), "task 7");
}

TEST_CASE("MaxThreads: REACHCHECK_THREADS caps the threads, other values are ignored") {
  unsigned cores = 0;
  {
    ScopedEnv unset("REACHCHECK_THREADS", nullptr);
    cores = MaxThreads();
  }
  CHECK(cores >= 1);
  CHECK(cores <= 8);
  {
    ScopedEnv one("REACHCHECK_THREADS", "1");
    CHECK(MaxThreads() == 1);
    CHECK(WorkerThreads(1000, 2) == 1);
  }
  for (const char* ignored : {"0", "-2", "two", "2x", ""}) {
    ScopedEnv value("REACHCHECK_THREADS", ignored);
    CHECK(MaxThreads() == cores);
  }
  {
    ScopedEnv many("REACHCHECK_THREADS", "64");
    CHECK(MaxThreads() == cores);  // never more than the cores
  }
  ScopedEnv unset("REACHCHECK_THREADS", nullptr);
  CHECK(WorkerThreads(3, 4) == 1);  // fewer tasks than the minimum
  CHECK(WorkerThreads(1000, 4) == cores);
}

}  // namespace
}  // namespace reachcheck::base
