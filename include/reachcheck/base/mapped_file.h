// SPDX-License-Identifier: Apache-2.0
// A whole file mapped read-only into memory: its bytes are the page cache's, with no copy
// and no fresh pages to fault in, for large files read once from start to end.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace reachcheck::base {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// Maps the regular file at `path`; false with a reason in `error` when it cannot (an
  /// empty file maps to an empty view). Only for files that are replaced, never rewritten in
  /// place, while mapped: a file cut short under a mapping faults when its lost end is read.
  bool Open(const std::string& path, std::string& error);

  std::string_view view() const { return {data_, size_}; }
  /// Keeps the mapping for the rest of the process (this object then holds nothing), for
  /// bytes that texts borrow (see Text::Borrow). Returns the view.
  std::string_view Release();

 private:
  void Close();
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace reachcheck::base
