// SPDX-License-Identifier: Apache-2.0
// LoadSnapshotCached: key the snapshot by its contents, use the cache file when it is intact,
// else load normally and (re)write it. The key the same paths had last time is a hint: that
// cache file is decoded on a second core while the inputs are hashed on the others, and used
// only when the hashed key matches. Paths never loaded into the folder skip the key: the
// load's own digests name the file. Where the cache lives comes from the environment.
#include "reachcheck/cache/cached_load.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <limits>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "cache/cache_file.h"
#include "cache/cache_prune.h"
#include "cache/current_key.h"
#include "reachcheck/base/mapped_file.h"
#include "reachcheck/base/parallel.h"
#include "reachcheck/base/read_file.h"
#include "reachcheck/cache/model_codec.h"
#include "reachcheck/ingest/snapshot_files.h"

namespace reachcheck::cache {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// A decoded cache file: the snapshot's texts and JSON pointers point into the mapped file.
struct DecodedFile {
  base::MappedFile file;  ///< released (kept for the rest of the process) once the snapshot is used
  LoadedSnapshot snapshot;
};

// The cache file of `key`, when it is intact and holds that key. Hundreds of megabytes: mapped,
// not copied, and the model's texts are not copied out of it either.
std::optional<DecodedFile> DecodeCacheFile(const std::string& directory, const std::string& key) {
  DecodedFile decoded;
  std::string error;
  if (!decoded.file.Open(CacheFilePath(directory, key), error)) return std::nullopt;
  std::optional<std::string_view> payload = detail::UnwrapPayload(decoded.file.view(), key);
  if (!payload) return std::nullopt;
  std::optional<LoadedSnapshot> snapshot = DecodeSnapshot(*payload, Texts::kBorrow);
  if (!snapshot) return std::nullopt;
  decoded.snapshot = std::move(*snapshot);
  return decoded;
}

// Where the key of the last load of exactly these paths is kept.
std::string HintPath(const std::string& directory, const std::vector<std::string>& paths) {
  return detail::PathsFileStem(directory, paths) + ".last";
}

// The hinted key: 32 hex digits, or "" (no hint, or not one we wrote).
std::string ReadHint(const std::string& directory, const std::vector<std::string>& paths) {
  std::optional<std::string> text = detail::ReadWholeFile(HintPath(directory, paths));
  if (!text || text->size() != 32) return "";
  for (char c : *text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return "";
  }
  return *text;
}

void Report(const LoadedSnapshot& snapshot, base::Diagnostics& diagnostics, ingest::LoadStats* stats) {
  for (const base::Diagnostic& d : snapshot.diagnostics) {
    diagnostics.Mutable().push_back(d);
  }
  if (stats == nullptr) return;
  stats->files_read = snapshot.files_read;
  stats->bytes_read = snapshot.bytes_read;
  stats->files_ignored = snapshot.files_ignored;
  stats->resources_modelled = snapshot.resources_modelled;
}

}  // namespace

CacheOptions CacheOptionsFromEnvironment() {
  CacheOptions options;
  const std::string switch_value = Environment("REACHCHECK_CACHE");
  if (switch_value == "off" || switch_value == "0" || switch_value == "no" || switch_value == "false") {
    return options;
  }
  if (std::string dir = Environment("REACHCHECK_CACHE_DIR"); !dir.empty()) {
    options.directory = dir;
  } else if (std::string xdg = Environment("XDG_CACHE_HOME"); !xdg.empty()) {
    options.directory = xdg + "/reachcheck";
  } else if (std::string home = Environment("HOME"); !home.empty()) {
    options.directory = home + "/.cache/reachcheck";
  }
  if (std::optional<std::uintmax_t> max = ParseCacheSize(Environment("REACHCHECK_CACHE_MAX_SIZE"))) {
    options.max_bytes = *max;
  }
  options.enabled = !options.directory.empty();
  return options;
}

std::optional<std::uintmax_t> ParseCacheSize(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int shift = 0;
  switch (text.back()) {
    case 'K':
    case 'k':
      shift = 10;
      break;
    case 'M':
    case 'm':
      shift = 20;
      break;
    case 'G':
    case 'g':
      shift = 30;
      break;
    default:
      break;
  }
  if (shift != 0) text.remove_suffix(1);
  std::uintmax_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value > (std::numeric_limits<std::uintmax_t>::max() >> shift)) return std::nullopt;
  return value << shift;
}

std::string CacheFilePath(const std::string& directory, const std::string& content_key) {
  ingest::ContentKey name;
  name.AddString(content_key);
  name.AddNumber(kCacheFormatVersion);
  name.AddString(REACHCHECK_VERSION);
  return directory + "/" + name.Hex() + ".rcmodel";
}

model::Network LoadSnapshotCached(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                                  const CacheOptions& options, ingest::LoadStats* stats,
                                  const ingest::LoadProgressCallback& progress, CacheOutcome* outcome) {
  CacheOutcome local_outcome;
  CacheOutcome& result = outcome != nullptr ? *outcome : local_outcome;
  if (!options.enabled) {
    result = CacheOutcome::kDisabled;
    return ingest::LoadSnapshot(paths, diagnostics, stats, progress);
  }
  // No hint file: nothing was loaded from these paths into this folder (or it was lost), so
  // no key is computed before the load, which is bound to be a fresh one and reads every
  // file once; its own digests are remembered for the next run.
  std::error_code no_hint;
  const bool loaded_before = std::filesystem::exists(HintPath(options.directory, paths), no_hint);
  const std::string hint = loaded_before ? ReadHint(options.directory, paths) : std::string();
  std::future<std::optional<DecodedFile>> guess;
  unsigned hash_threads = base::MaxThreads();
  if (!hint.empty() && hash_threads > 1) {
    guess = std::async(std::launch::async, DecodeCacheFile, options.directory, hint);
    --hash_threads;  // the decode has a core of its own
  }
  std::size_t key_files_read = 0;
  if (const std::string key = loaded_before
                                  ? detail::CurrentContentKey(paths, options, hash_threads, key_files_read)
                                  : std::string();
      !key.empty()) {
    std::optional<DecodedFile> decoded =
        guess.valid() && key == hint ? guess.get() : DecodeCacheFile(options.directory, key);
    if (decoded) {
      // The network's texts live in the file's pages: they stay mapped until the process ends
      // (a guess that did not match is unmapped with the snapshot it made).
      decoded->file.Release();
      if (key != hint) detail::WriteFileAtomically(HintPath(options.directory, paths), {key});
      detail::TouchCacheFile(CacheFilePath(options.directory, key));  // used: pruned last
      Report(decoded->snapshot, diagnostics, stats);
      if (stats != nullptr) stats->key_files_read = key_files_read;
      result = CacheOutcome::kHit;
      return std::move(decoded->snapshot.network);
    }
  }
  if (guess.valid()) guess.wait();  // a guess that did not match: let it finish, then free it
  guess = {};
  // A fresh load. Its own key (of the bytes it read) names the file, so a snapshot that
  // changed while it was being hashed is never stored under the old contents.
  ingest::LoadStats local_stats;
  ingest::LoadStats& counts = stats != nullptr ? *stats : local_stats;
  base::Diagnostics fresh;
  LoadedSnapshot loaded;
  std::optional<detail::StampsBeforeLoad> before;
  if (!loaded_before) before = detail::StampFiles(paths);
  loaded.network = ingest::LoadSnapshot(paths, fresh, &counts, progress);
  counts.key_files_read = key_files_read;
  loaded.diagnostics = fresh.All();
  loaded.files_read = counts.files_read;
  loaded.bytes_read = counts.bytes_read;
  loaded.files_ignored = counts.files_ignored;
  loaded.resources_modelled = counts.resources_modelled;
  diagnostics.Append(fresh);
  result = CacheOutcome::kNotStored;
  if (!counts.content_key.empty()) {
    const EncodedSnapshot payload = EncodeSnapshotPieces(loaded);
    const std::string header = detail::PayloadHeader(counts.content_key, payload.size());
    std::vector<std::string_view> pieces{header};
    const std::vector<std::string_view> views = payload.Views();
    pieces.insert(pieces.end(), views.begin(), views.end());
    const std::string file = CacheFilePath(options.directory, counts.content_key);
    if (detail::WriteFileAtomically(file, pieces)) {
      result = CacheOutcome::kStored;
      detail::WriteFileAtomically(HintPath(options.directory, paths), {counts.content_key});
      if (before) detail::RememberLoadedFiles(paths, options, *before, counts.files_hashed);
      detail::PruneCacheDirectory(options.directory, options.max_bytes, file);
    }
  }
  return std::move(loaded.network);
}

}  // namespace reachcheck::cache
