// SPDX-License-Identifier: Apache-2.0
// JSON output of `lint` (the contract's fields plus fingerprint, path, baseline state) and
// of `rules list`.
#include "output/json_util.h"
#include "reachcheck/output/lint_format.h"

namespace reachcheck::output {
namespace {

Json LocationJson(const base::SourceRef& where) {
  Json json = {{"file", where.file}, {"pointer", where.pointer}};
  if (where.line > 0) {
    json["line"] = where.line;
    json["column"] = where.column;
  }
  return json;
}

Json FindingJson(const lint::Finding& f, bool baseline_used) {
  Json json = {
      {"rule", f.rule},       {"severity", base::SeverityName(f.severity)}, {"resources", f.resources},
      {"message", f.message}, {"location", LocationJson(f.location)},       {"fingerprint", f.fingerprint}};
  if (!f.path.empty()) json["path"] = HopArray(f.path);
  if (baseline_used) json["baseline"] = lint::BaselineStateName(f.baseline);
  if (!f.suppression_reason.empty()) json["suppressed"] = f.suppression_reason;
  return json;
}

}  // namespace

std::string LintJson(const lint::LintReport& report, const LintFormatOptions& options) {
  Json findings = Json::array();
  std::size_t counts[3] = {0, 0, 0};
  std::size_t in_baseline = 0;
  for (const lint::Finding& f : report.findings) {
    findings.push_back(FindingJson(f, options.baseline_used));
    if (f.baseline == lint::BaselineState::kUnchanged)
      ++in_baseline;
    else
      ++counts[static_cast<int>(f.severity)];
  }
  Json suppressed = Json::array();
  for (const lint::Finding& f : report.suppressed)
    suppressed.push_back(FindingJson(f, options.baseline_used));
  Json summary = {{"error", counts[0]},
                  {"warning", counts[1]},
                  {"note", counts[2]},
                  {"suppressed", report.suppressed.size()},
                  {"rules", report.rules.size()}};
  if (options.baseline_used) summary["baseline"] = in_baseline;
  Json root = {{"findings", findings}, {"suppressed", suppressed}, {"summary", summary}};
  return Dump(root);
}

std::string RulesListJson(const std::vector<lint::RuleInfo>& rules) {
  Json list = Json::array();
  for (const lint::RuleInfo& rule : rules) {
    Json json = {{"id", rule.id},
                 {"severity", base::SeverityName(rule.severity)},
                 {"kind", lint::RuleKindName(rule.kind)},
                 {"title", rule.title},
                 {"description", rule.description},
                 {"rationale", rule.rationale},
                 {"remediation", rule.remediation},
                 {"documentation", rule.documentation},
                 {"tags", rule.tags},
                 {"source", rule.builtin ? "builtin" : rule.origin.file}};
    if (rule.kind == lint::RuleKind::kCheck) json["check"] = rule.check;
    list.push_back(json);
  }
  return Dump(Json{{"rules", list}});
}

}  // namespace reachcheck::output
