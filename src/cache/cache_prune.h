// SPDX-License-Identifier: Apache-2.0
// Keeping the cache folder within its size: least recently used cache files go first, and
// temporary files that an interrupted write left behind go after an hour.
#pragma once

#include <cstdint>
#include <string>

namespace reachcheck::cache::detail {

/// Removes `*.rcmodel` files of `directory`, least recently written first (a hit rewrites
/// the file's time, see TouchCacheFile), until their sizes add up to at most `max_bytes`;
/// `keep` (the file just written) is never removed. 0: no limit. Also removes the
/// temporary files of writes (`*.tmp.<pid>.<n>`) older than an hour. Never throws; a file
/// it cannot remove is left.
void PruneCacheDirectory(const std::string& directory, std::uintmax_t max_bytes, const std::string& keep);

/// Marks a cache file as just used (its modification time), so that pruning keeps it longer.
void TouchCacheFile(const std::string& path);

}  // namespace reachcheck::cache::detail
