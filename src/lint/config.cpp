// SPDX-License-Identifier: Apache-2.0
// `.reachcheck.json`: strict reading, lookup, and suppression matching.
#include "reachcheck/lint/config.h"

#include <filesystem>

#include "lint/strict_json.h"
#include "reachcheck/lint/rule.h"

namespace reachcheck::lint {
namespace {

std::string FolderOf(const std::string& file) {
  std::size_t slash = file.find_last_of('/');
  return slash == std::string::npos ? "" : file.substr(0, slash + 1);
}

}  // namespace

bool ParseConfig(const std::string& text, const std::string& file, LintConfig* config,
                 base::Diagnostics& diagnostics) {
  StrictReader reader(file, text, "config", diagnostics);
  Json root;
  if (!reader.Parse(&root)) return false;
  if (!reader.CheckObject(root, "", "the config file", {"rules", "builtin", "severity", "suppressions"},
                          {})) {
    return false;
  }
  config->file = file;
  std::vector<std::string> paths;
  if (reader.StringList(root, "", "rules", &paths)) {
    for (const std::string& path : paths) {
      config->rule_paths.push_back(!path.empty() && path[0] == '/' ? path : FolderOf(file) + path);
    }
  }
  bool builtin = true;
  if (reader.Bool(root, "", "builtin", &builtin)) config->no_builtin = !builtin;
  if (root.contains("severity")) {
    const Json& map = root["severity"];
    if (!map.is_object()) {
      reader.Error("bad-type", "/severity",
                   "'severity' must map rule ids to error, warning, note or off, not " + JsonTypeName(map));
    } else {
      for (const auto& [id, value] : map.items()) {
        std::string level;
        if (!reader.Choice(map, "/severity", id, {"error", "warning", "note", "off"}, &level)) continue;
        std::optional<base::Severity> severity;
        if (level != "off") {
          base::Severity parsed = base::Severity::kWarning;
          ParseSeverity(level, &parsed);
          severity = parsed;
        }
        config->severities[id] = severity;
        config->severity_origins[id] = base::SourceRef{file, ChildPointer("/severity", id), 0, 0};
      }
    }
  }
  if (root.contains("suppressions")) {
    const Json& list = root["suppressions"];
    if (!list.is_array()) {
      reader.Error("bad-type", "/suppressions", "'suppressions' must be an array, not " + JsonTypeName(list));
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        std::string at = ChildPointer("/suppressions", i);
        if (!reader.CheckObject(list[i], at, "a suppression", {"rule", "resource", "reason"},
                                {"rule", "reason"})) {
          continue;
        }
        Suppression s;
        s.origin = base::SourceRef{file, at, 0, 0};
        bool good = reader.String(list[i], at, "rule", &s.rule);
        good = reader.String(list[i], at, "reason", &s.reason) && good;
        if (list[i].contains("resource")) good = reader.String(list[i], at, "resource", &s.resource) && good;
        if (good) config->suppressions.push_back(std::move(s));
      }
    }
  }
  return reader.ok();
}

bool LoadConfig(const std::string& path, LintConfig* config, base::Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, &text)) {
    diagnostics.Error("config-unreadable", "cannot read the config file", base::SourceRef{path, "", 0, 0});
    return false;
  }
  return ParseConfig(text, path, config, diagnostics);
}

std::string FindConfig(const std::vector<std::string>& snapshot_paths) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!snapshot_paths.empty() && fs::is_directory(snapshot_paths.front(), error)) {
    std::string root = snapshot_paths.front();
    std::string candidate = root + (root.back() == '/' ? "" : "/") + kConfigFileName;
    if (fs::is_regular_file(candidate, error)) return candidate;
  }
  if (fs::is_regular_file(kConfigFileName, error)) return kConfigFileName;
  return "";
}

bool GlobMatch(const std::string& pattern, const std::string& text) {
  // Iterative wildcard match with backtracking to the last '*'.
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

const Suppression* FindSuppression(const LintConfig& config, const Finding& finding) {
  for (const Suppression& s : config.suppressions) {
    if (s.rule != "*" && s.rule != finding.rule) continue;
    if (s.resource.empty()) return &s;
    for (const std::string& resource : finding.resources) {
      if (GlobMatch(s.resource, resource)) return &s;
    }
  }
  return nullptr;
}

}  // namespace reachcheck::lint
