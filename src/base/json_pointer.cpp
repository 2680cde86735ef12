// SPDX-License-Identifier: Apache-2.0
// The arena of JSON pointer texts: each thread fills a chunk of its own, taking a new one
// from the shared list under a lock when it is full.
#include "reachcheck/base/json_pointer.h"

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

// Never destroyed: pointers may be read by static objects until the very end of the process.
Chunks& Shared() {
  static Chunks* chunks = new Chunks();
  return *chunks;
}

// This thread's room in its current chunk.
thread_local char* next = nullptr;
thread_local std::size_t left = 0;

const char* EmptyBlock() {
  static const char block[sizeof(std::size_t)] = {};
  return block;
}

}  // namespace

JsonPointer::JsonPointer() : block_(EmptyBlock()) {}

JsonPointer::JsonPointer(std::string_view text) : block_(EmptyBlock()) {
  if (text.empty()) return;
  const std::size_t size = text.size();
  const std::size_t need = sizeof size + size;
  if (need > left) {
    const std::size_t bytes = std::max(kChunkBytes, need);
    std::unique_ptr<char[]> chunk(new char[bytes]);  // not zero-filled: every byte is written first
    char* start = chunk.get();
    {
      Chunks& shared = Shared();
      std::lock_guard<std::mutex> guard(shared.lock);
      shared.all.push_back(std::move(chunk));
    }
    next = start;  // only once the chunk is kept
    left = bytes;
  }
  std::memcpy(next, &size, sizeof size);
  std::memcpy(next + sizeof size, text.data(), size);
  block_ = next;
  next += need;
  left -= need;
}

}  // namespace reachcheck::base
