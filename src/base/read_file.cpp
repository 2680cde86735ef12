// SPDX-License-Identifier: Apache-2.0
// ReadFile: block reads into a growing buffer, sized from the file's size when known.
#include "reachcheck/base/read_file.h"

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace reachcheck::base {

bool ReadFile(const std::string& path, std::string& text, std::string& error, std::size_t spare_capacity) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    error = "not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::error_code(errno, std::generic_category()).message();
    return false;
  }
  // The size is a hint: the file may change meanwhile.
  const std::uintmax_t size = fs::file_size(path, ec);
  text.clear();
  // One byte more than the size, so that the first read sees the end of the file.
  std::size_t capacity = (ec ? 1 << 16 : static_cast<std::size_t>(size) + 1) + spare_capacity;
  for (;;) {
    const std::size_t used = text.size();
    text.resize(used + capacity);
    in.read(text.data() + used, static_cast<std::streamsize>(capacity));
    text.resize(used + static_cast<std::size_t>(in.gcount()));
    if (!in) break;
    capacity = text.size();
  }
  if (in.bad()) {
    error = "read error";
    return false;
  }
  if (text.capacity() - text.size() < spare_capacity) text.reserve(text.size() + spare_capacity);
  return true;
}

}  // namespace reachcheck::base
