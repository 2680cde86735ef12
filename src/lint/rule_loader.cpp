// SPDX-License-Identifier: Apache-2.0
// The built-in pack and user rule paths.
#include "reachcheck/lint/rule_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "lint/embedded_rules.h"
#include "lint/strict_json.h"

namespace reachcheck::lint {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void ParseFile(const std::string& path, std::vector<Rule>& rules, base::Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, &text)) {
    diagnostics.Error("rules-unreadable", "cannot read rule file", base::SourceRef{path, "", 0, 0});
    return;
  }
  Rule rule;
  if (ParseRule(text, path, false, &rule, diagnostics)) rules.push_back(std::move(rule));
}

}  // namespace

std::vector<EmbeddedRuleFile> EmbeddedRuleFiles() {
  std::vector<EmbeddedRuleFile> files;
  for (const EmbeddedRuleFile* f = embedded::kRuleFiles; f->path != nullptr; ++f) files.push_back(*f);
  return files;
}

std::vector<Rule> BuiltinRules(base::Diagnostics& diagnostics) {
  std::vector<Rule> rules;
  for (const EmbeddedRuleFile& file : EmbeddedRuleFiles()) {
    Rule rule;
    if (ParseRule(file.text, file.path, true, &rule, diagnostics)) rules.push_back(std::move(rule));
  }
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.info.id < b.info.id; });
  return rules;
}

void LoadRulePath(const std::string& path, std::vector<Rule>& rules, base::Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    diagnostics.Error("rules-unreadable", "no such rule file or folder", base::SourceRef{path, "", 0, 0});
    return;
  }
  if (!fs::is_directory(status)) {
    if (EndsWith(path, ".tests.json")) {
      diagnostics.Error("rules-not-a-rule", "this is a rule tests file; give the rule file or its folder",
                        base::SourceRef{path, "", 0, 0});
      return;
    }
    ParseFile(path, rules, diagnostics);
    return;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::string name = it->path().generic_string();
    if (it->is_regular_file(error) && EndsWith(name, ".json") && !EndsWith(name, ".tests.json")) {
      files.push_back(name);
    }
  }
  if (error) {
    diagnostics.Error("rules-unreadable", "cannot list rule folder: " + error.message(),
                      base::SourceRef{path, "", 0, 0});
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) ParseFile(file, rules, diagnostics);
}

void MergeRules(std::vector<Rule>& rules, std::vector<Rule> more, base::Diagnostics& diagnostics) {
  std::set<std::string> ids;
  for (const Rule& rule : rules) ids.insert(rule.info.id);
  for (Rule& rule : more) {
    if (!ids.insert(rule.info.id).second) {
      diagnostics.Error(
          "rules-duplicate-id",
          "a rule with id '" + rule.info.id + "' is already loaded" +
              (rule.info.builtin ? "" : " (use another id, or --no-builtin to replace the built-in pack)"),
          base::SourceRef{rule.info.origin.file, "/id", 0, 0});
      continue;
    }
    rules.push_back(std::move(rule));
  }
}

}  // namespace reachcheck::lint
