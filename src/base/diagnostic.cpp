// SPDX-License-Identifier: Apache-2.0
// Diagnostic formatting and the sorted sink.
#include "reachcheck/base/diagnostic.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <tuple>

namespace reachcheck::base {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

std::string Diagnostic::ToString() const {
  std::string out = where.file.empty() ? std::string("reachcheck") : where.file.str();
  if (!where.file.empty() && where.line > 0) {
    out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  }
  out += ": ";
  out += SeverityName(severity);
  out += ": " + message + " [" + code + "]";
  // An empty pointer names the whole document ("/" would be the key "" in RFC 6901).
  if (!where.file.empty()) {
    out += "\n  at " + (where.pointer.empty() ? std::string("(whole document)") : where.pointer);
  }
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

namespace {

// Orders JSON pointers segment by segment, numeric segments by value, so that
// "/Vpcs/2" comes before "/Vpcs/10" as the elements do in the file.
int ComparePointers(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    std::size_t ei = a.find('/', i + 1), ej = b.find('/', j + 1);
    if (ei == std::string_view::npos) ei = a.size();
    if (ej == std::string_view::npos) ej = b.size();
    std::string_view sa(a.data() + i, ei - i), sb(b.data() + j, ej - j);
    bool na = sa.size() > 1 && std::all_of(sa.begin() + 1, sa.end(), ::isdigit);
    bool nb = sb.size() > 1 && std::all_of(sb.begin() + 1, sb.end(), ::isdigit);
    if (na && nb && sa.size() != sb.size()) return sa.size() < sb.size() ? -1 : 1;
    if (int c = sa.compare(sb); c != 0) return c < 0 ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

}  // namespace

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return a.where.file < b.where.file;
    if (int c = ComparePointers(a.where.pointer, b.where.pointer); c != 0) return c < 0;
    return std::tie(a.severity, a.code, a.message, a.where.line, a.where.column) <
           std::tie(b.severity, b.code, b.message, b.where.line, b.where.column);
  });
  return out;
}

std::size_t Diagnostics::Count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace reachcheck::base
