// SPDX-License-Identifier: Apache-2.0
// The post-pass once every file is read: fill unknown accounts/regions when the snapshot
// knows only one, merge prefix lists and their entries, drop interfaces inlined in instances
// that describe-network-interfaces also lists, warn about instances without interfaces, and
// merge describe-tags. Every step is linear (hash maps keyed by id).
#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

using model::Handle;

bool Compatible(const model::Scope& a, const model::Scope& b) {
  return (a.account == b.account || a.account.empty() || b.account.empty()) &&
         (a.region == b.region || a.region.empty() || b.region.empty());
}

// Keeps the elements whose `keep` flag is set, in order.
template <typename T>
void Compact(std::vector<T>& items, const std::vector<bool>& keep) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!keep[i]) continue;
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.resize(kept);
}

void FillScopes(SnapshotState& state) {
  model::Network& n = state.network;
  std::vector<bool> used(n.scopes.size(), false);
  ForEachScope(state, [&](Handle h) { used[h] = true; });
  std::set<std::string> accounts, regions;
  for (std::size_t i = 0; i < n.scopes.size(); ++i) {
    if (!used[i]) continue;
    if (!n.scopes[i].account.empty()) accounts.insert(n.scopes[i].account);
    if (!n.scopes[i].region.empty()) regions.insert(n.scopes[i].region);
  }
  const std::string only_account = accounts.size() == 1 ? *accounts.begin() : "";
  const std::string only_region = regions.size() == 1 ? *regions.begin() : "";
  std::vector<model::Scope> old = std::move(n.scopes);
  n.scopes.clear();
  std::vector<Handle> remap(old.size(), model::kNone);
  for (std::size_t i = 0; i < old.size(); ++i) {
    if (!used[i]) continue;
    model::Scope scope = old[i];
    if (scope.account.empty()) scope.account = only_account;
    if (scope.region.empty()) scope.region = only_region;
    remap[i] = n.InternScope(scope);
  }
  ForEachScope(state, [&](Handle& h) { h = remap[h]; });
}

// describe-prefix-lists and describe-managed-prefix-lists both list AWS-managed lists: one
// list, not a duplicate. Then the separate entries documents are attached.
void MergePrefixLists(SnapshotState& state) {
  model::Network& n = state.network;
  std::vector<model::PrefixList>& lists = n.prefix_lists;
  std::unordered_map<std::string_view, std::vector<Handle>> by_id;
  for (Handle i = 0; i < lists.size(); ++i) by_id[lists[i].id].push_back(i);
  std::vector<bool> keep(lists.size(), true);
  for (auto& [id, handles] : by_id) {
    if (handles.size() < 2) continue;
    // The first list of each source per scope; further ones are real duplicates (Validate).
    std::unordered_map<Handle, Handle> plain, managed;
    for (Handle h : handles) {
      auto& first =
          state.prefix_list_sources[h] == PrefixListSource::kDescribeManagedPrefixLists ? managed : plain;
      first.emplace(lists[h].scope, h);
    }
    for (auto& [scope, y] : managed) {
      auto found = plain.find(scope);
      if (found == plain.end()) continue;
      Handle x = std::min(found->second, y);  // keep the one read first
      Handle other = std::max(found->second, y);
      model::PrefixList& kept = lists[x];
      model::PrefixList& dropped = lists[other];
      const model::PrefixList& managed_list = lists[y];
      if (kept.name.empty()) kept.name = dropped.name;
      kept.owner_id = managed_list.owner_id;
      if (!managed_list.address_family.empty()) kept.address_family = managed_list.address_family;
      if (kept.tags.empty()) kept.tags = dropped.tags;
      if (!kept.entries_known && dropped.entries_known) {
        kept.cidrs = dropped.cidrs;
        kept.entries_known = true;
      }
      keep[other] = false;
    }
  }
  std::vector<model::PrefixList> created;
  for (PrefixListEntries& entries : state.prefix_list_entries) {
    bool attached = false;
    auto it = by_id.find(entries.id);
    if (it != by_id.end()) {
      for (Handle h : it->second) {
        if (!keep[h] || !Compatible(n.scopes[lists[h].scope], n.scopes[entries.scope])) continue;
        lists[h].cidrs = entries.cidrs;
        lists[h].entries_known = true;
        if (lists[h].address_family.empty() && !entries.cidrs.empty()) {
          lists[h].address_family = entries.cidrs.front().family() == net::Family::kV4 ? "IPv4" : "IPv6";
        }
        attached = true;
      }
    }
    if (attached) continue;
    model::PrefixList list;
    list.id = entries.id;
    list.scope = entries.scope;
    list.origin = entries.origin;
    list.cidrs = std::move(entries.cidrs);
    list.entries_known = true;
    if (!list.cidrs.empty()) {
      list.address_family = list.cidrs.front().family() == net::Family::kV4 ? "IPv4" : "IPv6";
    }
    created.push_back(std::move(list));
  }
  by_id.clear();  // its keys view the ids that Compact moves
  Compact(lists, keep);
  for (model::PrefixList& list : created) lists.push_back(std::move(list));
}

// An interface listed by describe-network-interfaces wins over the copy inlined in its
// instance (no duplicate error): the inline copy is dropped.
void DropInlineCopies(model::Network& n) {
  std::unordered_map<std::string_view, std::vector<Handle>> listed;
  bool any_inline = false;
  for (Handle i = 0; i < n.interfaces.size(); ++i) {
    if (n.interfaces[i].from_instance) {
      any_inline = true;
    } else {
      listed[n.interfaces[i].id].push_back(n.interfaces[i].scope);
    }
  }
  if (!any_inline || listed.empty()) return;
  std::vector<bool> keep(n.interfaces.size(), true);
  for (Handle i = 0; i < n.interfaces.size(); ++i) {
    const model::NetworkInterface& eni = n.interfaces[i];
    if (!eni.from_instance) continue;
    auto it = listed.find(eni.id);
    if (it == listed.end()) continue;
    for (Handle scope : it->second) {
      if (Compatible(n.scopes[scope], n.scopes[eni.scope])) keep[i] = false;
    }
  }
  listed.clear();  // its keys view strings that Compact moves
  Compact(n.interfaces, keep);
}

// Interfaces inlined in describe-instances are copies; two different instances inlining the
// same interface id (placeholder ids in hand-written data) is a conflict between copies: the
// first is kept, the others are dropped with a warning and removed from their instance.
void DropConflictingInlineCopies(SnapshotState& state) {
  model::Network& n = state.network;
  std::unordered_map<std::string, Handle> first;  // "scope/id" -> interface
  std::unordered_map<std::string, Handle> instance_of;
  std::vector<bool> keep(n.interfaces.size(), true);
  bool any = false;
  for (Handle i = 0; i < n.interfaces.size(); ++i) {
    const model::NetworkInterface& eni = n.interfaces[i];
    if (!eni.from_instance) continue;
    auto [it, inserted] = first.emplace(std::to_string(eni.scope) + "/" + eni.id, i);
    if (inserted) continue;
    keep[i] = false;
    const model::NetworkInterface& kept = n.interfaces[it->second];
    if (kept.instance_id == eni.instance_id) continue;  // the instance itself is duplicated
    if (!any) {
      for (Handle h = 0; h < n.instances.size(); ++h) instance_of.emplace(n.instances[h].id, h);
      any = true;
    }
    state.diagnostics.Warning("input-conflicting-interface",
                              "network interface '" + eni.id + "' is also inlined in instance '" +
                                  kept.instance_id + "' (at " + kept.origin.ToString() +
                                  "); this copy in instance '" + eni.instance_id + "' is ignored",
                              eni.origin);
    auto owner = instance_of.find(eni.instance_id);
    if (owner == instance_of.end()) continue;
    std::vector<base::Text>& ids = n.instances[owner->second].interface_ids;
    ids.erase(std::remove(ids.begin(), ids.end(), eni.id), ids.end());
  }
  Compact(n.interfaces, keep);
}

void WarnInstancesWithoutInterfaces(SnapshotState& state) {
  if (state.instances_without_interfaces.empty()) return;
  model::Network& n = state.network;
  std::unordered_set<std::string_view> attached;
  for (const model::NetworkInterface& eni : n.interfaces) attached.insert(eni.instance_id);
  for (Handle h : state.instances_without_interfaces) {
    const model::Instance& instance = n.instances[h];
    if (attached.count(instance.id) > 0) continue;
    state.diagnostics.Warning("input-instance-without-interfaces",
                              "instance '" + instance.id +
                                  "' lists no NetworkInterfaces and no interface names it; "
                                  "its addresses are not modelled (add describe-network-interfaces output)",
                              instance.origin);
  }
}

void MergeTags(SnapshotState& state) {
  if (state.tags.empty()) return;
  model::Network& n = state.network;
  std::unordered_map<std::string_view, std::vector<const TagRecord*>> by_id;
  for (const TagRecord& record : state.tags) by_id[record.resource_id].push_back(&record);
  ForEachElement(n, [&](model::Element& element) {
    auto it = by_id.find(element.id);
    if (it == by_id.end()) return;
    for (const TagRecord* record : it->second) {
      if (!Compatible(n.scopes[record->scope], n.scopes[element.scope])) continue;
      auto same_key = std::find_if(element.tags.begin(), element.tags.end(),
                                   [&](const model::Tag& t) { return t.key == record->tag.key; });
      if (same_key == element.tags.end()) {
        element.tags.push_back(record->tag);
      } else {
        same_key->value = record->tag.value;
      }
    }
  });
}

}  // namespace

void FinishSnapshot(SnapshotState& state) {
  FillScopes(state);
  MergePrefixLists(state);
  DropInlineCopies(state.network);
  DropConflictingInlineCopies(state);
  WarnInstancesWithoutInterfaces(state);
  MergeTags(state);
}

}  // namespace reachcheck::ingest::aws
