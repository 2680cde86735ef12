// SPDX-License-Identifier: Apache-2.0
// Rule and finding basics: names, fingerprints, ordering.
#include "reachcheck/lint/finding.h"

#include <cstdint>
#include <cstdio>
#include <tuple>

#include "reachcheck/lint/rule.h"

namespace reachcheck::lint {

const char* RuleKindName(RuleKind kind) { return kind == RuleKind::kCheck ? "check" : "intent"; }

bool ParseSeverity(const std::string& text, base::Severity* severity) {
  if (text == "error")
    *severity = base::Severity::kError;
  else if (text == "warning")
    *severity = base::Severity::kWarning;
  else if (text == "note")
    *severity = base::Severity::kNote;
  else
    return false;
  return true;
}

const char* BaselineStateName(BaselineState state) {
  switch (state) {
    case BaselineState::kNone:
      return "";
    case BaselineState::kNew:
      return "new";
    case BaselineState::kUnchanged:
      return "unchanged";
  }
  return "";
}

std::string Fingerprint(const std::string& rule, const std::vector<std::string>& resources) {
  std::uint64_t hash = 14695981039346656037ULL;
  auto feed = [&hash](const std::string& text) {
    for (unsigned char c : text) {
      hash ^= c;
      hash *= 1099511628211ULL;
    }
    hash ^= 0xff;  // separator that no id contains
    hash *= 1099511628211ULL;
  };
  feed(rule);
  for (const std::string& resource : resources) feed(resource);
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.severity, a.rule, a.resources, a.message) <
         std::tie(b.severity, b.rule, b.resources, b.message);
}

}  // namespace reachcheck::lint
