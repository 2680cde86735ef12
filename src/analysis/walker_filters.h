// SPDX-License-Identifier: Apache-2.0
// The walk's two filters: an interface's security groups and a subnet's network ACL.
// Blocked pieces continue with a blocker (the walk lists every blocking component).
#pragma once

#include <algorithm>
#include <utility>

#include "analysis/describe.h"
#include "analysis/walker.h"

namespace reachcheck::analysis::detail {

template <typename Next>
void Walker::Groups(Flow&& f, model::Handle iface, bool ingress, Next&& next) {
  const InterfaceIndex& info = index_.interfaces[iface];
  const std::span<const Filter* const> filters = index_.GroupFilters(iface, ingress);
  if (filters.empty()) {  // AWS-managed interfaces carry no group: not filtered
    next(std::move(f));
    return;
  }
  for (const Filter* filter : filters) {
    for (const std::string& note : filter->notes) Note(note);
  }
  const AddrView remote = ingress ? f.src : f.dst;
  const bool skip_refs = ingress && f.translated;
  const base::Text& id = net_.interfaces[iface].id;
  std::vector<Match> matches = Evaluate(f, filters, remote, skip_refs);
  auto decide = [&](Flow&& piece, const Match& match) {
    if (match.Allowed()) {
      for (const Rule* rule : match.rules) AddHop(piece, rule->hop);
    } else {
      std::string groups = index_.GroupsText(iface);
      std::string detail =
          Cat("no ", ingress ? "inbound" : "outbound", " rule of ", groups, " (", id, ") matches");
      if (skip_refs) {
        const bool has_refs = std::any_of(filters.begin(), filters.end(), [](const Filter* flt) {
          return std::any_of(flt->rules.begin(), flt->rules.end(), [](const Rule& r) { return r.group_ref; });
        });
        if (has_refs) {
          detail += std::string("; ") + code::kSgRefsNotPreserved +
                    ": group references do not match a translated source";
        }
      }
      // The groups whose rules fail are the blocking component (the detail names the interface).
      BlockerNote note = MakeBlocker(std::move(groups), info.no_rules ? code::kSgNoRules : code::kSgMismatch,
                                     ingress, std::move(detail), index_.GroupsWhere(iface));
      note.fix = ingress ? FixKind::kSgIngress : FixKind::kSgEgress;
      note.handle = iface;
      note.remote = remote;
      note.port = piece.port;
      note.translated = piece.translated;
      AddBlocker(piece, std::move(note));
    }
    next(std::move(piece));
  };
  if (matches.size() == 1) {  // the whole flow goes one way
    decide(std::move(f), matches.front());
    return;
  }
  for (Match& match : matches) decide(WithBox(f, std::move(match.box)), match);
}

template <typename Next>
void Walker::Acl(Flow&& f, model::Handle subnet, bool ingress, Next&& next) {
  const Filter* acl = index_.SubnetAcl(subnet, ingress);
  const model::Subnet& s = net_.subnets[subnet];
  if (acl == nullptr) {
    Note(s.id + " has no network ACL in the snapshot: its traffic is not filtered");
    AddHop(f, MakeHop(s.id, "subnet", s.id + " has no network ACL in the snapshot (not filtered)", s.origin));
    next(std::move(f));
    return;
  }
  const model::NetworkAcl& model_acl = net_.network_acls[s.network_acl];
  const AddrView remote = ingress ? f.src : f.dst;
  std::vector<Match> matches = Evaluate(f, std::span<const Filter* const>(&acl, 1), remote, false);
  auto decide = [&](Flow&& piece, const Match& match) {
    for (const Rule* rule : match.rules) {
      if (rule != nullptr && rule->allow) {
        AddHop(piece, rule->hop);
        continue;
      }
      std::string detail = rule != nullptr ? rule->text
                                           : Cat(model_acl.id, ingress ? " inbound" : " outbound",
                                                 ": no rule matches (implicit deny)");
      BlockerNote note = MakeBlocker(model_acl.id, code::kAcl, ingress, std::move(detail),
                                     rule != nullptr ? rule->where : model_acl.origin);
      note.fix = FixKind::kAcl;
      note.handle = s.network_acl;
      note.rule_number = rule != nullptr ? rule->number : 0;
      note.remote = remote;
      note.port = piece.port;
      AddBlocker(piece, std::move(note));
    }
    next(std::move(piece));
  };
  if (matches.size() == 1) {
    decide(std::move(f), matches.front());
    return;
  }
  for (Match& match : matches) decide(WithBox(f, std::move(match.box)), match);
}

}  // namespace reachcheck::analysis::detail
