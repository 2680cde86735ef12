// SPDX-License-Identifier: Apache-2.0
// Strict parsing of a rule's "intent" object and of its selectors.
#include <algorithm>
#include <string>
#include <vector>

#include "lint/intent.h"
#include "lint/strict_json.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::lint {
namespace {

const std::vector<std::string> kEndpointTypes = {"instance", "network-interface", "subnet"};
const std::vector<std::string> kHopTypes = {"egress-only-internet-gateway",
                                            "instance",
                                            "internet",
                                            "internet-gateway",
                                            "nat-gateway",
                                            "network-acl",
                                            "network-interface",
                                            "peering-connection",
                                            "route-table",
                                            "security-group",
                                            "subnet",
                                            "vpc"};
const std::vector<std::string> kEndpointPrefixes = {"i-", "eni-", "subnet-", "igw-", "nat-", "pcx-"};
const std::vector<std::string> kComponentPrefixes = {"i-",   "eni-", "subnet-", "igw-", "eigw-", "nat-",
                                                     "pcx-", "sg-",  "acl-",    "rtb-", "vpc-"};

bool HasPrefix(const std::string& text, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return text.size() > p.size() && text.rfind(p, 0) == 0; });
}

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

bool ParseSelector(const std::string& text, const std::string& pointer, bool through, StrictReader& reader,
                   Selector* selector) {
  selector->text = text;
  if (text.rfind("tag:", 0) == 0) {
    std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 4) {
      reader.Error("bad-selector", pointer, "tag selector '" + text + "' must read tag:KEY=REGEX");
      return false;
    }
    selector->kind = Selector::Kind::kTag;
    selector->tag_key = text.substr(4, equals - 4);
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const RE2>(text.substr(equals + 1), options);
    if (!regex->ok()) {
      reader.Error("bad-regex", pointer, "bad regular expression in '" + text + "': " + regex->error());
      return false;
    }
    selector->tag_value = regex;
    return true;
  }
  if (text.rfind("type:", 0) == 0) {
    selector->kind = Selector::Kind::kType;
    selector->type = text.substr(5);
    const std::vector<std::string>& types = through ? kHopTypes : kEndpointTypes;
    if (std::find(types.begin(), types.end(), selector->type) == types.end()) {
      reader.Error("bad-selector", pointer,
                   "unknown type in '" + text + "' (expected type:" + Join(types, ", type:") + ")");
      return false;
    }
    return true;
  }
  selector->kind = Selector::Kind::kEndpoint;
  if (HasPrefix(text, through ? kComponentPrefixes : kEndpointPrefixes)) return true;
  if (text == "internet") return true;
  if (text.find('/') != std::string::npos) {
    net::CidrParse parse = net::ParseCidr(text);
    if (!parse.cidr) {
      reader.Error("bad-selector", pointer, "bad CIDR '" + text + "': " + parse.error);
      return false;
    }
    if (parse.host_bits_set) {
      reader.Error("bad-selector", pointer,
                   "CIDR '" + text + "' has host bits set (did you mean '" + parse.cidr->ToString() + "'?)");
      return false;
    }
    return true;
  }
  if (net::ParseIpAddress(text)) return true;
  reader.Error("bad-selector", pointer,
               "'" + text + "' is not a selector: expected an id (" +
                   Join(through ? kComponentPrefixes : kEndpointPrefixes, "..., ") +
                   "...), an address, a CIDR, 'internet', 'tag:KEY=REGEX' or 'type:TYPE'");
  return false;
}

bool ParseSelectors(const nlohmann::json& object, const std::string& pointer, const std::string& key,
                    bool through, StrictReader& reader, std::vector<Selector>* out) {
  std::vector<std::string> texts;
  if (!reader.StringOrList(object, pointer, key, &texts)) return false;
  bool good = true;
  bool single = object[key].is_string();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string at = single ? ChildPointer(pointer, key) : ChildPointer(ChildPointer(pointer, key), i);
    Selector selector;
    if (ParseSelector(texts[i], at, through, reader, &selector))
      out->push_back(std::move(selector));
    else
      good = false;
  }
  return good;
}

bool ParsePorts(const nlohmann::json& value, const std::string& pointer, StrictReader& reader,
                net::PortSet* ports, std::string* text) {
  std::vector<nlohmann::json> items;
  if (value.is_array())
    items.assign(value.begin(), value.end());
  else
    items.push_back(value);
  if (items.empty()) {
    reader.Error("bad-value", pointer, "'ports' must not be empty");
    return false;
  }
  net::PortSet set;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string at = value.is_array() ? ChildPointer(pointer, i) : pointer;
    const nlohmann::json& item = items[i];
    if (item.is_number_integer() || item.is_number_unsigned()) {
      long long n = item.get<long long>();
      if (n < 0 || n > 65535) {
        reader.Error("bad-value", at, "port " + std::to_string(n) + " is outside 0-65535");
        return false;
      }
      set = set.Union(net::PortSet::Single(static_cast<std::uint16_t>(n)));
    } else if (item.is_string()) {
      auto range = net::ParsePortRange(item.get<std::string>());
      if (!range) {
        reader.Error("bad-value", at,
                     "'" + item.get<std::string>() + "' is not a port or a range A-B within 0-65535");
        return false;
      }
      set = set.Union(*range);
    } else {
      reader.Error("bad-type", at, "a port must be a number or an \"A-B\" string, not " + JsonTypeName(item));
      return false;
    }
  }
  *ports = set;
  *text = net::PortSetToString(set);
  return true;
}

}  // namespace

bool ParseIntent(const nlohmann::json& value, const std::string& pointer, StrictReader& reader,
                 Intent* intent) {
  if (!reader.CheckObject(value, pointer, "intent",
                          {"from", "to", "protocol", "ports", "expect", "through", "except"},
                          {"from", "to", "expect"})) {
    return false;
  }
  bool good = ParseSelectors(value, pointer, "from", false, reader, &intent->from);
  good = ParseSelectors(value, pointer, "to", false, reader, &intent->to) && good;
  if (value.contains("protocol")) {
    std::string protocol;
    if (reader.String(value, pointer, "protocol", &protocol)) {
      auto parsed = net::ParseProtocol(protocol);
      if (!parsed) {
        reader.Error(
            "bad-value", ChildPointer(pointer, "protocol"),
            "'protocol' must be tcp, udp, icmp, icmpv6, all or a number 0-255 (got \"" + protocol + "\")");
        good = false;
      } else {
        intent->protocols = *parsed;
        intent->protocol_text = net::ProtocolSetToString(*parsed);
      }
    } else {
      good = false;
    }
  }
  if (value.contains("ports")) {
    good = ParsePorts(value["ports"], ChildPointer(pointer, "ports"), reader, &intent->ports,
                      &intent->ports_text) &&
           good;
  }
  std::string expect;
  if (reader.Choice(value, pointer, "expect", {"reachable", "unreachable"}, &expect)) {
    intent->expect_reachable = expect == "reachable";
  } else {
    good = false;
  }
  if (value.contains("through"))
    good = ParseSelectors(value, pointer, "through", true, reader, &intent->through) && good;
  if (value.contains("except")) {
    std::string at = ChildPointer(pointer, "except");
    const nlohmann::json& list = value["except"];
    if (!list.is_array()) {
      reader.Error("bad-type", at, "'except' must be an array of path conditions, not " + JsonTypeName(list));
      return false;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string item_at = ChildPointer(at, i);
      PathCondition condition;
      if (!reader.CheckObject(list[i], item_at, "except entry", {"from", "to", "through"}, {})) {
        good = false;
        continue;
      }
      if (list[i].empty()) {
        reader.Error("bad-value", item_at, "an except entry needs at least one of from, to, through");
        good = false;
        continue;
      }
      if (list[i].contains("from"))
        good = ParseSelectors(list[i], item_at, "from", false, reader, &condition.from) && good;
      if (list[i].contains("to"))
        good = ParseSelectors(list[i], item_at, "to", false, reader, &condition.to) && good;
      if (list[i].contains("through"))
        good = ParseSelectors(list[i], item_at, "through", true, reader, &condition.through) && good;
      intent->except.push_back(std::move(condition));
    }
  }
  return good;
}

}  // namespace reachcheck::lint
