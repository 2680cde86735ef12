// SPDX-License-Identifier: Apache-2.0
// JUnit XML output of `lint`: one testcase per rule, one failure per failing finding.
#include <map>
#include <sstream>

#include "reachcheck/output/lint_format.h"

namespace reachcheck::output {
namespace {

std::string Xml(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (c < 0x20 && c != '\n' && c != '\t') break;  // not allowed in XML 1.0
        out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool Fails(const lint::Finding& f, const LintFormatOptions& options) {
  return options.fail_on && f.severity <= *options.fail_on && f.baseline != lint::BaselineState::kUnchanged;
}

std::string Where(const base::SourceRef& where) {
  if (where.file.empty()) return "";
  std::string out = where.file;
  if (where.line > 0) out += ":" + std::to_string(where.line);
  return out + "#" + where.pointer;
}

}  // namespace

std::string LintJunit(const lint::LintReport& report, const LintFormatOptions& options) {
  std::map<std::string, std::vector<const lint::Finding*>> by_rule;
  for (const lint::Finding& f : report.findings) by_rule[f.rule].push_back(&f);
  std::size_t failing_cases = 0;
  for (const lint::RuleInfo& rule : report.rules) {
    for (const lint::Finding* f : by_rule[rule.id]) {
      if (Fails(*f, options)) {
        ++failing_cases;
        break;
      }
    }
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"reachcheck lint\" tests=\"" << report.rules.size() << "\" failures=\""
      << failing_cases << "\" errors=\"0\">\n";
  out << "  <testsuite name=\"reachcheck lint\" tests=\"" << report.rules.size() << "\" failures=\""
      << failing_cases << "\" errors=\"0\" skipped=\"0\">\n";
  for (const lint::RuleInfo& rule : report.rules) {
    std::string severity = base::SeverityName(rule.severity);
    out << "    <testcase name=\"" << Xml("[" + severity + "][" + rule.id + "] " + rule.title)
        << "\" classname=\"reachcheck." << Xml(rule.id) << "\"";
    const std::vector<const lint::Finding*>& findings = by_rule[rule.id];
    if (findings.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string other;
    for (const lint::Finding* f : findings) {
      std::string resources;
      for (const std::string& r : f->resources) resources += (resources.empty() ? "" : ", ") + r;
      std::string body = "Resources: " + resources + "\nFile: " + Where(f->location) +
                         "\nFingerprint: " + f->fingerprint + "\n" + f->message;
      if (Fails(*f, options)) {
        out << "      <failure type=\"" << base::SeverityName(f->severity) << "\" message=\""
            << Xml(f->message) << "\">" << Xml(body) << "</failure>\n";
      } else {
        other += std::string(base::SeverityName(f->severity)) +
                 (f->baseline == lint::BaselineState::kUnchanged ? " (in the baseline)" : "") + ": " + body +
                 "\n";
      }
    }
    if (!other.empty()) out << "      <system-out>" << Xml(other) << "</system-out>\n";
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
  return out.str();
}

}  // namespace reachcheck::output
