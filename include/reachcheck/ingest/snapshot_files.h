// SPDX-License-Identifier: Apache-2.0
// The files a snapshot is made of (the walk the loader does) and the content key that names
// them: a hash of every root and every file's path, size and bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reachcheck/base/read_file.h"

namespace reachcheck::ingest {

/// One `--snapshot` path and the *.json files below it, sorted as the loader reads them.
struct SnapshotRoot {
  std::string path;  ///< as the user gave it
  bool exists = false;
  bool is_directory = false;
  std::string walk_error;          ///< why the directory walk stopped early, "" when it did not
  std::vector<std::string> files;  ///< a single file root lists itself
};

/// Walks every path the way LoadSnapshot does (recursively for *.json, skipping folders it
/// may not read). Never throws.
std::vector<SnapshotRoot> ListSnapshotFiles(const std::vector<std::string>& paths);

/// Reads a whole regular file into `text`, with spare capacity after it for the JSON parser
/// (which then need not copy it); false with a message in `error` otherwise.
bool ReadSnapshotFile(const std::string& path, std::string& text, std::string& error);
/// The same into a buffer reused from file to file.
bool ReadSnapshotFile(const std::string& path, base::FileBuffer& buffer, std::string& error);

/// A 128-bit non-cryptographic hash (eight 64-bit lanes over 64-byte stripes, one multiply
/// per eight bytes, in AVX2 or SSE2 where the CPU has them) of a snapshot's contents, fed in
/// walk order. Strings are
/// length-prefixed, so ("ab","c") != ("a","bc"). A file enters as its path, its size and the
/// digest of its bytes, so that files can be hashed on any thread and fed in order after.
class ContentKey {
 public:
  /// The 128-bit hash of one file's bytes on their own.
  struct FileDigest {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
  };
  static FileDigest Digest(std::string_view bytes);

  void AddRoot(const SnapshotRoot& root);
  void AddFile(std::string_view path, std::size_t size, const FileDigest& digest);
  void AddString(std::string_view text);
  void AddNumber(std::uint64_t value);
  /// 32 lowercase hex digits.
  std::string Hex() const;

 private:
  FileDigest Finish() const;
  void AddBytes(std::string_view bytes);
  std::uint64_t lanes_[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                             0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                             0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
  std::uint64_t length_ = 0;
};

}  // namespace reachcheck::ingest
