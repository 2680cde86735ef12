// SPDX-License-Identifier: Apache-2.0
// Reading a whole file into memory, with a reason when it cannot be read.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace reachcheck::base {

/// A byte buffer for whole files, reused from file to file: unlike a string, it never
/// zero-fills what it grows by, so reading into it touches each byte once.
class FileBuffer {
 public:
  std::string_view view() const { return {data_.get(), size_}; }
  std::size_t size() const { return size_; }
  /// Bytes allocated, at least size() (readable past the end for parsers that need it).
  std::size_t capacity() const { return capacity_; }

  /// Room for at least `bytes` bytes; the first size() bytes are kept.
  char* Reserve(std::size_t bytes);
  void Resize(std::size_t bytes) { size_ = bytes; }  ///< at most capacity()

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Reads the regular file at `path` into `text` in large blocks, leaving at least
/// `spare_capacity` bytes of capacity beyond its size (for parsers that read past the end).
/// On failure returns false and sets `error` ("not a regular file", the system's message, or
/// "read error").
bool ReadFile(const std::string& path, std::string& text, std::string& error, std::size_t spare_capacity = 0);
/// The same into a FileBuffer (its earlier contents are read over).
bool ReadFile(const std::string& path, FileBuffer& buffer, std::string& error,
              std::size_t spare_capacity = 0);

}  // namespace reachcheck::base
