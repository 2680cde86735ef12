// SPDX-License-Identifier: Apache-2.0
// The content key of a snapshot as it is on disk now, reading only the files whose stat data
// differ from those remembered with their digests; the memo of a fresh load's own digests;
// and the names of the files kept per set of snapshot paths.
#include "cache/current_key.h"

#include <algorithm>
#include <atomic>
#include <optional>

#include "reachcheck/base/parallel.h"
#include "reachcheck/base/read_file.h"
#include "reachcheck/ingest/snapshot_files.h"

namespace reachcheck::cache::detail {

std::string PathsFileStem(const std::string& directory, const std::vector<std::string>& paths) {
  ingest::ContentKey name;
  name.AddString("paths");
  name.AddNumber(paths.size());
  for (const std::string& path : paths) name.AddString(path);
  name.AddNumber(kCacheFormatVersion);
  name.AddString(REACHCHECK_VERSION);
  return directory + "/" + name.Hex();
}

// Each thread hashes with one buffer for all of its files (no fresh pages to fault in).
std::string CurrentContentKey(const std::vector<std::string>& paths, const CacheOptions& options,
                              unsigned threads, std::size_t& files_read) {
  const std::vector<ingest::SnapshotRoot> roots = ingest::ListSnapshotFiles(paths);
  std::vector<const std::string*> files;
  for (const ingest::SnapshotRoot& root : roots) {
    if (!root.exists || !root.walk_error.empty()) return "";
    for (const std::string& file : root.files) files.push_back(&file);
  }
  const std::string memo_path = PathsFileStem(options.directory, paths) + ".stamps";
  const DigestMemo memo = DigestMemo::Read(memo_path);
  struct Hashed {
    std::size_t size = 0;
    ingest::ContentKey::FileDigest digest;
    std::optional<FileStamp> stamp;  ///< set when the digest may be remembered
    bool from_memo = false;
  };
  std::vector<Hashed> hashed(files.size());
  std::vector<std::size_t> to_read;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::optional<FileStamp> stamp = StampOf(*files[i]);
    if (!stamp) return "";  // missing or not a file: the normal load says which
    if (std::optional<ingest::ContentKey::FileDigest> digest = memo.Find(*files[i], *stamp)) {
      hashed[i] = Hashed{static_cast<std::size_t>(stamp->size), *digest, stamp, true};
    } else {
      hashed[i].stamp = stamp;
      to_read.push_back(i);
    }
  }
  files_read = to_read.size();
  threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, to_read.size())));
  std::vector<base::FileBuffer> buffers(threads);
  std::atomic<bool> unreadable{false};
  base::ForEachOnThreads(to_read.size(), threads, [&](unsigned worker, std::size_t k) {
    if (unreadable) return;
    Hashed& file = hashed[to_read[k]];
    const std::string& path = *files[to_read[k]];
    const std::int64_t read_at = NowNs();
    std::string error;
    if (!ingest::ReadSnapshotFile(path, buffers[worker], error)) {
      unreadable = true;
      return;
    }
    file.size = buffers[worker].size();
    file.digest = ingest::ContentKey::Digest(buffers[worker].view());
    const std::optional<FileStamp> after = StampOf(path);
    if (!(after == file.stamp && file.size == file.stamp->size &&
          SettledBefore(*file.stamp, read_at, options.settle_time))) {
      file.stamp.reset();  // changing while read, or too recently: hashed again next time
    }
  });
  if (unreadable) return "";
  ingest::ContentKey key;
  DigestMemo next_memo;
  bool memo_changed = false;
  std::size_t next = 0;
  for (const ingest::SnapshotRoot& root : roots) {
    key.AddRoot(root);
    for (const std::string& file : root.files) {
      const Hashed& h = hashed[next++];
      key.AddFile(file, h.size, h.digest);
      if (h.stamp) next_memo.Remember(file, *h.stamp, h.digest);
      memo_changed = memo_changed || (h.stamp && !h.from_memo);
    }
  }
  // Also when files were dropped: the memo holds only the files of the last run.
  if (memo_changed || next_memo.size() != memo.size()) next_memo.Write(memo_path);
  return key.Hex();
}

StampsBeforeLoad StampFiles(const std::vector<std::string>& paths) {
  StampsBeforeLoad before;
  before.taken_ns = NowNs();  // first: every stamp below is of this instant or later
  for (const ingest::SnapshotRoot& root : ingest::ListSnapshotFiles(paths)) {
    for (const std::string& file : root.files) {
      if (std::optional<FileStamp> stamp = StampOf(file)) before.stamps.emplace(file, *stamp);
    }
  }
  return before;
}

void RememberLoadedFiles(const std::vector<std::string>& paths, const CacheOptions& options,
                         const StampsBeforeLoad& before, const std::vector<ingest::LoadStats::FileRead>& files) {
  DigestMemo memo;
  for (const ingest::LoadStats::FileRead& file : files) {
    const auto stamped = before.stamps.find(file.path);
    if (stamped == before.stamps.end()) continue;  // appeared after the stamps were taken
    const FileStamp& stamp = stamped->second;
    // Read after taken_ns; unchanged from the stamp before to the stamp after the read; had
    // not changed for the settle time before it: the bytes hashed are those of the stamp.
    if (stamp.size != file.size || StampOf(file.path) != stamp ||
        !SettledBefore(stamp, before.taken_ns, options.settle_time)) {
      continue;
    }
    memo.Remember(file.path, stamp, file.digest);
  }
  if (memo.size() > 0) memo.Write(PathsFileStem(options.directory, paths) + ".stamps");
}

}  // namespace reachcheck::cache::detail
