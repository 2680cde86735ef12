// SPDX-License-Identifier: Apache-2.0
// A JSON pointer's text, kept in the text arena behind its size.
#include "reachcheck/base/json_pointer.h"

#include "reachcheck/base/arena.h"

#include <limits>
#include <stdexcept>

namespace reachcheck::base {
namespace {

const char* EmptyBlock() {
  static const char block[sizeof(std::uint32_t)] = {};
  return block;
}

}  // namespace

JsonPointer::JsonPointer() : block_(EmptyBlock()) {}

JsonPointer::JsonPointer(std::string_view text) : block_(EmptyBlock()) {
  if (text.empty()) return;
  // A pointer is shorter than the document it points into, and no document reaches 4 GiB.
  if (text.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("JSON pointer too long");
  const auto size = static_cast<std::uint32_t>(text.size());
  char* block = ArenaAllocate(sizeof size + size);
  std::memcpy(block, &size, sizeof size);
  std::memcpy(block + sizeof size, text.data(), size);
  block_ = block;
}

}  // namespace reachcheck::base
