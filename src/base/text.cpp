// SPDX-License-Identifier: Apache-2.0
// A Text's bytes, copied into the text arena.
#include "reachcheck/base/text.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "reachcheck/base/arena.h"

namespace reachcheck::base {

Text::Text(std::string_view text) {
  if (text.empty()) return;
  if (text.size() > UINT32_MAX) throw std::length_error("a text longer than 4 GiB");
  char* bytes = ArenaAllocate(text.size());
  std::memcpy(bytes, text.data(), text.size());
  data_ = bytes;
  size_ = static_cast<std::uint32_t>(text.size());
}

}  // namespace reachcheck::base
