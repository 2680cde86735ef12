// SPDX-License-Identifier: Apache-2.0
// The project config (.reachcheck.json), suppressions, severity overrides and baselines.
#include <catch2/catch.hpp>

#include "reachcheck/lint/baseline.h"
#include "reachcheck/lint/config.h"
#include "reachcheck/lint/linter.h"

using namespace reachcheck;

TEST_CASE("config: rules, severities and suppressions", "[lint][config]") {
  base::Diagnostics diagnostics;
  lint::LintConfig config;
  REQUIRE(lint::ParseConfig(R"({"rules": ["more-rules", "/abs/rules"], "builtin": true,
      "severity": {"unused-security-group": "warning", "route-blackhole": "off"},
      "suppressions": [{"rule": "unused-security-group", "resource": "sg-0legacy*", "reason": "kept for rollback"}]})",
                            "infra/.reachcheck.json", &config, diagnostics));
  CHECK(config.rule_paths == std::vector<std::string>{"infra/more-rules", "/abs/rules"});
  CHECK(config.severities.at("unused-security-group") == base::Severity::kWarning);
  CHECK_FALSE(config.severities.at("route-blackhole").has_value());

  lint::Finding f;
  f.rule = "unused-security-group";
  f.resources = {"sg-0legacy-1"};
  REQUIRE(lint::FindSuppression(config, f) != nullptr);
  CHECK(lint::FindSuppression(config, f)->reason == "kept for rollback");
  f.resources = {"sg-0other"};
  CHECK(lint::FindSuppression(config, f) == nullptr);
}

TEST_CASE("config: a suppression without a reason is an error", "[lint][config]") {
  base::Diagnostics diagnostics;
  lint::LintConfig config;
  CHECK_FALSE(
      lint::ParseConfig(R"({"suppressions": [{"rule": "x"}]})", ".reachcheck.json", &config, diagnostics));
  REQUIRE(diagnostics.All().size() == 1);
  CHECK(diagnostics.All()[0].code == "config-missing-field");
  CHECK(diagnostics.All()[0].where.pointer == "/suppressions/0");
}

TEST_CASE("config: unknown keys get a did-you-mean", "[lint][config]") {
  base::Diagnostics diagnostics;
  lint::LintConfig config;
  CHECK_FALSE(lint::ParseConfig("{\"suppresions\": []}", ".reachcheck.json", &config, diagnostics));
  REQUIRE(diagnostics.All().size() == 1);
  CHECK(diagnostics.All()[0].message.find("did you mean 'suppressions'?") != std::string::npos);
}

TEST_CASE("glob patterns", "[lint][config]") {
  CHECK(lint::GlobMatch("sg-*", "sg-0abc"));
  CHECK(lint::GlobMatch("*abc", "sg-0abc"));
  CHECK(lint::GlobMatch("sg-*-b*", "sg-a-bcd"));
  CHECK_FALSE(lint::GlobMatch("sg-*", "acl-1"));
  CHECK_FALSE(lint::GlobMatch("sg-1", "sg-12"));
}

TEST_CASE("severity overrides and unknown ids in the config", "[lint][config]") {
  lint::LintConfig config;
  config.severities["unused-security-group"] = base::Severity::kError;
  config.severities["route-blackhole"] = std::nullopt;
  config.severities["no-such-rule"] = base::Severity::kNote;
  config.severity_origins["no-such-rule"] =
      base::SourceRef{".reachcheck.json", "/severity/no-such-rule", 0, 0};
  base::Diagnostics diagnostics;
  lint::RuleSelection selection;
  auto rules = lint::SelectRules(selection, config, diagnostics);
  REQUIRE(diagnostics.All().size() == 1);
  CHECK(diagnostics.All()[0].code == "config-unknown-rule");
  bool found_unused = false;
  for (const auto& rule : rules) {
    CHECK(rule.info.id != "route-blackhole");
    if (rule.info.id == "unused-security-group") {
      found_unused = true;
      CHECK(rule.info.severity == base::Severity::kError);
    }
  }
  CHECK(found_unused);
}

TEST_CASE("Lint option --only needs known ids", "[lint][config]") {
  base::Diagnostics diagnostics;
  lint::RuleSelection selection;
  selection.only = {"route-blackhole", "route-blackhol"};
  auto rules = lint::SelectRules(selection, lint::LintConfig{}, diagnostics);
  REQUIRE(diagnostics.All().size() == 1);
  CHECK(diagnostics.All()[0].message.find("did you mean 'route-blackhole'?") != std::string::npos);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].info.id == "route-blackhole");
}

TEST_CASE("fingerprints depend on rule and resources only", "[lint][baseline]") {
  CHECK(lint::Fingerprint("a", {"x", "y"}) == lint::Fingerprint("a", {"x", "y"}));
  CHECK(lint::Fingerprint("a", {"x", "y"}) != lint::Fingerprint("a", {"y", "x"}));
  CHECK(lint::Fingerprint("a", {"xy"}) != lint::Fingerprint("a", {"x", "y"}));
  CHECK(lint::Fingerprint("a", {"x"}) != lint::Fingerprint("b", {"x"}));
  CHECK(lint::Fingerprint("a", {"x"}).size() == 16);
}

TEST_CASE("a baseline round-trips and marks findings new or unchanged", "[lint][baseline]") {
  lint::Finding old_finding, new_finding;
  old_finding.rule = "r";
  old_finding.resources = {"sg-1"};
  old_finding.fingerprint = lint::Fingerprint("r", {"sg-1"});
  new_finding.rule = "r";
  new_finding.resources = {"sg-2"};
  new_finding.fingerprint = lint::Fingerprint("r", {"sg-2"});
  std::string text = lint::BaselineText({old_finding});
  base::Diagnostics diagnostics;
  lint::Baseline baseline;
  REQUIRE(lint::ParseBaseline(text, "baseline.json", &baseline, diagnostics));
  std::vector<lint::Finding> findings = {old_finding, new_finding};
  lint::ApplyBaseline(baseline, findings);
  CHECK(findings[0].baseline == lint::BaselineState::kUnchanged);
  CHECK(findings[1].baseline == lint::BaselineState::kNew);

  lint::LintReport report;
  report.findings = findings;
  report.findings[0].severity = base::Severity::kError;
  report.findings[1].severity = base::Severity::kWarning;
  CHECK_FALSE(lint::ShouldFail(report, base::Severity::kError));  // the error is in the baseline
  CHECK(lint::ShouldFail(report, base::Severity::kWarning));
  CHECK_FALSE(lint::ShouldFail(report, std::nullopt));

  CHECK_FALSE(lint::ParseBaseline(R"({"version": 2, "findings": []})", "b.json", &baseline, diagnostics));
}
