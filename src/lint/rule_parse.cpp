// SPDX-License-Identifier: Apache-2.0
// Strict parsing of one rule file: metadata, then a native check with its parameters or a
// reachability intent.
#include <algorithm>
#include <re2/re2.h>
#include <string>

#include "lint/rule_body.h"
#include "lint/strict_json.h"
#include "reachcheck/base/spellcheck.h"
#include "reachcheck/lint/rule_loader.h"
#include "reachcheck/net/port_set.h"

namespace reachcheck::lint {
namespace {

const std::vector<std::string> kRuleKeys = {"id",        "severity",    "title",         "description",
                                            "rationale", "remediation", "documentation", "tags",
                                            "check",     "parameters",  "intent"};
const std::vector<std::string> kRequired = {"id",        "severity",    "title",        "description",
                                            "rationale", "remediation", "documentation"};

std::string BaseName(const std::string& file) {
  std::size_t slash = file.find_last_of('/');
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  if (name.size() > 5 && name.substr(name.size() - 5) == ".json") name.resize(name.size() - 5);
  return name;
}

bool CheckParameter(const ParamSpec& spec, const Json& value, const std::string& at, StrictReader& reader) {
  switch (spec.type) {
    case ParamType::kBool:
      if (value.is_boolean()) return true;
      reader.Error("bad-type", at,
                   "parameter '" + spec.name + "' must be true or false, not " + JsonTypeName(value));
      return false;
    case ParamType::kInteger:
      if ((value.is_number_integer() || value.is_number_unsigned()) && value.get<long long>() >= 0)
        return true;
      reader.Error("bad-type", at,
                   "parameter '" + spec.name + "' must be a non-negative integer, not " +
                       (value.is_number() ? "a negative or fractional number" : JsonTypeName(value)));
      return false;
    case ParamType::kStringList:
    case ParamType::kPortList: {
      bool ports = spec.type == ParamType::kPortList;
      if (!value.is_array()) {
        reader.Error("bad-type", at,
                     "parameter '" + spec.name + "' must be an array of " + (ports ? "ports" : "strings") +
                         ", not " + JsonTypeName(value));
        return false;
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        const Json& item = value[i];
        std::string item_at = ChildPointer(at, i);
        if (!ports) {
          if (item.is_string() && !item.get<std::string>().empty()) continue;
          reader.Error("bad-type", item_at, "each entry of '" + spec.name + "' must be a non-empty string");
          return false;
        }
        bool number_ok = (item.is_number_integer() || item.is_number_unsigned()) &&
                         item.get<long long>() >= 0 && item.get<long long>() <= 65535;
        bool range_ok = item.is_string() && net::ParsePortRange(item.get<std::string>()).has_value();
        if (!number_ok && !range_ok) {
          reader.Error("bad-value", item_at,
                       "each entry of '" + spec.name + "' must be a port 0-65535 or an \"A-B\" range, not " +
                           (item.is_string() ? "\"" + item.get<std::string>() + "\"" : item.dump()));
          return false;
        }
      }
      return true;
    }
  }
  return false;
}

bool ParseParameters(const Json& root, const NativeCheck& check, StrictReader& reader, Json* merged) {
  *merged = Json::object();
  std::vector<std::string> names;
  for (const ParamSpec& spec : check.Parameters()) {
    names.push_back(spec.name);
    (*merged)[spec.name] = Json::parse(spec.default_json);
  }
  if (!root.contains("parameters")) return true;
  const Json& given = root["parameters"];
  if (names.empty() && given.is_object() && !given.empty()) {
    reader.Error("unknown-key", "/parameters",
                 std::string("check '") + check.Name() + "' takes no parameters");
    return false;
  }
  if (!reader.CheckObject(given, "/parameters", std::string("the parameters of check '") + check.Name() + "'",
                          names, {})) {
    return false;
  }
  bool good = true;
  for (const ParamSpec& spec : check.Parameters()) {
    if (!given.contains(spec.name)) continue;
    if (CheckParameter(spec, given[spec.name], ChildPointer("/parameters", spec.name), reader)) {
      (*merged)[spec.name] = given[spec.name];
    } else {
      good = false;
    }
  }
  return good;
}

}  // namespace

bool ParseRule(const std::string& text, const std::string& file, bool builtin, Rule* rule,
               base::Diagnostics& diagnostics) {
  StrictReader reader(file, text, "rules", diagnostics);
  Json root;
  if (!reader.Parse(&root)) return false;
  if (!reader.CheckObject(root, "", "a rule file", kRuleKeys, kRequired)) return false;
  RuleInfo& info = rule->info;
  info.origin = base::SourceRef{file, "", 0, 0};
  info.builtin = builtin;
  if (reader.String(root, "", "id", &info.id)) {
    static const RE2 kKebab("[a-z0-9]+(-[a-z0-9]+)*");
    if (!RE2::FullMatch(info.id, kKebab)) {
      reader.Error("bad-value", "/id",
                   "rule id '" + info.id + "' must be kebab-case (lower-case words joined by '-')");
    } else if (BaseName(file) != info.id) {
      reader.Error("id-mismatch", "/id",
                   "rule id '" + info.id + "' differs from the file name '" + BaseName(file) +
                       ".json'; name the file after the id");
    }
  }
  std::string severity;
  if (reader.Choice(root, "", "severity", {"error", "warning", "note"}, &severity)) {
    ParseSeverity(severity, &info.severity);
  }
  reader.String(root, "", "title", &info.title);
  reader.String(root, "", "description", &info.description);
  reader.String(root, "", "rationale", &info.rationale);
  reader.String(root, "", "remediation", &info.remediation);
  reader.String(root, "", "documentation", &info.documentation);
  if (root.contains("tags")) reader.StringList(root, "", "tags", &info.tags);

  auto body = std::make_shared<RuleBody>();
  bool has_check = root.contains("check");
  bool has_intent = root.contains("intent");
  if (has_check == has_intent) {
    reader.Error("missing-field", "",
                 has_check ? "a rule has either 'check' or 'intent', not both"
                           : "a rule needs 'check' (a native check) or 'intent' (a reachability intent)");
    return false;
  }
  if (has_check) {
    info.kind = RuleKind::kCheck;
    if (reader.String(root, "", "check", &info.check)) {
      body->check = FindNativeCheck(info.check);
      if (body->check == nullptr) {
        std::string message = "unknown check '" + info.check + "'";
        if (auto hint = base::ClosestMatch(info.check, NativeCheckNames(), 4))
          message += "; did you mean '" + *hint + "'?";
        reader.Error("unknown-check", "/check", message);
      } else {
        ParseParameters(root, *body->check, reader, &body->parameters);
      }
    }
  } else {
    info.kind = RuleKind::kIntent;
    if (root.contains("parameters")) {
      reader.Error("unknown-key", "/parameters",
                   "'parameters' belongs to rules with a 'check'; an intent has none");
    }
    Intent intent;
    if (ParseIntent(root["intent"], "/intent", reader, &intent)) body->intent = std::move(intent);
  }
  if (!reader.ok()) return false;
  rule->body = body;
  return true;
}

std::vector<std::string> NativeCheckNames() {
  std::vector<std::string> names;
  for (const NativeCheck* check : AllNativeChecks()) names.push_back(check->Name());
  return names;
}

}  // namespace reachcheck::lint
