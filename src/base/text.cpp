// SPDX-License-Identifier: Apache-2.0
// A Text's bytes, copied into the text arena.
#include "reachcheck/base/text.h"

#include <cstring>

#include "reachcheck/base/arena.h"

namespace reachcheck::base {

Text::Text(std::string_view text) {
  if (text.empty()) return;
  char* bytes = ArenaAllocate(text.size());
  std::memcpy(bytes, text.data(), text.size());
  data_ = bytes;
  size_ = text.size();
}

}  // namespace reachcheck::base
