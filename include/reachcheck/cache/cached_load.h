// SPDX-License-Identifier: Apache-2.0
// The model cache: a second load of an unchanged snapshot reads the binary model written by
// the first one instead of parsing the JSON again.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/ingest/load.h"
#include "reachcheck/model/network.h"

namespace reachcheck::cache {

/// Bumped whenever the encoding or the meaning of a model field changes.
inline constexpr unsigned kCacheFormatVersion = 4;

/// The default limit of the cache folder's `*.rcmodel` files (2 GiB).
inline constexpr std::uintmax_t kDefaultCacheMaxBytes = std::uintmax_t{2} << 30;

/// How long before it is read a file must have last changed for its digest to be remembered
/// with its stat data (DigestMemo): longer than any file system's timestamp granularity.
inline constexpr std::chrono::nanoseconds kDefaultSettleTime = std::chrono::seconds(2);

struct CacheOptions {
  bool enabled = false;
  std::string directory;  ///< one file per snapshot key, `<key>.rcmodel`
  /// After a file is written, the least recently used ones are removed until the folder's
  /// cache files add up to at most this (the new one always stays); 0: no limit.
  std::uintmax_t max_bytes = kDefaultCacheMaxBytes;
  /// See kDefaultSettleTime (tests shorten it rather than wait).
  std::chrono::nanoseconds settle_time = kDefaultSettleTime;
};

/// From the environment: REACHCHECK_CACHE=off (or 0, no, false) disables the cache;
/// REACHCHECK_CACHE_DIR names its folder, else $XDG_CACHE_HOME/reachcheck, else
/// $HOME/.cache/reachcheck; disabled when none of them is set. REACHCHECK_CACHE_MAX_SIZE
/// sets max_bytes: a whole number of bytes, or of KiB, MiB, GiB with a K, M or G after it
/// (0: no limit); any other value leaves the default.
CacheOptions CacheOptionsFromEnvironment();

/// A size as REACHCHECK_CACHE_MAX_SIZE spells it ("500M", "2G", "1048576", "0"), or nothing.
std::optional<std::uintmax_t> ParseCacheSize(std::string_view text);

enum class CacheOutcome {
  kDisabled,   ///< loaded normally, cache not consulted
  kHit,        ///< the model came from the cache
  kStored,     ///< loaded normally, then written to the cache
  kNotStored,  ///< loaded normally; the snapshot was incomplete or the write failed
};

/// The cache file for a snapshot content key (LoadStats::content_key) in `directory`; the
/// name also covers the cache format and reachcheck versions.
std::string CacheFilePath(const std::string& directory, const std::string& content_key);

/// Like ingest::LoadSnapshot, with the same diagnostics and counts whether or not the model
/// came from the cache. The key is a hash of every root and file (path, size, bytes). A file
/// whose device, inode, size, modification and change times are those remembered for it
/// (in `<paths>.stamps`, beside the hint `<paths>.last`) is not read again: its remembered
/// digest is used; `stats->key_files_read` counts the files that were read. A cache file
/// that is missing, truncated, of another version or fails its checksum is ignored and
/// overwritten. Written atomically (a temporary file renamed into place). On a hit the
/// phase timings in `stats` are 0 and the progress callback is not called.
model::Network LoadSnapshotCached(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                                  const CacheOptions& options, ingest::LoadStats* stats = nullptr,
                                  const ingest::LoadProgressCallback& progress = {},
                                  CacheOutcome* outcome = nullptr);

}  // namespace reachcheck::cache
