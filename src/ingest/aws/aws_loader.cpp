// SPDX-License-Identifier: Apache-2.0
// Routes one parsed describe-* document by its top-level keys: a table maps each modelled
// key to its element parser; unanalysed, ignored and unknown keys are reported here.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ingest/aws/aws_keys.h"
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

using Parser = void (*)(const Node&, FileContext&);
using Reserver = void (*)(model::Network&, std::size_t);

// Grows `items` geometrically for `more` elements: paginated dumps call this once per page,
// and an exact reserve per page would copy the vector every time.
template <typename T>
void Grow(std::vector<T>& items, std::size_t more) {
  std::size_t needed = items.size() + more;
  if (needed > items.capacity()) items.reserve(std::max(needed, items.capacity() * 2));
}

struct ModelledKey {
  std::string_view key;
  Parser parse;
  Reserver reserve;
};

const ModelledKey kModelledKeys[] = {
    {kVpcs, ParseVpc, [](model::Network& n, std::size_t k) { Grow(n.vpcs, k); }},
    {kSubnets, ParseSubnet, [](model::Network& n, std::size_t k) { Grow(n.subnets, k); }},
    {kRouteTables, ParseRouteTable, [](model::Network& n, std::size_t k) { Grow(n.route_tables, k); }},
    {kInternetGateways, ParseInternetGateway,
     [](model::Network& n, std::size_t k) { Grow(n.internet_gateways, k); }},
    {kEgressOnlyInternetGateways, ParseEgressOnlyInternetGateway,
     [](model::Network& n, std::size_t k) { Grow(n.internet_gateways, k); }},
    {kNatGateways, ParseNatGateway, [](model::Network& n, std::size_t k) { Grow(n.nat_gateways, k); }},
    {kVpcPeeringConnections, ParsePeering, [](model::Network& n, std::size_t k) { Grow(n.peerings, k); }},
    {kSecurityGroups, ParseSecurityGroup,
     [](model::Network& n, std::size_t k) { Grow(n.security_groups, k); }},
    {kNetworkAcls, ParseNetworkAcl, [](model::Network& n, std::size_t k) { Grow(n.network_acls, k); }},
    {kNetworkInterfaces, ParseNetworkInterface,
     [](model::Network& n, std::size_t k) { Grow(n.interfaces, k); }},
    {kReservations, ParseReservation, [](model::Network& n, std::size_t k) { Grow(n.instances, k); }},
    {kAddresses, ParseAddress, [](model::Network& n, std::size_t k) { Grow(n.elastic_ips, k); }},
    {kPrefixLists, ParsePrefixList, [](model::Network& n, std::size_t k) { Grow(n.prefix_lists, k); }},
    {kManagedPrefixLists, ParseManagedPrefixList,
     [](model::Network& n, std::size_t k) { Grow(n.prefix_lists, k); }},
    {kVpcEndpoints, ParseEndpoint, [](model::Network& n, std::size_t k) { Grow(n.endpoints, k); }},
    {kTags, ParseTagDescription, [](model::Network&, std::size_t) {}},
};

const ModelledKey* FindModelled(std::string_view key) {
  for (const ModelledKey& entry : kModelledKeys) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

const UnanalysedKey* FindUnanalysed(std::string_view key) {
  for (const UnanalysedKey& entry : kUnanalysedKeys) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

bool IsIgnored(std::string_view key) {
  return std::find(std::begin(kIgnoredKeys), std::end(kIgnoredKeys), key) != std::end(kIgnoredKeys);
}

// The value of a list key must be an array; anything else is an error for the whole key.
bool ExpectList(const Node& list, std::string_view key, FileContext& context) {
  if (list.value().is_array()) return true;
  context.Report(base::Severity::kError, "input-wrong-type",
                 "expected an array for '" + std::string(key) + "', found " + JsonTypeName(list.value()),
                 list.Pointer());
  return false;
}

using Member = std::pair<std::string_view, JsonValue>;

// The members of `object` as nlohmann/json has always presented them: sorted by key, and a
// key that appears more than once with its last value only.
std::vector<Member> SortedMembers(simdjson::dom::object object) {
  std::vector<Member> members;
  for (simdjson::dom::key_value_pair member : object) members.emplace_back(member.key, member.value);
  std::stable_sort(members.begin(), members.end(),
                   [](const Member& a, const Member& b) { return a.first < b.first; });
  std::vector<Member> unique;
  unique.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].first == members[i].first) continue;
    unique.push_back(members[i]);
  }
  return unique;
}

const JsonValue* FindMember(const std::vector<Member>& members, std::string_view key) {
  for (const Member& member : members) {
    if (member.first == key) return &member.second;
  }
  return nullptr;
}

bool IsPlacebo(const std::vector<Member>& members) {
  if (members.size() != 2) return false;
  const JsonValue* data = FindMember(members, kPlaceboData);
  return FindMember(members, kPlaceboStatus) != nullptr && data != nullptr && data->is_object();
}

}  // namespace

bool LoadAwsDocument(JsonValue root, const std::string& base, FileContext& context) {
  Node root_node(root, base);
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    context.Report(
        base::Severity::kError, "input-wrong-type",
        std::string("expected an object of describe-* lists at the top level, found ") + JsonTypeName(root),
        base);
    return true;
  }
  const std::vector<Member> members = SortedMembers(object);
  if (IsPlacebo(members)) {
    const std::string data_base = base + "/" + std::string(kPlaceboData);
    return LoadAwsDocument(*FindMember(members, kPlaceboData), data_base, context);
  }
  bool any_known = false;
  bool entries_document =
      FindMember(members, kPrefixListId) != nullptr && FindMember(members, kEntries) != nullptr;
  std::vector<std::pair<std::string_view, std::size_t>> unknown;  // key, element count
  for (const auto& [key, value] : members) {
    Node list(value, root_node, key);
    if (const ModelledKey* modelled = FindModelled(key)) {
      any_known = true;
      if (!ExpectList(list, key, context)) continue;
      modelled->reserve(context.network(), list.Size());
      context.ForEach(list, [&](const Node& element) { modelled->parse(element, context); });
    } else if (const UnanalysedKey* unanalysed = FindUnanalysed(key)) {
      any_known = true;
      if (!ExpectList(list, key, context)) continue;
      std::size_t before = context.network().unanalysed.size();
      context.ForEach(list, [&](const Node& element) { ParseUnanalysed(element, unanalysed->key, context); });
      std::size_t loaded = context.network().unanalysed.size() - before;
      if (loaded > 0) {
        context.Report(base::Severity::kWarning, "input-not-analysed",
                       std::to_string(loaded) + " " + std::string(key) + " loaded, not analysed yet",
                       list.Pointer());
      }
    } else if (IsIgnored(key)) {
      any_known = true;
    } else if (key == kEntries || key == kPrefixListId) {
      if (!entries_document && key == kEntries) {
        any_known = true;
        context.Report(base::Severity::kWarning, "input-missing-field",
                       "prefix list entries without a 'PrefixListId' beside them (add the "
                       "list's id to this document); ignored",
                       list.Pointer());
      }
    } else if (list.Size() > 0) {
      unknown.emplace_back(key, list.Size());
    }
  }
  if (entries_document) {
    any_known = true;
    context.Try(root_node, [&](const Node& node) { ParsePrefixListEntriesDocument(node, context); });
  }
  if (!any_known) {
    context.Report(base::Severity::kNote, "input-no-describe-data",
                   "no describe-* data in this file; ignored", base);
    return false;
  }
  for (const auto& [key, count] : unknown) {
    std::string pointer = base;
    AppendPointerToken(pointer, key);
    context.Report(base::Severity::kNote, "input-unrecognised-key",
                   "unrecognised top-level key " + Quoted(key) + " with " + std::to_string(count) +
                       " element(s); ignored",
                   pointer);
  }
  return true;
}

}  // namespace reachcheck::ingest::aws
