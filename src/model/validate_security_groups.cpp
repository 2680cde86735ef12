// SPDX-License-Identifier: Apache-2.0
// Validate pass: security group rules that reference a prefix list or another group
// (possibly of another account, across a peering).
#include <string>
#include <vector>

#include "validate_internal.h"

namespace reachcheck::model::detail {

namespace {

void ResolveRule(Checker& checker, const SecurityGroup& group, SgRule& rule) {
  Network& n = checker.network;
  rule.prefix_list = kNone;
  rule.group = kNone;
  auto referrer = [&] {
    return Named("security group", group.id) + " " + DirectionName(rule.direction) + " rule " +
           rule.ToString();
  };
  if (rule.peer_kind == PeerKind::kPrefixList && !rule.prefix_list_id.empty()) {
    rule.prefix_list = n.FindPrefixList(rule.prefix_list_id, group.scope);
    if (rule.prefix_list == kNone) {
      checker.Dangling(rule.origin, referrer(), "refers to", "prefix list", rule.prefix_list_id);
    }
    return;
  }
  if (rule.peer_kind != PeerKind::kSecurityGroup || rule.group_id.empty()) return;
  // A group of another account (UserId) lives in that account, in this group's region.
  const Scope* own = group.scope < n.scopes.size() ? &n.scopes[group.scope] : nullptr;
  Handle lookup_scope = group.scope;
  bool other_account_absent = false;
  if (!rule.group_owner_id.empty() && rule.group_owner_id != (own != nullptr ? own->account : base::Text())) {
    const Handle owner = n.FindScope({rule.group_owner_id, own != nullptr ? own->region : ""});
    if (owner != kNone) lookup_scope = owner;
    other_account_absent = owner == kNone;
  }
  rule.group = n.FindSecurityGroup(rule.group_id, lookup_scope);
  if (rule.group != kNone) return;
  if (!other_account_absent) {
    checker.Dangling(rule.origin, referrer(), "refers to", "security group", rule.group_id);
    return;
  }
  checker.diagnostics.Note("input-external-ref",
                           referrer() + " refers to " + Named("security group", rule.group_id) +
                               " of account " + rule.group_owner_id +
                               " which is not in the snapshot; the rule matches no address",
                           rule.origin);
}

}  // namespace

void ResolveSecurityGroupRules(Checker& checker) {
  for (SecurityGroup& group : checker.network.security_groups) {
    for (SgRule& rule : group.ingress) ResolveRule(checker, group, rule);
    for (SgRule& rule : group.egress) ResolveRule(checker, group, rule);
  }
}

}  // namespace reachcheck::model::detail
