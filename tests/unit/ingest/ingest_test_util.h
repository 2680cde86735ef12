// SPDX-License-Identifier: Apache-2.0
// Helpers for the loader tests: load a raw JSON text through LoadDocument and look at the
// diagnostics as the CLI prints them.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/ingest/load.h"
#include "reachcheck/model/network.h"

namespace reachcheck::ingest::testing {

struct Loaded {
  model::Network network;
  base::Diagnostics diagnostics;

  /// Diagnostic::ToString of every diagnostic with `code` (sorted).
  std::vector<std::string> With(const std::string& code) const {
    std::vector<std::string> out;
    for (const base::Diagnostic& d : diagnostics.Sorted()) {
      if (d.code == code) out.push_back(d.ToString());
    }
    return out;
  }
  /// Diagnostic::ToString of every diagnostic of `severity` (sorted).
  std::vector<std::string> Of(base::Severity severity) const {
    std::vector<std::string> out;
    for (const base::Diagnostic& d : diagnostics.Sorted()) {
      if (d.severity == severity) out.push_back(d.ToString());
    }
    return out;
  }
  std::vector<std::string> Errors() const { return Of(base::Severity::kError); }
};

/// Loads `text` as if read from `file` (default: a file in a us-east-1 folder of account
/// 111122223333, so that every element gets that scope).
inline Loaded Load(const std::string& text,
                   const std::string& file = "snap/111122223333/us-east-1/doc.json") {
  Loaded out;
  out.network = LoadDocument(text, file, out.diagnostics);
  return out;
}

}  // namespace reachcheck::ingest::testing
