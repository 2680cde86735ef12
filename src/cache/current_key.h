// SPDX-License-Identifier: Apache-2.0
// The content key of a snapshot as it is on disk now (reading only the files that changed
// since their digests were remembered), the same memo written from a fresh load's own
// digests, and the stem of the files kept per set of paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/digest_memo.h"
#include "reachcheck/cache/cached_load.h"
#include "reachcheck/ingest/load.h"

namespace reachcheck::cache::detail {

/// `<directory>/<hash of the paths, the format and reachcheck versions>`: with ".last" the
/// key of the last load of exactly these paths, with ".stamps" its files' remembered digests.
std::string PathsFileStem(const std::string& directory, const std::vector<std::string>& paths);

/// The content key of the snapshot at `paths` as it is on disk now, or "" when any of it is
/// unreadable (then the normal load reports why, and nothing is cached). A file whose stat
/// data are those the memo of these paths remembers is not read; the others are hashed on
/// `threads` threads and remembered for the next run when they had settled
/// (options.settle_time) before they were read. `files_read` counts the files read.
std::string CurrentContentKey(const std::vector<std::string>& paths, const CacheOptions& options,
                              unsigned threads, std::size_t& files_read);

/// The files under `paths` and their stamps now, with the clock: taken before a fresh load,
/// so that what the load hashed can be remembered as if CurrentContentKey had read it.
struct StampsBeforeLoad {
  std::int64_t taken_ns = 0;
  std::unordered_map<std::string, FileStamp> stamps;
};
StampsBeforeLoad StampFiles(const std::vector<std::string>& paths);

/// Remembers, for the next run on `paths`, the digests a fresh load computed for the files
/// whose stamps are those taken before it and had settled (options.settle_time) by then: the
/// memo CurrentContentKey would have written had it read them. Writes nothing when no file
/// qualifies.
void RememberLoadedFiles(const std::vector<std::string>& paths, const CacheOptions& options,
                         const StampsBeforeLoad& before, const std::vector<ingest::LoadStats::FileRead>& files);

}  // namespace reachcheck::cache::detail
