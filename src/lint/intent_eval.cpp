// SPDX-License-Identifier: Apache-2.0
// Evaluating a reachability intent: expand the selectors into sources and destinations, ask
// the engine about every pair, and report the pairs whose answer contradicts "expect".
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "lint/intent.h"
#include "lint/lint_util.h"

namespace reachcheck::lint {
namespace {

using analysis::EndpointKind;

// One source or destination the intent is evaluated for.
struct Unit {
  std::string id;  // resource id, or the selector text for address kinds
  analysis::Endpoint endpoint;
  bool IsAddress() const {
    return endpoint.kind == EndpointKind::kAddress || endpoint.kind == EndpointKind::kCidr ||
           endpoint.kind == EndpointKind::kInternet;
  }
};

bool TagMatches(const model::Element& element, const Selector& selector) {
  const base::Text* value = element.FindTag(selector.tag_key);
  return value != nullptr && RE2::FullMatch(value->view(), *selector.tag_value);
}

void AddUnit(const model::Network& network, const std::string& text, std::vector<Unit>& out,
             std::set<std::string>& seen) {
  if (seen.count(text) != 0) return;
  analysis::EndpointResolution resolution = analysis::ResolveEndpoint(network, text);
  if (!resolution.ok) return;  // a selector that matches nothing selects nothing
  seen.insert(text);
  out.push_back(Unit{text, resolution.endpoint});
}

std::vector<Unit> Expand(const std::vector<Selector>& selectors, const model::Network& network) {
  std::vector<Unit> units;
  std::set<std::string> seen;
  for (const Selector& selector : selectors) {
    switch (selector.kind) {
      case Selector::Kind::kEndpoint:
        AddUnit(network, selector.text, units, seen);
        break;
      case Selector::Kind::kTag:
        for (const model::Instance& instance : network.instances) {
          if (TagMatches(instance, selector)) AddUnit(network, instance.id, units, seen);
        }
        for (const model::NetworkInterface& eni : network.interfaces) {
          if (eni.instance == model::kNone && TagMatches(eni, selector))
            AddUnit(network, eni.id, units, seen);
        }
        break;
      case Selector::Kind::kType:
        if (selector.type == "instance") {
          for (const model::Instance& instance : network.instances)
            AddUnit(network, instance.id, units, seen);
        } else if (selector.type == "network-interface") {
          for (const model::NetworkInterface& eni : network.interfaces) AddUnit(network, eni.id, units, seen);
        } else if (selector.type == "subnet") {
          for (const model::Subnet& subnet : network.subnets) AddUnit(network, subnet.id, units, seen);
        }
        break;
    }
  }
  return units;
}

// Whether `unit` is one of the things `selector` stands for.
bool UnitMatches(const Unit& unit, const Selector& selector, const model::Network& network) {
  if (selector.kind == Selector::Kind::kType) {
    return (selector.type == "instance" && unit.endpoint.kind == EndpointKind::kInstance) ||
           (selector.type == "network-interface" && unit.endpoint.kind == EndpointKind::kInterface) ||
           (selector.type == "subnet" && unit.endpoint.kind == EndpointKind::kSubnet);
  }
  if (selector.kind == Selector::Kind::kTag) {
    model::Handle h = network.FindInstance(unit.id, model::kNone);
    if (h != model::kNone) return TagMatches(network.instances[h], selector);
    h = network.FindInterface(unit.id, model::kNone);
    return h != model::kNone && TagMatches(network.interfaces[h], selector);
  }
  if (selector.text == unit.id) return true;
  analysis::EndpointResolution resolution = analysis::ResolveEndpoint(network, selector.text);
  if (!resolution.ok) return false;
  const analysis::Endpoint& e = resolution.endpoint;
  if (unit.IsAddress()) {
    bool address_selector = e.kind == EndpointKind::kAddress || e.kind == EndpointKind::kCidr ||
                            e.kind == EndpointKind::kInternet;
    return address_selector && e.addresses.Contains(unit.endpoint.addresses);
  }
  if (e.kind == EndpointKind::kSubnet && !unit.endpoint.interfaces.empty()) {
    return std::all_of(unit.endpoint.interfaces.begin(), unit.endpoint.interfaces.end(),
                       [&](model::Handle i) { return network.interfaces[i].subnet == e.subnet; });
  }
  return false;
}

bool AnyMatches(const Unit& unit, const std::vector<Selector>& selectors, const model::Network& network) {
  return std::any_of(selectors.begin(), selectors.end(),
                     [&](const Selector& s) { return UnitMatches(unit, s, network); });
}

bool HopMatches(const analysis::Hop& hop, const Selector& selector, const model::Network& network) {
  switch (selector.kind) {
    case Selector::Kind::kType:
      return hop.type == selector.type;
    case Selector::Kind::kEndpoint:
      return hop.component == selector.text;
    case Selector::Kind::kTag: {
      model::Handle h = network.FindInstance(hop.component, model::kNone);
      if (h != model::kNone) return TagMatches(network.instances[h], selector);
      h = network.FindInterface(hop.component, model::kNone);
      return h != model::kNone && TagMatches(network.interfaces[h], selector);
    }
  }
  return false;
}

bool PassesThrough(const analysis::PacketClass& c, const std::vector<Selector>& selectors,
                   const model::Network& network) {
  for (const analysis::Hop& hop : c.forward) {
    for (const Selector& s : selectors) {
      if (HopMatches(hop, s, network)) return true;
    }
  }
  return false;
}

bool Excluded(const Intent& intent, const Unit& src, const Unit& dst, const analysis::PacketClass& c,
              const model::Network& network) {
  for (const PathCondition& condition : intent.except) {
    if (!condition.from.empty() && !AnyMatches(src, condition.from, network)) continue;
    if (!condition.to.empty() && !AnyMatches(dst, condition.to, network)) continue;
    if (!condition.through.empty() && !PassesThrough(c, condition.through, network)) continue;
    return true;
  }
  return false;
}

std::string BlockerText(const analysis::PacketClass& c) {
  if (c.blocked_by.empty()) return "no path";
  const analysis::Blocker& b = c.blocked_by.front();
  std::string text = b.component + " (" + b.code + (b.return_path ? ", on the return path" : "") + ")";
  if (!b.detail.empty()) text += ": " + b.detail;
  if (c.blocked_by.size() > 1) text += " (and " + std::to_string(c.blocked_by.size() - 1) + " more)";
  return text;
}

base::SourceRef FindingLocation(const RuleInfo& rule, const Unit& src, const Unit& dst,
                                const model::Network& network) {
  base::SourceRef where = dst.IsAddress() ? base::SourceRef{} : OriginOf(network, dst.id);
  if (where.file.empty() && !src.IsAddress()) where = OriginOf(network, src.id);
  if (where.file.empty()) where = base::SourceRef{rule.origin.file, "/intent", 0, 0};
  return where;
}

}  // namespace

void EvaluateIntent(const Intent& intent, const RuleInfo& rule, const model::Network& network,
                    const analysis::Engine& engine, std::vector<Finding>& out) {
  std::vector<Unit> sources = Expand(intent.from, network);
  std::vector<Unit> destinations = Expand(intent.to, network);
  std::string service = ServiceText(intent.protocols, intent.ports);
  for (const Unit& src : sources) {
    for (const Unit& dst : destinations) {
      if (src.id == dst.id) continue;
      analysis::Query query;
      query.source = src.endpoint;
      query.destination = dst.endpoint;
      query.protocols = intent.protocols;
      query.ports = intent.ports;
      analysis::QueryResult result = engine.Analyze(query);
      const analysis::PacketClass* witness = nullptr;
      std::size_t violating = 0;
      for (const analysis::PacketClass& c : result.classes) {
        if (Excluded(intent, src, dst, c, network)) continue;
        bool through = intent.through.empty() || PassesThrough(c, intent.through, network);
        bool bad = intent.expect_reachable ? (!c.reachable || !through) : (c.reachable && through);
        if (!bad) continue;
        ++violating;
        if (witness == nullptr) witness = &c;
      }
      if (witness == nullptr) continue;
      Finding finding;
      finding.rule = rule.id;
      finding.severity = rule.severity;
      finding.resources = {src.id, dst.id};
      std::string classes =
          violating == 1 ? "1 class of packets" : std::to_string(violating) + " classes of packets";
      if (!intent.expect_reachable) {
        finding.message = src.id + " can reach " + dst.id + " over " + service + " (" + classes + "; e.g. " +
                          ServiceText(witness->protocols, witness->ports) + " to " +
                          AddressText(witness->destination) + " via " + PathSummary(witness->forward) +
                          "), but the rule expects it to be unreachable";
        finding.path = witness->forward;
      } else if (!witness->reachable) {
        finding.message = src.id + " cannot reach " + dst.id + " over " + service + " (" + classes +
                          "; e.g. " + ServiceText(witness->protocols, witness->ports) + " to " +
                          AddressText(witness->destination) + " is blocked by " + BlockerText(*witness) +
                          "), but the rule expects it to be reachable";
        finding.path = witness->forward;
      } else {
        finding.message = src.id + " reaches " + dst.id + " over " + service + " via " +
                          PathSummary(witness->forward) + ", which does not pass through the required " +
                          "components, but the rule expects every path to";
        finding.path = witness->forward;
      }
      finding.location = FindingLocation(rule, src, dst, network);
      out.push_back(std::move(finding));
    }
  }
}

}  // namespace reachcheck::lint
