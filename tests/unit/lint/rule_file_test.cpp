// SPDX-License-Identifier: Apache-2.0
// Rule files are read strictly: precise errors with file, pointer, line and "did you mean".
#include <catch2/catch.hpp>
#include <string>

#include "reachcheck/lint/rule_loader.h"

namespace {

using reachcheck::base::Diagnostics;
using reachcheck::lint::ParseRule;
using reachcheck::lint::Rule;
using reachcheck::lint::RuleKind;

const char* kGood = R"({
  // comments are allowed
  "id": "my-rule",
  "severity": "warning",
  "title": "t", "description": "d", "rationale": "r", "remediation": "m",
  "documentation": "docs/x.md",
  "check": "unused-security-group",
  "parameters": {"ignore_default": false}
})";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Parses `text` as rules/my-rule.json and returns the only diagnostic (which must be an error).
reachcheck::base::Diagnostic OnlyError(const std::string& text) {
  Diagnostics diagnostics;
  Rule rule;
  CHECK_FALSE(ParseRule(text, "rules/my-rule.json", false, &rule, diagnostics));
  REQUIRE(diagnostics.All().size() == 1);
  return diagnostics.All().front();
}

}  // namespace

TEST_CASE("a valid rule file parses, with comments", "[lint][rules]") {
  Diagnostics diagnostics;
  Rule rule;
  REQUIRE(ParseRule(kGood, "rules/my-rule.json", false, &rule, diagnostics));
  CHECK(diagnostics.Empty());
  CHECK(rule.info.id == "my-rule");
  CHECK(rule.info.kind == RuleKind::kCheck);
  CHECK(rule.info.check == "unused-security-group");
  CHECK(rule.info.severity == reachcheck::base::Severity::kWarning);
}

TEST_CASE("an unknown key is an error with did-you-mean, pointer and line", "[lint][rules]") {
  Diagnostics diagnostics;
  Rule rule;
  CHECK_FALSE(ParseRule(Replace(kGood, "\"description\"", "\"descripton\""), "rules/my-rule.json", false,
                        &rule, diagnostics));
  REQUIRE(diagnostics.All().size() == 2);  // the misspelt key, and the missing "description"
  CHECK(diagnostics.All()[1].code == "rules-missing-field");
  auto d = diagnostics.All()[0];
  CHECK(d.code == "rules-unknown-key");
  CHECK(d.where.file == "rules/my-rule.json");
  CHECK(d.where.pointer == "/descripton");
  CHECK(d.where.line == 5);
  CHECK(d.where.column == 31);  // where its value starts
  CHECK(d.message.find("did you mean 'description'?") != std::string::npos);
}

TEST_CASE("missing fields, wrong types and bad values are precise errors", "[lint][rules]") {
  auto missing = OnlyError(Replace(kGood, "\"rationale\": \"r\", ", ""));
  CHECK(missing.code == "rules-missing-field");
  CHECK(missing.message.find("'rationale'") != std::string::npos);

  auto type = OnlyError(Replace(kGood, "\"title\": \"t\"", "\"title\": 3"));
  CHECK(type.code == "rules-bad-type");
  CHECK(type.where.pointer == "/title");

  auto severity = OnlyError(Replace(kGood, "\"warning\"", "\"warnin\""));
  CHECK(severity.code == "rules-bad-value");
  CHECK(severity.message.find("did you mean 'warning'?") != std::string::npos);

  auto param = OnlyError(Replace(kGood, "\"ignore_default\": false", "\"ignore_defaults\": false"));
  CHECK(param.code == "rules-unknown-key");
  CHECK(param.where.pointer == "/parameters/ignore_defaults");

  auto param_type = OnlyError(Replace(kGood, "\"ignore_default\": false", "\"ignore_default\": \"no\""));
  CHECK(param_type.code == "rules-bad-type");
  CHECK(param_type.where.pointer == "/parameters/ignore_default");
}

TEST_CASE("the id must be kebab-case and equal the file name", "[lint][rules]") {
  auto mismatch = OnlyError(Replace(kGood, "\"my-rule\"", "\"other-rule\""));
  CHECK(mismatch.code == "rules-id-mismatch");
  auto kebab = OnlyError(Replace(kGood, "\"my-rule\"", "\"My_Rule\""));
  CHECK(kebab.code == "rules-bad-value");
}

TEST_CASE("an unknown check gets a did-you-mean", "[lint][rules]") {
  auto d = OnlyError(
      Replace(kGood, "\"check\": \"unused-security-group\",\n  \"parameters\": {\"ignore_default\": false}",
              "\"check\": \"unused-security-groups\""));
  CHECK(d.code == "rules-unknown-check");
  CHECK(d.message.find("did you mean 'unused-security-group'?") != std::string::npos);
}

TEST_CASE("bad JSON reports the line and column", "[lint][rules]") {
  auto d = OnlyError("{\n  \"id\": \"my-rule\",\n  oops\n}");
  CHECK(d.code == "rules-bad-json");
  CHECK(d.where.line == 3);
}

TEST_CASE("intents: selectors, ports and regular expressions are checked", "[lint][rules]") {
  std::string intent =
      Replace(kGood, "\"check\": \"unused-security-group\",\n  \"parameters\": {\"ignore_default\": false}",
              "\"intent\": {\"from\": \"internet\", \"to\": [\"tag:Tier=db\", \"10.0.0.0/8\"], "
              "\"protocol\": \"tcp\", \"ports\": [5432, \"6000-6010\"], \"expect\": \"unreachable\", "
              "\"through\": \"type:nat-gateway\", \"except\": [{\"from\": \"203.0.113.0/24\"}]}");
  Diagnostics diagnostics;
  Rule rule;
  REQUIRE(ParseRule(intent, "rules/my-rule.json", false, &rule, diagnostics));
  CHECK(rule.info.kind == RuleKind::kIntent);

  auto regex = OnlyError(Replace(intent, "tag:Tier=db", "tag:Tier=(db"));
  CHECK(regex.code == "rules-bad-regex");
  CHECK(regex.where.pointer == "/intent/to/0");
  CHECK(regex.message.find("missing )") != std::string::npos);

  auto selector = OnlyError(Replace(intent, "\"10.0.0.0/8\"", "\"10.0.0.1/8\""));
  CHECK(selector.code == "rules-bad-selector");
  CHECK(selector.message.find("did you mean '10.0.0.0/8'?") != std::string::npos);

  auto unknown = OnlyError(Replace(intent, "\"from\": \"internet\"", "\"from\": \"web-servers\""));
  CHECK(unknown.code == "rules-bad-selector");
  CHECK(unknown.where.pointer == "/intent/from");

  auto port = OnlyError(Replace(intent, "5432", "70000"));
  CHECK(port.code == "rules-bad-value");
  CHECK(port.where.pointer == "/intent/ports/0");

  auto expect = OnlyError(Replace(intent, "\"unreachable\"", "\"blocked\""));
  CHECK(expect.where.pointer == "/intent/expect");

  auto key = OnlyError(Replace(intent, "\"through\"", "\"throgh\""));
  CHECK(key.code == "rules-unknown-key");
  CHECK(key.message.find("did you mean 'through'?") != std::string::npos);
}

TEST_CASE("a rule needs exactly one of check and intent", "[lint][rules]") {
  auto neither = OnlyError(
      Replace(kGood, "\"check\": \"unused-security-group\",\n  \"parameters\": {\"ignore_default\": false}",
              "\"tags\": []"));
  CHECK(neither.code == "rules-missing-field");
}
