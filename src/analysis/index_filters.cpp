// SPDX-License-Identifier: Apache-2.0
// Compiles security groups and network ACLs into rule lists: each rule's remote side becomes
// an address set (CIDR, prefix list, or the members of a referenced group in the VPC and its
// active same-region peers, computed once per group and VPC). An ACL is compiled the first
// time a walk reaches a subnet using it, a group the first time it reaches an interface
// carrying it.
#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "analysis/index.h"

namespace reachcheck::analysis::detail {
namespace {

std::string AclRuleText(const model::NetworkAcl& acl, const model::AclEntry& e, bool ingress) {
  std::string out = acl.id + (ingress ? " inbound rule " : " outbound rule ");
  out += e.rule_number >= 32767 ? std::string("*") : std::to_string(e.rule_number);
  out += e.allow ? " allows " : " denies ";
  out += e.service.ToString();
  out += ingress ? " from " : " to ";
  out += e.cidr.ToString();
  return out;
}

}  // namespace

net::AddressSet Index::GroupMembers(model::Handle group, model::Handle vpc) const {
  std::vector<net::IpAddress> all;
  auto add = [&](model::Handle in_vpc) {
    for (const auto& [member_vpc, addresses] : members_[group]) {
      if (member_vpc == in_vpc) all.insert(all.end(), addresses.begin(), addresses.end());
    }
  };
  if (vpc == model::kNone) return {};
  add(vpc);
  for (model::Handle peer : vpcs[vpc].peers_same_region) add(peer);
  return SetOf(std::move(all));
}

const net::AddressSet& Index::Members(model::Handle group, model::Handle vpc) const {
  const std::uint64_t key = (static_cast<std::uint64_t>(group) << 32) | vpc;
  {
    std::lock_guard<std::mutex> lock(member_mutex_);
    auto it = member_cache_.find(key);
    if (it != member_cache_.end()) return it->second;
  }
  net::AddressSet members = GroupMembers(group, vpc);  // outside the lock; the first insert wins
  std::lock_guard<std::mutex> lock(member_mutex_);
  return member_cache_.emplace(key, std::move(members)).first->second;  // nodes never move
}

Filter Index::CompileGroup(model::Handle g, model::Handle vpc, bool ingress) const {
  const model::Network& n = network;
  const model::SecurityGroup& sg = n.security_groups[g];
  Filter filter;
  for (const model::SgRule& r : ingress ? sg.ingress : sg.egress) {
    Rule rule;
    rule.service = r.service;
    rule.owner = g;
    rule.where = r.origin;
    rule.text =
        std::string(ingress ? "ingress" : "egress") + " allowed by " + sg.id + " rule " + r.ToString();
    switch (r.peer_kind) {
      case model::PeerKind::kCidr:
        rule.remote = net::AddressSet::Of(r.cidr);
        break;
      case model::PeerKind::kPrefixList:
        rule.remote = PrefixList(r.prefix_list);
        if (r.prefix_list == model::kNone || !n.prefix_lists[r.prefix_list].entries_known) {
          filter.notes.push_back(sg.id + " rule " + r.ToString() +
                                 ": the prefix list's entries are not in "
                                 "the snapshot, so the rule matches nothing");
        }
        break;
      case model::PeerKind::kSecurityGroup:
        rule.group_ref = true;
        if (r.group != model::kNone) rule.remote = Members(r.group, vpc);
        break;
    }
    rule.Finish(sg.id, "security-group");
    filter.Add(std::move(rule));
  }
  return filter;
}

std::span<const model::Handle> Index::GroupHandles(model::Handle iface) const {
  const InterfaceIndex& info = interfaces[iface];
  return std::span<const model::Handle>(group_pool_).subspan(info.first, info.count);
}

std::span<const Filter* const> Index::GroupFilters(model::Handle iface, bool ingress) const {
  const InterfaceIndex& info = interfaces[iface];
  for (model::Handle g : GroupHandles(iface)) {
    std::call_once(group_once_[g], [&] {
      const model::Handle vpc = network.security_groups[g].vpc;
      sg_ingress_[g] = CompileGroup(g, vpc, true);
      sg_egress_[g] = CompileGroup(g, vpc, false);
    });
  }
  return std::span<const Filter* const>(ingress ? ingress_pool_ : egress_pool_)
      .subspan(info.first, info.count);
}

const Filter* Index::SubnetAcl(model::Handle subnet, bool ingress) const {
  const model::Handle a = network.subnets[subnet].network_acl;
  if (a == model::kNone) return nullptr;
  std::call_once(acl_once_[a], [&] { CompileAcl(a); });
  return ingress ? &acl_ingress_[a] : &acl_egress_[a];
}

std::string Index::GroupsText(model::Handle iface) const {
  std::string out;
  for (model::Handle g : GroupHandles(iface)) {
    if (!out.empty()) out += ", ";
    out += network.security_groups[g].id;
  }
  return out;
}

const base::SourceRef& Index::GroupsWhere(model::Handle iface) const {
  static const base::SourceRef kNowhere;
  const std::span<const model::Handle> groups = GroupHandles(iface);
  return groups.empty() ? kNowhere : network.security_groups[groups.front()].origin;
}

void Index::CompileAcl(model::Handle a) const {
  const model::NetworkAcl& acl = network.network_acls[a];
  for (bool ingress : {true, false}) {
    std::vector<const model::AclEntry*> entries;
    for (const model::AclEntry& e : ingress ? acl.inbound : acl.outbound) entries.push_back(&e);
    std::stable_sort(entries.begin(), entries.end(), [](const model::AclEntry* x, const model::AclEntry* y) {
      return x->rule_number < y->rule_number;
    });
    Filter& filter = ingress ? acl_ingress_[a] : acl_egress_[a];
    for (const model::AclEntry* e : entries) {
      Rule rule;
      rule.remote = net::AddressSet::Of(e->cidr);
      rule.service = e->service;
      rule.allow = e->allow;
      rule.number = e->rule_number;
      rule.owner = a;
      rule.where = e->origin;
      rule.text = AclRuleText(acl, *e, ingress);
      rule.Finish(acl.id, "network-acl");
      filter.Add(std::move(rule));
    }
  }
}

void Index::CompileFilters() {
  const model::Network& n = network;
  // Members of each group: the private addresses of interfaces carrying it, per VPC.
  members_.assign(n.security_groups.size(), {});
  for (const model::NetworkInterface& e : n.interfaces) {
    for (model::Handle g : e.groups) {
      if (g == model::kNone) continue;
      auto& per_vpc = members_[g];
      auto it = std::find_if(per_vpc.begin(), per_vpc.end(), [&](const auto& p) { return p.first == e.vpc; });
      if (it == per_vpc.end()) it = per_vpc.insert(per_vpc.end(), {e.vpc, {}});
      for (const model::PrivateAddress& a : e.private_addresses) it->second.push_back(a.address);
      it->second.insert(it->second.end(), e.ipv6_addresses.begin(), e.ipv6_addresses.end());
    }
  }
  // A group in its own VPC is compiled on first use (GroupFilters); the slots exist now so
  // that interfaces can point at them.
  sg_ingress_.resize(n.security_groups.size());
  sg_egress_.resize(n.security_groups.size());
  group_once_ = std::make_unique<std::once_flag[]>(n.security_groups.size());
  // Interfaces outside their group's VPC (unusual) get the group compiled for their VPC, now.
  std::unordered_map<std::uint64_t, std::pair<const Filter*, const Filter*>> elsewhere;
  auto filters_for = [&](model::Handle g, model::Handle vpc) -> std::pair<const Filter*, const Filter*> {
    const model::SecurityGroup& sg = n.security_groups[g];
    if (vpc == sg.vpc) return {&sg_ingress_[g], &sg_egress_[g]};  // the usual case: no rule is read
    const bool refs =
        std::any_of(sg.ingress.begin(), sg.ingress.end(),
                    [](const model::SgRule& r) { return r.peer_kind == model::PeerKind::kSecurityGroup; }) ||
        std::any_of(sg.egress.begin(), sg.egress.end(),
                    [](const model::SgRule& r) { return r.peer_kind == model::PeerKind::kSecurityGroup; });
    if (!refs) return {&sg_ingress_[g], &sg_egress_[g]};
    const std::uint64_t key = (static_cast<std::uint64_t>(g) << 32) | vpc;
    auto it = elsewhere.find(key);
    if (it == elsewhere.end()) {
      extra_filters_.push_back(CompileGroup(g, vpc, true));
      const Filter* in = &extra_filters_.back();
      extra_filters_.push_back(CompileGroup(g, vpc, false));
      it = elsewhere.emplace(key, std::make_pair(in, &extra_filters_.back())).first;
    }
    return it->second;
  };
  // ACLs are compiled on first use (SubnetAcl), like groups.
  acl_ingress_.resize(n.network_acls.size());
  acl_egress_.resize(n.network_acls.size());
  acl_once_ = std::make_unique<std::once_flag[]>(n.network_acls.size());
  interfaces.resize(n.interfaces.size());
  std::size_t slots = 0;
  for (const model::NetworkInterface& e : n.interfaces) slots += e.groups.size();
  group_pool_.reserve(slots);
  ingress_pool_.reserve(slots);
  egress_pool_.reserve(slots);
  for (model::Handle i = 0; i < n.interfaces.size(); ++i) {
    const model::NetworkInterface& e = n.interfaces[i];
    InterfaceIndex& index = interfaces[i];
    bool all_empty = true;
    index.first = static_cast<std::uint32_t>(group_pool_.size());
    for (model::Handle g : e.groups) {
      if (g == model::kNone) continue;  // unresolved (reported by Validate): not a group
      const auto [in, out] = filters_for(g, e.vpc);
      group_pool_.push_back(g);
      ingress_pool_.push_back(in);
      egress_pool_.push_back(out);
      all_empty = all_empty && n.security_groups[g].HasNoRules();
    }
    index.count = static_cast<std::uint32_t>(group_pool_.size() - index.first);
    index.no_rules = all_empty;
  }
}

}  // namespace reachcheck::analysis::detail
