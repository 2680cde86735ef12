// SPDX-License-Identifier: Apache-2.0
// Diagnostic formatting and the sorted sink.
#include "reachcheck/base/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace reachcheck::base {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out = where.file.empty() ? std::string("reachcheck") : where.file;
  if (!where.file.empty() && where.line > 0) {
    out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  }
  out += ": ";
  out += SeverityName(severity);
  out += ": " + message + " [" + code + "]";
  if (!where.file.empty()) out += "\n  at " + (where.pointer.empty() ? "/" : where.pointer);
  return out;
}

void Diagnostics::Add(Severity severity, std::string code, std::string message, SourceRef where) {
  items_.push_back(Diagnostic{severity, std::move(code), std::move(message), std::move(where)});
}
void Diagnostics::Error(std::string code, std::string message, SourceRef where) {
  Add(Severity::kError, std::move(code), std::move(message), std::move(where));
}
void Diagnostics::Warning(std::string code, std::string message, SourceRef where) {
  Add(Severity::kWarning, std::move(code), std::move(message), std::move(where));
}
void Diagnostics::Note(std::string code, std::string message, SourceRef where) {
  Add(Severity::kNote, std::move(code), std::move(message), std::move(where));
}
void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.pointer, a.severity, a.code, a.message) <
           std::tie(b.where.file, b.where.pointer, b.severity, b.code, b.message);
  });
  return out;
}

std::size_t Diagnostics::Count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace reachcheck::base
