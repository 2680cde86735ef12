// SPDX-License-Identifier: Apache-2.0
// Selecting the rules in effect and running them over a network.
#include "reachcheck/lint/linter.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <set>

#include "lint/json_locate.h"
#include "lint/rule_body.h"
#include "lint/strict_json.h"
#include "reachcheck/base/parallel.h"
#include "reachcheck/base/spellcheck.h"
#include "reachcheck/lint/rule_loader.h"

namespace reachcheck::lint {
namespace {

std::vector<std::string> Ids(const std::vector<Rule>& rules) {
  std::vector<std::string> ids;
  for (const Rule& rule : rules) ids.push_back(rule.info.id);
  return ids;
}

std::string UnknownRuleMessage(const std::string& id, const std::vector<std::string>& ids) {
  std::string message = "unknown rule '" + id + "'";
  if (auto hint = base::ClosestMatch(id, ids, 4)) message += "; did you mean '" + *hint + "'?";
  return message;
}

// Fills in line and column of every finding location and path hop: each file is read once
// and scanned once for all the places in it.
void LocateFindings(std::vector<Finding>& findings) {
  std::map<std::string, std::vector<base::SourceRef*>> places;  // file -> places to fill
  auto want = [&](base::SourceRef& where) {
    if (!where.file.empty() && where.line == 0) places[where.file].push_back(&where);
  };
  for (Finding& f : findings) {
    want(f.location);
    for (analysis::HopRef& hop : f.path) {
      if (hop->where.file.empty() || hop->where.line != 0) continue;
      auto own = std::make_shared<analysis::Hop>(*hop);  // hops are shared: locate a copy
      want(own->where);
      hop = analysis::HopRef(std::move(own));
    }
  }
  for (auto& [file, refs] : places) {
    std::string text;
    if (!ReadTextFile(file, &text) || text.empty()) continue;
    std::vector<std::string> pointers;
    pointers.reserve(refs.size());
    for (const base::SourceRef* where : refs) pointers.push_back(where->pointer.str());
    const std::vector<TextPosition> positions = LocatePointers(text, pointers);
    for (std::size_t i = 0; i < refs.size(); ++i) {
      refs[i]->line = positions[i].line;
      refs[i]->column = positions[i].column;
    }
  }
}

}  // namespace

std::vector<Rule> SelectRules(const RuleSelection& selection, const LintConfig& config,
                              base::Diagnostics& diagnostics) {
  std::vector<Rule> rules;
  if (selection.builtin && !config.no_builtin) rules = BuiltinRules(diagnostics);
  std::vector<std::string> paths = config.rule_paths;
  paths.insert(paths.end(), selection.rule_paths.begin(), selection.rule_paths.end());
  for (const std::string& path : paths) {
    std::vector<Rule> more;
    LoadRulePath(path, more, diagnostics);
    MergeRules(rules, std::move(more), diagnostics);
  }
  std::vector<std::string> ids = Ids(rules);
  for (const std::string& id : selection.only) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      diagnostics.Error("usage-unknown-rule", "--only: " + UnknownRuleMessage(id, ids), base::SourceRef{});
    }
  }
  for (const auto& [id, severity] : config.severities) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      diagnostics.Error("config-unknown-rule", UnknownRuleMessage(id, ids), config.severity_origins.at(id));
    }
  }
  std::vector<Rule> selected;
  for (Rule& rule : rules) {
    if (!selection.only.empty() &&
        std::find(selection.only.begin(), selection.only.end(), rule.info.id) == selection.only.end()) {
      continue;
    }
    auto override_it = config.severities.find(rule.info.id);
    if (override_it != config.severities.end()) {
      if (!override_it->second) continue;  // "off"
      rule.info.severity = *override_it->second;
    }
    selected.push_back(std::move(rule));
  }
  std::sort(selected.begin(), selected.end(),
            [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  return selected;
}

LintReport RunLint(const model::Network& network, const std::vector<Rule>& rules, const LintConfig& config,
                   const LintProgressCallback& progress, const analysis::SweepProgress& engine_progress) {
  LintReport report;
  for (const Rule& rule : rules) report.rules.push_back(rule.info);
  // Rules run concurrently (each into its own list) over one engine built on first use.
  SharedEngine engine(network, engine_progress);
  std::vector<std::vector<Finding>> found(rules.size());
  base::ForEachParallel(
      rules.size(),
      [&](std::size_t i) {
        const Rule& rule = rules[i];
        if (rule.body == nullptr) return;
        if (rule.body->check != nullptr) {
          CheckContext context(network, engine, rule.info, rule.body->parameters);
          rule.body->check->Run(context, found[i]);
        } else if (rule.body->intent) {
          EvaluateIntent(*rule.body->intent, rule.info, network, engine.Get(), found[i]);
        }
      },
      [&](std::size_t done, std::size_t total) {
        if (progress && done < total) progress(done, total);
      },
      2);
  std::vector<Finding> all;
  for (std::vector<Finding>& part : found) std::move(part.begin(), part.end(), std::back_inserter(all));
  std::sort(all.begin(), all.end(), FindingLess);
  std::set<std::string> seen;
  for (Finding& f : all) {
    f.fingerprint = Fingerprint(f.rule, f.resources);
    if (!seen.insert(f.fingerprint).second) continue;  // the same finding from two scopes
    if (const Suppression* s = FindSuppression(config, f)) {
      f.suppression_reason = s->reason;
      report.suppressed.push_back(std::move(f));
    } else {
      report.findings.push_back(std::move(f));
    }
  }
  if (progress) progress(rules.size(), rules.size());  // locating findings comes last
  LocateFindings(report.findings);
  LocateFindings(report.suppressed);
  return report;
}

bool ParseFailOn(const std::string& text, std::optional<base::Severity>* threshold) {
  if (text == "never") {
    *threshold = std::nullopt;
    return true;
  }
  base::Severity severity = base::Severity::kError;
  if (!ParseSeverity(text, &severity)) return false;
  *threshold = severity;
  return true;
}

bool ShouldFail(const LintReport& report, std::optional<base::Severity> threshold) {
  if (!threshold) return false;
  // Severity enumerators are ordered error < warning < note: "at or above" is <=.
  return std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
    return f.baseline != BaselineState::kUnchanged && f.severity <= *threshold;
  });
}

}  // namespace reachcheck::lint
