// SPDX-License-Identifier: Apache-2.0
// DigestMemo: reading, trusting and writing the remembered file digests.
#include "cache/digest_memo.h"

#include <sys/stat.h>

#include <string_view>

#include "cache/cache_file.h"

namespace reachcheck::cache::detail {
namespace {

constexpr std::string_view kMemoMagic = "RCHKSTM\n";
constexpr std::uint64_t kMemoFormat = 1;

std::int64_t Nanoseconds(const timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

// The memo's fields, over FieldReader.
struct Fields {
  FieldReader reader;
  bool Take(std::uint64_t& value) { return reader.U64(value); }
  bool Take(std::int64_t& value) {
    std::uint64_t raw = 0;
    if (!reader.U64(raw)) return false;
    value = static_cast<std::int64_t>(raw);
    return true;
  }
  bool Take(std::string& text) {
    std::string_view view;
    if (!reader.Text(view)) return false;
    text.assign(view);
    return true;
  }
};

}  // namespace

std::optional<FileStamp> StampOf(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
                   static_cast<std::uint64_t>(info.st_size), Nanoseconds(info.st_mtim),
                   Nanoseconds(info.st_ctim)};
}

std::int64_t NowNs() {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  return Nanoseconds(now);
}

bool SettledBefore(const FileStamp& stamp, std::int64_t read_at_ns, std::chrono::nanoseconds settle) {
  const std::int64_t before = read_at_ns - settle.count();
  return stamp.modified_ns < before && stamp.changed_ns < before;
}

DigestMemo DigestMemo::Read(const std::string& path) {
  DigestMemo memo;
  std::optional<std::string> bytes = ReadWholeFile(path);
  constexpr std::size_t kChecksumSize = 32;
  if (!bytes || bytes->size() < kMemoMagic.size() + kChecksumSize) return memo;
  const std::string_view all(*bytes);
  if (all.substr(0, kMemoMagic.size()) != kMemoMagic) return memo;
  const std::string_view body = all.substr(kMemoMagic.size(), all.size() - kMemoMagic.size() - kChecksumSize);
  if (Checksum(body) != all.substr(all.size() - kChecksumSize)) return memo;
  Fields fields{FieldReader{body}};
  std::uint64_t format = 0, count = 0;
  if (!fields.Take(format) || format != kMemoFormat || !fields.Take(count)) return memo;
  // Each entry takes at least 64 bytes: a count beyond that is not believed.
  if (count > fields.reader.rest.size() / 64) return memo;
  DigestMemo read;
  read.entries_.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string file;
    Entry entry;
    FileStamp& s = entry.stamp;
    if (!fields.Take(file) || !fields.Take(s.device) || !fields.Take(s.inode) || !fields.Take(s.size) ||
        !fields.Take(s.modified_ns) || !fields.Take(s.changed_ns) || !fields.Take(entry.digest.low) ||
        !fields.Take(entry.digest.high)) {
      return memo;
    }
    read.entries_.insert_or_assign(std::move(file), entry);
  }
  if (!fields.reader.rest.empty()) return memo;
  return read;
}

std::optional<ingest::ContentKey::FileDigest> DigestMemo::Find(const std::string& file,
                                                               const FileStamp& stamp) const {
  const auto it = entries_.find(file);
  if (it == entries_.end() || !(it->second.stamp == stamp)) return std::nullopt;
  return it->second.digest;
}

void DigestMemo::Remember(const std::string& file, const FileStamp& stamp,
                          const ingest::ContentKey::FileDigest& digest) {
  entries_.insert_or_assign(file, Entry{stamp, digest});
}

bool DigestMemo::Write(const std::string& path) const {
  std::string body;
  AppendU64(body, kMemoFormat);
  AppendU64(body, entries_.size());
  for (const auto& [file, entry] : entries_) {
    AppendText(body, file);
    const FileStamp& s = entry.stamp;
    for (std::uint64_t value :
         {s.device, s.inode, s.size, static_cast<std::uint64_t>(s.modified_ns),
          static_cast<std::uint64_t>(s.changed_ns), entry.digest.low, entry.digest.high}) {
      AppendU64(body, value);
    }
  }
  return WriteFileAtomically(path, {kMemoMagic, body, Checksum(body)});
}

}  // namespace reachcheck::cache::detail
