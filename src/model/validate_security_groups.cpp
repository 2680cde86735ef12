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
  const std::string referrer = Named("security group", group.id) + " " +
                               DirectionName(rule.direction) + " rule " + rule.ToString();
  if (rule.peer_kind == PeerKind::kPrefixList && !rule.prefix_list_id.empty()) {
    rule.prefix_list = n.FindPrefixList(rule.prefix_list_id, group.scope);
    if (rule.prefix_list == kNone) {
      checker.Dangling(rule.origin, referrer, "refers to", "prefix list", rule.prefix_list_id);
    }
    return;
  }
  if (rule.peer_kind != PeerKind::kSecurityGroup || rule.group_id.empty()) return;
  // A group of another account (UserId) lives in that account, in this group's region.
  Scope own = group.scope < n.scopes.size() ? n.scopes[group.scope] : Scope{};
  Scope owner_scope = own;
  if (!rule.group_owner_id.empty()) owner_scope.account = rule.group_owner_id;
  const Handle owner_handle = n.FindScope(owner_scope);
  rule.group = n.FindSecurityGroup(rule.group_id,
                                   owner_handle != kNone ? owner_handle : group.scope);
  if (rule.group != kNone) return;
  if (owner_scope == own || owner_handle != kNone) {
    checker.Dangling(rule.origin, referrer, "refers to", "security group", rule.group_id);
    return;
  }
  checker.diagnostics.Note("input-external-ref",
                           referrer + " refers to " + Named("security group", rule.group_id) +
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
