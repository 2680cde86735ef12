// SPDX-License-Identifier: Apache-2.0
// Text output of `lint` and `rules list`.
#include <algorithm>
#include <sstream>

#include "reachcheck/output/lint_format.h"

namespace reachcheck::output {
namespace {

std::string Plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Place(const base::SourceRef& where) {
  if (where.file.empty()) return "reachcheck";
  std::string out = where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string PathText(const analysis::Path& hops) {
  std::string out, last;
  for (const analysis::Hop& hop : hops) {
    if (hop.component == last) continue;
    last = hop.component;
    out += (out.empty() ? "" : " -> ") + hop.component;
  }
  return out;
}

}  // namespace

std::string LintText(const lint::LintReport& report, const LintFormatOptions& options) {
  (void)options;
  std::ostringstream out;
  std::size_t counts[3] = {0, 0, 0};
  std::size_t in_baseline = 0;
  for (const lint::Finding& f : report.findings) {
    if (f.baseline == lint::BaselineState::kUnchanged) {
      ++in_baseline;
      continue;
    }
    ++counts[static_cast<int>(f.severity)];
    out << Place(f.location) << ": " << base::SeverityName(f.severity) << ": " << f.message << " [" << f.rule
        << "]\n";
    out << "  resources: " << Join(f.resources) << "\n";
    if (!f.location.file.empty())
      out << "  at " << (f.location.pointer.empty() ? "/" : f.location.pointer) << "\n";
    if (!f.path.empty()) out << "  path: " << PathText(f.path) << "\n";
  }
  std::size_t total = counts[0] + counts[1] + counts[2];
  out << "lint: ";
  if (total == 0) {
    out << "no findings";
  } else {
    out << Plural(counts[0], "error") << ", " << Plural(counts[1], "warning") << ", "
        << Plural(counts[2], "note");
  }
  out << " (" << Plural(report.rules.size(), "rule") << " run";
  if (!report.suppressed.empty()) out << "; " << report.suppressed.size() << " suppressed by the config";
  if (options.baseline_used) out << "; " << in_baseline << " already in the baseline";
  out << ")\n";
  return out.str();
}

std::string RulesListText(const std::vector<lint::RuleInfo>& rules) {
  std::size_t width = 2;
  for (const lint::RuleInfo& rule : rules) width = std::max(width, rule.id.size());
  std::ostringstream out;
  out << "ID" << std::string(width - 2 + 2, ' ') << "SEVERITY  KIND    SOURCE  TITLE\n";
  for (const lint::RuleInfo& rule : rules) {
    std::string severity = base::SeverityName(rule.severity);
    std::string kind = lint::RuleKindName(rule.kind);
    std::string source = rule.builtin ? "built-in" : rule.origin.file;
    out << rule.id << std::string(width - rule.id.size() + 2, ' ') << severity
        << std::string(10 - severity.size(), ' ') << kind << std::string(8 - kind.size(), ' ')
        << (rule.builtin ? "builtin" : "user   ") << " " << rule.title << "\n";
    if (!rule.builtin) out << std::string(width + 2, ' ') << "from " << source << "\n";
  }
  out << Plural(rules.size(), "rule") << " in effect\n";
  return out.str();
}

}  // namespace reachcheck::output
