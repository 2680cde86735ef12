// SPDX-License-Identifier: Apache-2.0
// The digests of a snapshot's files as last hashed, each with the file's stat data, so that a
// second run on unchanged files computes the same content key without reading them again.
// A file is looked up by path and trusted only when device, inode, size, modification and
// change times are all the same; only files that had not changed for a settle time before
// they were read are remembered (a write in the same clock tick as the read cannot go unseen).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "reachcheck/ingest/snapshot_files.h"

namespace reachcheck::cache::detail {

/// What stat(2) says of a file, as far as telling a changed file from an unchanged one.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;  ///< st_mtim
  std::int64_t changed_ns = 0;   ///< st_ctim: any write or metadata change moves it; no one can set it
  bool operator==(const FileStamp&) const = default;
};

/// The stamp of a regular file, or nothing (missing, not regular, not stat-able).
std::optional<FileStamp> StampOf(const std::string& path);

/// The system clock now, in the nanoseconds FileStamp uses.
std::int64_t NowNs();

/// Whether `stamp` (taken before a read that started at `read_at_ns`) lies `settle` or more
/// before the read, so that any later write would move its times.
bool SettledBefore(const FileStamp& stamp, std::int64_t read_at_ns, std::chrono::nanoseconds settle);

class DigestMemo {
 public:
  /// The memo in `path`; empty when it is missing, of another format, or fails its checksum.
  static DigestMemo Read(const std::string& path);

  /// The remembered digest of `file` when its stamp is still `stamp`.
  std::optional<ingest::ContentKey::FileDigest> Find(const std::string& file, const FileStamp& stamp) const;
  void Remember(const std::string& file, const FileStamp& stamp,
                const ingest::ContentKey::FileDigest& digest);
  std::size_t size() const { return entries_.size(); }

  /// Writes the memo atomically; false when it could not.
  bool Write(const std::string& path) const;

 private:
  struct Entry {
    FileStamp stamp;
    ingest::ContentKey::FileDigest digest;
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace reachcheck::cache::detail
