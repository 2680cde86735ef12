// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 output of `lint`, in the shape GitHub code scanning reads.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "output/json_util.h"
#include "reachcheck/output/lint_format.h"

namespace reachcheck::output {
namespace {

const char* Level(base::Severity severity) { return base::SeverityName(severity); }

/// RFC 3986 absolute URI: a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), then ':'.
bool IsAbsoluteUri(const std::string& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(text[0])))
    return false;
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

Json PhysicalLocation(const base::SourceRef& where) {
  Json physical = {{"artifactLocation", {{"uri", ArtifactUri(where.file)}}}};
  if (where.line > 0) physical["region"] = {{"startLine", where.line}, {"startColumn", where.column}};
  return physical;
}

Json RuleJson(const lint::RuleInfo& rule) {
  std::string help = rule.rationale + "\n\nRemediation: " + rule.remediation;
  std::string markdown = "**" + rule.title + "**\n\n" + rule.description + "\n\n**Why:** " + rule.rationale +
                         "\n\n**Fix:** " + rule.remediation + "\n\n[Documentation](" + rule.documentation +
                         ")";
  Json tags = Json::array({"network", "reachcheck"});
  std::vector<std::string> extra = rule.tags;
  if (rule.id.rfind("sg-", 0) == 0) extra.push_back("security");
  for (const std::string& tag : extra) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);  // unique
  }
  Json out = {{"id", rule.id},
              {"name", rule.id},
              {"shortDescription", {{"text", rule.title}}},
              {"fullDescription", {{"text", rule.description}}},
              {"help", {{"text", help}, {"markdown", markdown}}},
              {"defaultConfiguration", {{"level", Level(rule.severity)}}},
              {"properties", {{"tags", tags}, {"kind", lint::RuleKindName(rule.kind)}}}};
  // helpUri must be an absolute URI (SARIF 2.1.0 §3.49.12, schema format "uri"); a link
  // relative to the repository (the built-in pack's "docs/rules.md#id") stays in help only.
  if (IsAbsoluteUri(rule.documentation)) out["helpUri"] = rule.documentation;
  return out;
}

Json CodeFlow(const analysis::Path& path) {
  Json locations = Json::array();
  for (const analysis::Hop& hop : path) {
    Json location = {{"message", {{"text", hop.component + " (" + hop.type + "): " + hop.detail}}},
                     {"logicalLocations", Json::array({{{"name", hop.component}, {"kind", hop.type}}})}};
    if (!hop.where.file.empty()) location["physicalLocation"] = PhysicalLocation(hop.where);
    locations.push_back({{"location", location}});
  }
  return {{"threadFlows", Json::array({{{"locations", locations}}})}};
}

Json Result(const lint::Finding& f, const std::map<std::string, std::size_t>& rule_index,
            bool baseline_used) {
  Json location = Json::object();
  if (!f.location.file.empty()) location["physicalLocation"] = PhysicalLocation(f.location);
  Json logical = Json::array();
  for (const std::string& resource : f.resources) {
    logical.push_back({{"name", resource}, {"fullyQualifiedName", resource}, {"kind", "resource"}});
  }
  location["logicalLocations"] = logical;
  Json result = {{"ruleId", f.rule},
                 {"level", Level(f.severity)},
                 {"message", {{"text", f.message}}},
                 {"locations", Json::array({location})},
                 {"partialFingerprints",
                  {{"reachcheck/v1", f.fingerprint}, {"primaryLocationLineHash", f.fingerprint + ":1"}}}};
  auto it = rule_index.find(f.rule);
  if (it != rule_index.end()) result["ruleIndex"] = it->second;
  if (baseline_used) result["baselineState"] = lint::BaselineStateName(f.baseline);
  if (!f.path.empty()) result["codeFlows"] = Json::array({CodeFlow(f.path)});
  if (!f.suppression_reason.empty()) {
    result["suppressions"] = Json::array({{{"kind", "external"}, {"justification", f.suppression_reason}}});
  }
  return result;
}

}  // namespace

std::string ArtifactUri(const std::string& path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                 c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out.push_back(static_cast<char>(c));
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

std::string LintSarif(const lint::LintReport& report, const LintFormatOptions& options) {
  Json rules = Json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const lint::RuleInfo& rule : report.rules) {
    rule_index[rule.id] = rules.size();
    rules.push_back(RuleJson(rule));
  }
  Json results = Json::array();
  for (const lint::Finding& f : report.findings)
    results.push_back(Result(f, rule_index, options.baseline_used));
  for (const lint::Finding& f : report.suppressed)
    results.push_back(Result(f, rule_index, options.baseline_used));
  Json driver = {{"name", "reachcheck"}, {"rules", rules}};
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  Json run = {{"tool", {{"driver", driver}}},
              {"automationDetails", {{"id", "reachcheck/lint/"}}},
              {"columnKind", "utf16CodeUnits"},
              {"results", results}};
  Json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", Json::array({run})}};
  return Dump(root);
}

}  // namespace reachcheck::output
