// SPDX-License-Identifier: Apache-2.0
// Loads a snapshot (directories and files of `aws ec2 describe-*` JSON) into the model.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::ingest {

struct LoadStats {
  std::size_t files_read = 0;
  std::size_t bytes_read = 0;
  std::size_t files_ignored = 0;  ///< JSON files with no recognised top-level key
};

/// Walks each path (a directory recursively for *.json, or one file), routes every file by
/// its top-level keys, fills the model, then runs model::Validate. Never throws for bad
/// input: every problem becomes a diagnostic with file, JSON pointer, line and column.
/// A snapshot that yields no resources at all gets an `input-empty-snapshot` error.
model::Network LoadSnapshot(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                            LoadStats* stats = nullptr);

/// Loads one JSON document given as text, as if read from `file_name` (for tests).
model::Network LoadDocument(const std::string& text, const std::string& file_name,
                            base::Diagnostics& diagnostics);

}  // namespace reachcheck::ingest
