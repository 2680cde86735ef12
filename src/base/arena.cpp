// SPDX-License-Identifier: Apache-2.0
// The text arena: each thread fills a chunk of its own, taking a new one from the shared
// list under a lock when it is full.
#include "reachcheck/base/arena.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <vector>

namespace reachcheck::base {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

struct Chunks {
  std::mutex lock;
  std::vector<std::unique_ptr<char[]>> all;
};

// Never destroyed: texts may be read by static objects until the very end of the process.
Chunks& Shared() {
  static Chunks* chunks = new Chunks();
  return *chunks;
}

// This thread's room in its current chunk.
thread_local char* next = nullptr;
thread_local std::size_t left = 0;

}  // namespace

char* ArenaAllocate(std::size_t bytes) {
  if (bytes > left) {
    const std::size_t size = std::max(kChunkBytes, bytes);
    std::unique_ptr<char[]> chunk(new char[size]);  // not zero-filled: every byte is written first
    char* start = chunk.get();
    {
      Chunks& shared = Shared();
      std::lock_guard<std::mutex> guard(shared.lock);
      shared.all.push_back(std::move(chunk));
    }
    next = start;  // only once the chunk is kept
    left = size;
  }
  char* room = next;
  next += bytes;
  left -= bytes;
  return room;
}

}  // namespace reachcheck::base
