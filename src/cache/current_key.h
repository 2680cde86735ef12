// SPDX-License-Identifier: Apache-2.0
// The content key of a snapshot as it is on disk now (reading only the files that changed
// since their digests were remembered), and the stem of the files kept per set of paths.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reachcheck/cache/cached_load.h"

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

}  // namespace reachcheck::cache::detail
