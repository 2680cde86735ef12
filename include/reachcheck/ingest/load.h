// SPDX-License-Identifier: Apache-2.0
// Loads a snapshot (directories and files of `aws ec2 describe-*` JSON) into the model.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/ingest/snapshot_files.h"
#include "reachcheck/model/network.h"

namespace reachcheck::ingest {

struct LoadStats {
  std::size_t files_read = 0;
  std::size_t bytes_read = 0;
  std::size_t files_ignored = 0;  ///< JSON files with no recognised top-level key
  std::size_t resources_modelled = 0;
  // Where the load's wall time went (seconds); they add up to the whole call, give or take
  // the directory walk. The files are read and modelled on several threads: that phase's
  // wall time is split between parse_s and model_s as the files' own times are.
  double parse_s = 0;     ///< reading the files and parsing the JSON
  double model_s = 0;     ///< routing documents into the model, merging, the post-pass, line:column
  double validate_s = 0;  ///< model::Validate
  unsigned threads = 1;   ///< threads that read and modelled the files
  /// ContentKey of every root and every file exactly as read; "" when the snapshot could not
  /// be read completely (a missing root, an unreadable file, an interrupted walk).
  std::string content_key;
  /// Every file read, in walk order, with the digest the content key holds for it (so that
  /// the model cache can remember the digests without reading the files again).
  struct FileRead {
    std::string path;
    std::size_t size = 0;
    ContentKey::FileDigest digest;
  };
  std::vector<FileRead> files_hashed;
  /// Files read only to compute the model cache's key (set by cache::LoadSnapshotCached; the
  /// others' digests were remembered from an earlier run).
  std::size_t key_files_read = 0;
};

/// How far a load has got; reported after each file.
struct LoadProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t bytes_read = 0;
  std::size_t resources_modelled = 0;
};
/// Called by the loader after each file; it must not throw. Presentation is the caller's.
using LoadProgressCallback = std::function<void(const LoadProgress&)>;

/// Walks each path (a directory recursively for *.json, or one file), routes every file by
/// its top-level keys, fills the model, then runs model::Validate. Never throws for bad
/// input: every problem becomes a diagnostic with file, JSON pointer, line and column.
/// A snapshot that yields no resources at all gets an `input-empty-snapshot` error.
/// `progress`, when set, is called after every file.
model::Network LoadSnapshot(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                            LoadStats* stats = nullptr, const LoadProgressCallback& progress = {});

/// Loads one JSON document given as text, as if read from `file_name` (for tests).
model::Network LoadDocument(const std::string& text, const std::string& file_name,
                            base::Diagnostics& diagnostics);

}  // namespace reachcheck::ingest
