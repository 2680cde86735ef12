// SPDX-License-Identifier: Apache-2.0
// Problems found in the user's input, collected in a sink instead of thrown or printed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"

namespace reachcheck::base {

/// kError: the element could not be modelled and was skipped.
/// kWarning: modelled with an assumption. kNote: ignored or not analysed.
enum class Severity { kError, kWarning, kNote };

/// "error", "warning" or "note".
const char* SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;     ///< kebab-case, e.g. "input-bad-cidr"
  std::string message;  ///< one sentence, no trailing period
  SourceRef where;

  /// gcc-style `file:line:col: error: message [code]` plus `  at pointer` on a second line.
  std::string ToString() const;
  bool operator==(const Diagnostic&) const = default;
};

/// Collects diagnostics; `Sorted()` orders them by (file, pointer, severity, code, message)
/// so that output is deterministic whatever order the input was read in.
class Diagnostics {
 public:
  void Add(Severity severity, std::string code, std::string message, SourceRef where);
  void Error(std::string code, std::string message, SourceRef where);
  void Warning(std::string code, std::string message, SourceRef where);
  void Note(std::string code, std::string message, SourceRef where);
  void Append(const Diagnostics& other);

  /// Every diagnostic in insertion order; mutable so a loader can fill in line/column.
  std::vector<Diagnostic>& Mutable() { return items_; }
  const std::vector<Diagnostic>& All() const { return items_; }
  std::vector<Diagnostic> Sorted() const;
  std::size_t Count(Severity severity) const;
  bool HasErrors() const { return Count(Severity::kError) > 0; }
  bool Empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace reachcheck::base
