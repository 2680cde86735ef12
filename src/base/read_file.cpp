// SPDX-License-Identifier: Apache-2.0
// ReadFile: block reads into a growing buffer, sized from the file's size when known.
#include "reachcheck/base/read_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace reachcheck::base {
namespace {

// Reads the file in blocks: `room(bytes)` returns where `bytes` more bytes go after the
// `used` ones read so far, `done(used)` sets the final size. Then leaves `spare_capacity`.
template <typename Room, typename Done>
bool ReadBlocks(const std::string& path, std::string& error, std::size_t spare_capacity, Room&& room,
                Done&& done) {
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
  // One byte more than the size, so that the first read sees the end of the file.
  std::size_t capacity = (ec ? 1 << 16 : static_cast<std::size_t>(size) + 1) + spare_capacity;
  std::size_t used = 0;
  for (;;) {
    in.read(room(used, capacity), static_cast<std::streamsize>(capacity));
    used += static_cast<std::size_t>(in.gcount());
    if (!in) break;
    capacity = used;
  }
  done(used, spare_capacity);
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

}  // namespace

char* FileBuffer::Reserve(std::size_t bytes) {
  if (bytes > capacity_) {
    const std::size_t grown = std::max(bytes, capacity_ + capacity_ / 2);
    std::unique_ptr<char[]> larger(new char[grown]);  // not zero-filled
    if (size_ > 0) std::memcpy(larger.get(), data_.get(), size_);
    data_ = std::move(larger);
    capacity_ = grown;
  }
  return data_.get();
}

bool ReadFile(const std::string& path, std::string& text, std::string& error, std::size_t spare_capacity) {
  text.clear();
  return ReadBlocks(
      path, error, spare_capacity,
      [&](std::size_t used, std::size_t bytes) {
        text.resize(used + bytes);
        return text.data() + used;
      },
      [&](std::size_t used, std::size_t spare) {
        text.resize(used);
        if (text.capacity() - text.size() < spare) text.reserve(text.size() + spare);
      });
}

bool ReadFile(const std::string& path, FileBuffer& buffer, std::string& error, std::size_t spare_capacity) {
  buffer.Resize(0);
  return ReadBlocks(
      path, error, spare_capacity,
      [&](std::size_t used, std::size_t bytes) {
        buffer.Resize(used);
        return buffer.Reserve(used + bytes) + used;
      },
      [&](std::size_t used, std::size_t spare) {
        buffer.Resize(used);
        buffer.Reserve(used + spare);
      });
}

}  // namespace reachcheck::base
