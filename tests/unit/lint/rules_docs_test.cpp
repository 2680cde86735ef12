// SPDX-License-Identifier: Apache-2.0
// docs/rules.md stays in step with the built-in pack: one table row and one section per rule,
// with the rule file's severity, title, description, rationale and remediation word for word,
// and no section for a rule that no longer exists.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "reachcheck/lint/rule_loader.h"
#include "support/support_paths.h"

namespace {

std::string ReadRulesDoc() {
  std::ifstream in(reachcheck::testing::SourceDir() + "/docs/rules.md");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The text of section "## id" up to the next "## " heading.
std::string Section(const std::string& doc, const std::string& id) {
  const std::string heading = "\n## " + id + "\n";
  const std::size_t begin = doc.find(heading);
  if (begin == std::string::npos) return "";
  const std::size_t end = doc.find("\n## ", begin + heading.size());
  return doc.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace

TEST_CASE("docs/rules.md documents every built-in rule as its file says", "[lint][pack][docs]") {
  const std::string doc = ReadRulesDoc();
  REQUIRE_FALSE(doc.empty());
  reachcheck::base::Diagnostics diagnostics;
  const auto rules = reachcheck::lint::BuiltinRules(diagnostics);
  REQUIRE_FALSE(rules.empty());
  for (const auto& rule : rules) {
    const auto& info = rule.info;
    const std::string severity = reachcheck::base::SeverityName(info.severity);
    INFO("rule " << info.id);
    CHECK(doc.find("| [`" + info.id + "`](#" + info.id + ") | " + severity + " |") != std::string::npos);
    const std::string section = Section(doc, info.id);
    REQUIRE_FALSE(section.empty());
    CHECK(section.find("**" + info.title + "** (default severity: " + severity + ")") != std::string::npos);
    CHECK(section.find(info.description) != std::string::npos);
    CHECK(section.find(info.rationale) != std::string::npos);
    CHECK(section.find(info.remediation) != std::string::npos);
    CHECK(section.find("`rules/" + info.id + ".tests.json`") != std::string::npos);
  }
}

TEST_CASE("docs/rules.md has no section for a rule outside the pack", "[lint][pack][docs]") {
  const std::string doc = ReadRulesDoc();
  reachcheck::base::Diagnostics diagnostics;
  std::set<std::string> ids;
  for (const auto& rule : reachcheck::lint::BuiltinRules(diagnostics)) ids.insert(rule.info.id);
  std::istringstream lines(doc);
  std::string line;
  std::size_t sections = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("## ", 0) != 0) continue;
    ++sections;
    INFO("section " << line);
    CHECK(ids.count(line.substr(3)) == 1);
  }
  CHECK(sections == ids.size());
}
