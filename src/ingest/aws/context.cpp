// SPDX-License-Identifier: Apache-2.0
// The per-file context (scope of an element, pending warnings) and small readers shared by
// the resource parsers.
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// An AWS account number: exactly 12 digits (OwnerId "AWS", "amazon-elb", ... are not).
bool IsAccountNumber(std::string_view text) {
  if (text.size() != 12) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Length of the longest prefix of `text` that is a region name, or 0. A region is
// ^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]$, matched by hand (this runs once per element).
std::size_t RegionPrefix(std::string_view text) {
  std::size_t i = 0;
  if (text.size() < 2 || !IsLower(text[0]) || !IsLower(text[1])) return 0;
  i = 2;
  if (text.substr(i, 4) == "-gov") {
    i += 4;
  } else if (text.substr(i, 4) == "-iso") {
    i += 4;
    if (i < text.size() && IsLower(text[i])) ++i;
  }
  if (i >= text.size() || text[i] != '-') return 0;
  ++i;
  std::size_t word = i;
  while (i < text.size() && IsLower(text[i])) ++i;
  if (i == word || i >= text.size() || text[i] != '-') return 0;
  ++i;
  if (i >= text.size() || !IsDigit(text[i])) return 0;
  return i + 1;
}

}  // namespace

bool IsRegionName(std::string_view name) {
  std::size_t length = RegionPrefix(name);
  return length != 0 && length == name.size();
}

std::string RegionOfZone(std::string_view zone) {
  // "us-east-1a", "us-gov-west-1b", and local zones "us-west-2-lax-1a": the region followed
  // by letters, or by "-<word>-<digits><letters>". Zone ids ("use1-az1") have no region.
  std::size_t length = RegionPrefix(zone);
  if (length == 0 || length == zone.size()) return "";
  std::string_view rest = zone.substr(length);
  if (rest[0] == '-') {
    std::size_t i = 1;
    while (i < rest.size() && rest[i] != '-') ++i;
    if (i >= rest.size()) return "";
    rest = rest.substr(i + 1);
    while (!rest.empty() && IsDigit(rest.front())) rest.remove_prefix(1);
  }
  if (rest.empty()) return "";
  for (char c : rest) {
    if (!IsLower(c)) return "";
  }
  return std::string(zone.substr(0, length));
}

model::Handle FileContext::ScopeOf(std::string_view owner_id, std::string_view availability_zone) {
  return ScopeIn(owner_id, RegionOfZone(availability_zone));
}

model::Handle FileContext::ScopeIn(std::string_view owner_id, std::string_view region) {
  model::Scope scope;
  scope.account = !folder_.account.empty()    ? folder_.account
                  : IsAccountNumber(owner_id) ? std::string(owner_id)
                                              : std::string();
  scope.region = !folder_.region.empty() ? folder_.region
                 : IsRegionName(region)  ? std::string(region)
                                         : std::string();
  // The elements of a file nearly always share one scope: skip the search through the
  // network's scopes when it is the last one.
  if (last_scope_ == model::kNone || !(state_.network.scopes[last_scope_] == scope)) {
    last_scope_ = state_.network.InternScope(scope);
  }
  return last_scope_;
}

void FileContext::Warn(const char* code, std::string message, std::string pointer) {
  pending_.push_back(
      base::Diagnostic{base::Severity::kWarning, code, std::move(message), Ref(std::move(pointer))});
}

void FileContext::Report(base::Severity severity, const char* code, std::string message,
                         std::string pointer) {
  state_.diagnostics.Add(severity, code, std::move(message), Ref(std::move(pointer)));
}

void FileContext::Commit() {
  for (base::Diagnostic& d : pending_) {
    state_.diagnostics.Add(d.severity, std::move(d.code), std::move(d.message), std::move(d.where));
  }
  pending_.clear();
}

void FileContext::Fail(const InputError& error) {
  state_.diagnostics.Error(error.code, error.message, Ref(error.pointer));
}

std::vector<base::Text> StringList(const Node& node, std::string_view key) {
  std::vector<base::Text> out;
  std::optional<Node> list = node.OptArray(key);
  if (!list) return out;
  out.reserve(list->Size());
  for (const Node& item : list->Elements()) out.emplace_back(item.AsString());
  return out;
}

std::vector<model::Tag> ReadTags(const Node& node, std::string_view key) {
  std::vector<model::Tag> out;
  std::optional<Node> list = node.OptArray(key);
  if (!list) return out;
  out.reserve(list->Size());
  for (const Node& tag : list->Elements()) {
    tag.ExpectObject("a tag");
    out.push_back(model::Tag{std::string(tag.String("Key")), tag.StringOr("Value")});
  }
  return out;
}

bool CidrStateCounts(const Node& association, std::string_view state_key) {
  std::optional<Node> state = association.OptObject(state_key);
  if (!state) return true;
  std::optional<std::string_view> value = state->OptString("State");
  return !value || *value == "associated" || *value == "associating";
}

}  // namespace reachcheck::ingest::aws
