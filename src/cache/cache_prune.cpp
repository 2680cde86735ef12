// SPDX-License-Identifier: Apache-2.0
// PruneCacheDirectory and TouchCacheFile: the cache folder's size limit.
#include "cache/cache_prune.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <vector>

namespace reachcheck::cache::detail {
namespace {

namespace fs = std::filesystem;

struct CacheEntry {
  fs::path path;
  fs::file_time_type written;
  std::uintmax_t size = 0;
};

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void PruneCacheDirectory(const std::string& directory, std::uintmax_t max_bytes, const std::string& keep) {
  std::error_code ec;
  const fs::file_time_type now = fs::file_time_type::clock::now();
  const fs::path kept = fs::path(keep).lexically_normal();
  std::vector<CacheEntry> models;
  std::uintmax_t total = 0;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    const std::string name = it->path().filename().string();
    const fs::file_time_type written = it->last_write_time(entry_ec);
    if (entry_ec) continue;
    const std::string before_tmp = name.substr(0, name.find(".tmp."));
    if (before_tmp.size() != name.size() && (EndsWith(before_tmp, ".rcmodel") || EndsWith(before_tmp, ".last") ||
                                           EndsWith(before_tmp, ".stamps"))) {
      // A write that was interrupted: a live one finishes long before an hour.
      if (now - written > std::chrono::hours(1)) fs::remove(it->path(), entry_ec);
      continue;
    }
    if (!EndsWith(name, ".rcmodel")) continue;
    const std::uintmax_t size = it->file_size(entry_ec);
    if (entry_ec) continue;
    models.push_back({it->path(), written, size});
    total += size;
  }
  if (max_bytes == 0 || total <= max_bytes) return;
  std::sort(models.begin(), models.end(),
            [](const CacheEntry& a, const CacheEntry& b) { return a.written < b.written; });
  for (const CacheEntry& model : models) {
    if (total <= max_bytes) break;
    if (model.path.lexically_normal() == kept) continue;
    std::error_code remove_ec;
    if (fs::remove(model.path, remove_ec)) total -= model.size;
  }
}

void TouchCacheFile(const std::string& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

}  // namespace reachcheck::cache::detail
