// SPDX-License-Identifier: Apache-2.0
// describe-prefix-lists (AWS-managed lists with their Cidrs) and describe-managed-prefix-lists.
//
// describe-managed-prefix-lists does not print a list's entries. They are taken from either
//  - an "Entries": [{"Cidr": "10.0.0.0/8", "Description": ..}] array added to the list's
//    element (get-managed-prefix-list-entries output merged into it), or
//  - a separate document {"PrefixListId": "pl-..", "Entries": [{"Cidr": ..}, ..]}: the
//    output of `aws ec2 get-managed-prefix-list-entries --prefix-list-id pl-..` with the
//    list's id added beside "Entries" (finish.cpp attaches it to the list, or models the
//    list from it alone when no describe output names it).
// A list whose entries are nowhere keeps entries_known = false.
#include <algorithm>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

std::string FamilyOf(const std::vector<net::Cidr>& cidrs) {
  if (cidrs.empty()) return "";
  return cidrs.front().family() == net::Family::kV4 ? "IPv4" : "IPv6";
}

// [{"Cidr": ..}] entries; the family follows the first entry (or `family` when given).
std::vector<net::Cidr> ReadEntries(const Node& node, FileContext& context) {
  std::vector<net::Cidr> cidrs;
  std::optional<Node> list = node.OptArray("Entries");
  if (!list) return cidrs;
  cidrs.reserve(list->Size());
  for (const Node& entry : list->Elements()) {
    entry.ExpectObject("a prefix list entry");
    std::string_view text = entry.String("Cidr");
    net::Family family =
        cidrs.empty() ? (text.find(':') == std::string_view::npos ? net::Family::kV4 : net::Family::kV6)
                      : cidrs.front().family();
    cidrs.push_back(entry.ParseCidrAt(text, "Cidr", family, context));
  }
  return cidrs;
}

}  // namespace

void ParsePrefixList(const Node& element, FileContext& context) {
  element.ExpectObject("a prefix list");
  // describe-managed-prefix-lists prints under the same key; its lists have no Cidrs.
  if (!element.Has("Cidrs") &&
      (element.Has("AddressFamily") || element.Has("MaxEntries") || element.Has("Entries"))) {
    ParseManagedPrefixList(element, context);
    return;
  }
  model::PrefixList list;
  list.id = element.String("PrefixListId");
  list.name = element.StringOr("PrefixListName");
  list.owner_id = "AWS";  // describe-prefix-lists shows only AWS-managed service lists
  if (std::optional<Node> node = element.OptArray("Cidrs")) {
    list.cidrs.reserve(node->Size());
    for (const Node& item : node->Elements()) {
      std::string_view text = item.AsString();
      net::Family family = list.cidrs.empty() ? (text.find(':') == std::string_view::npos ? net::Family::kV4
                                                                                          : net::Family::kV6)
                                              : list.cidrs.front().family();
      list.cidrs.push_back(item.ParseCidrAt(text, "", family, context));
    }
  }
  list.address_family = FamilyOf(list.cidrs);
  list.entries_known = true;
  list.tags = ReadTags(element);
  list.scope = context.ScopeOf("", "");
  list.origin = context.Ref(element.Pointer());
  context.network().prefix_lists.push_back(std::move(list));
  context.state().prefix_list_sources.push_back(PrefixListSource::kDescribePrefixLists);
}

void ParseManagedPrefixList(const Node& element, FileContext& context) {
  element.ExpectObject("a managed prefix list");
  model::PrefixList list;
  list.id = element.String("PrefixListId");
  list.name = element.StringOr("PrefixListName");
  list.owner_id = element.StringOr("OwnerId");
  list.address_family = element.StringOr("AddressFamily");
  if (element.Has("Entries")) {
    list.cidrs = ReadEntries(element, context);
    list.entries_known = true;
    if (list.address_family.empty()) list.address_family = FamilyOf(list.cidrs);
  }
  list.tags = ReadTags(element);
  list.scope = context.ScopeOf(list.owner_id, "");
  list.origin = context.Ref(element.Pointer());
  context.network().prefix_lists.push_back(std::move(list));
  context.state().prefix_list_sources.push_back(PrefixListSource::kDescribeManagedPrefixLists);
}

void ParsePrefixListEntriesDocument(const Node& root, FileContext& context) {
  PrefixListEntries entries;
  entries.id = root.String("PrefixListId");
  if (!root.OptArray("Entries")) {
    root.Fail("input-missing-field", "missing required field 'Entries'");
  }
  entries.cidrs = ReadEntries(root, context);
  entries.scope = context.ScopeOf("", "");
  entries.origin = context.Ref(root.Pointer());
  context.state().prefix_list_entries.push_back(std::move(entries));
}

}  // namespace reachcheck::ingest::aws
