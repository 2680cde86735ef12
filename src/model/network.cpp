// SPDX-License-Identifier: Apache-2.0
// The Network's scopes, its per-type id indexes (open addressing over handles), and the
// summaries built on them (every id, counts per type).
#include "reachcheck/model/network.h"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <tuple>

namespace reachcheck::model {

namespace {

std::size_t HashId(std::string_view id) { return std::hash<std::string_view>{}(id); }

// The high half of the hash, stored in the slot to skip most string comparisons.
std::uint32_t Fragment(std::size_t hash) {
  if constexpr (sizeof(std::size_t) > 4) {
    return static_cast<std::uint32_t>(hash >> 32);
  } else {
    return static_cast<std::uint32_t>(hash);
  }
}

}  // namespace

Handle Network::InternScope(const Scope& scope) {
  Handle found = FindScope(scope);
  if (found != kNone) return found;
  scopes.push_back(scope);
  return static_cast<Handle>(scopes.size() - 1);
}

Handle Network::FindScope(const Scope& scope) const {
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    if (scopes[i] == scope) return static_cast<Handle>(i);
  }
  return kNone;
}

template <typename T>
void Network::IdIndex::Build(const std::vector<T>& items) {
  slots_.clear();
  if (items.empty()) return;
  std::size_t capacity = 8;
  while (capacity < 2 * items.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  const std::size_t mask = capacity - 1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t hash = HashId(items[i].id);
    std::size_t pos = hash & mask;
    while (slots_[pos].handle != kNone) pos = (pos + 1) & mask;
    slots_[pos] = Slot{static_cast<Handle>(i), Fragment(hash)};
  }
}

template <typename T>
Handle Network::IdIndex::Find(const std::vector<T>& items, std::string_view id, Handle scope) const {
  if (slots_.empty()) return kNone;
  const std::size_t hash = HashId(id);
  const std::uint32_t fragment = Fragment(hash);
  const std::size_t mask = slots_.size() - 1;
  Handle same_scope = kNone;  // lowest handle with `id` in `scope`
  Handle other = kNone;       // lowest handle with `id` in another scope
  bool ambiguous = false;     // `id` is in two or more other scopes
  for (std::size_t pos = hash & mask; slots_[pos].handle != kNone; pos = (pos + 1) & mask) {
    const Slot& slot = slots_[pos];
    // A stale index (the vector changed after BuildIndex) must not read out of bounds.
    if (slot.hash != fragment || slot.handle >= items.size()) continue;
    const T& item = items[slot.handle];
    if (item.id != id) continue;
    if (item.scope == scope) {
      same_scope = std::min(same_scope, slot.handle);
    } else if (other == kNone) {
      other = slot.handle;
    } else if (items[other].scope != item.scope) {
      ambiguous = true;
    } else {
      other = std::min(other, slot.handle);
    }
  }
  if (same_scope != kNone) return same_scope;
  return ambiguous ? kNone : other;
}

void Network::BuildIndex() {
  for (std::size_t list = 0; list < std::tuple_size_v<decltype(kElementLists)>; ++list) BuildIndex(list);
}

void Network::BuildIndex(std::size_t list) {
  static_assert(std::get<0>(kElementLists) == &Network::vpcs &&
                    std::get<1>(kElementLists) == &Network::subnets &&
                    std::get<2>(kElementLists) == &Network::route_tables &&
                    std::get<3>(kElementLists) == &Network::internet_gateways &&
                    std::get<4>(kElementLists) == &Network::nat_gateways &&
                    std::get<5>(kElementLists) == &Network::peerings &&
                    std::get<6>(kElementLists) == &Network::security_groups &&
                    std::get<7>(kElementLists) == &Network::network_acls &&
                    std::get<8>(kElementLists) == &Network::interfaces &&
                    std::get<9>(kElementLists) == &Network::instances &&
                    std::get<11>(kElementLists) == &Network::prefix_lists &&
                    std::get<12>(kElementLists) == &Network::endpoints,
                "the cases below follow kElementLists");
  switch (list) {
    case 0:
      vpc_index_.Build(vpcs);
      break;
    case 1:
      subnet_index_.Build(subnets);
      break;
    case 2:
      route_table_index_.Build(route_tables);
      break;
    case 3:
      igw_index_.Build(internet_gateways);
      break;
    case 4:
      nat_index_.Build(nat_gateways);
      break;
    case 5:
      peering_index_.Build(peerings);
      break;
    case 6:
      sg_index_.Build(security_groups);
      break;
    case 7:
      acl_index_.Build(network_acls);
      break;
    case 8:
      interface_index_.Build(interfaces);
      break;
    case 9:
      instance_index_.Build(instances);
      break;
    case 11:
      prefix_list_index_.Build(prefix_lists);
      break;
    case 12:
      endpoint_index_.Build(endpoints);
      break;
    default:
      break;  // elastic IPs and unanalysed resources have no index
  }
}

Handle Network::FindVpc(std::string_view id, Handle scope) const { return vpc_index_.Find(vpcs, id, scope); }
Handle Network::FindSubnet(std::string_view id, Handle scope) const {
  return subnet_index_.Find(subnets, id, scope);
}
Handle Network::FindRouteTable(std::string_view id, Handle scope) const {
  return route_table_index_.Find(route_tables, id, scope);
}
Handle Network::FindInternetGateway(std::string_view id, Handle scope) const {
  return igw_index_.Find(internet_gateways, id, scope);
}
Handle Network::FindNatGateway(std::string_view id, Handle scope) const {
  return nat_index_.Find(nat_gateways, id, scope);
}
Handle Network::FindPeering(std::string_view id, Handle scope) const {
  return peering_index_.Find(peerings, id, scope);
}
Handle Network::FindSecurityGroup(std::string_view id, Handle scope) const {
  return sg_index_.Find(security_groups, id, scope);
}
Handle Network::FindNetworkAcl(std::string_view id, Handle scope) const {
  return acl_index_.Find(network_acls, id, scope);
}
Handle Network::FindInterface(std::string_view id, Handle scope) const {
  return interface_index_.Find(interfaces, id, scope);
}
Handle Network::FindInstance(std::string_view id, Handle scope) const {
  return instance_index_.Find(instances, id, scope);
}
Handle Network::FindPrefixList(std::string_view id, Handle scope) const {
  return prefix_list_index_.Find(prefix_lists, id, scope);
}
Handle Network::FindEndpoint(std::string_view id, Handle scope) const {
  return endpoint_index_.Find(endpoints, id, scope);
}

namespace {

template <typename T>
void AppendIds(const std::vector<T>& items, std::vector<std::string>& out) {
  for (const T& item : items) {
    if (!item.id.empty()) out.push_back(item.id);
  }
}

template <typename T>
std::size_t CountIn(const std::vector<T>& items, Handle scope) {
  if (scope == kNone) return items.size();
  return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(), [&](const T& x) { return x.scope == scope; }));
}

}  // namespace

std::vector<std::string> Network::AllIds() const {
  std::vector<std::string> out;
  AppendIds(vpcs, out);
  AppendIds(subnets, out);
  AppendIds(route_tables, out);
  AppendIds(internet_gateways, out);
  AppendIds(nat_gateways, out);
  AppendIds(peerings, out);
  AppendIds(security_groups, out);
  AppendIds(network_acls, out);
  AppendIds(interfaces, out);
  AppendIds(instances, out);
  AppendIds(elastic_ips, out);
  AppendIds(prefix_lists, out);
  AppendIds(endpoints, out);
  AppendIds(unanalysed, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::map<std::string, std::size_t> Network::Counts(Handle scope) const {
  std::map<std::string, std::size_t> out;
  out["vpcs"] = CountIn(vpcs, scope);
  out["subnets"] = CountIn(subnets, scope);
  out["route_tables"] = CountIn(route_tables, scope);
  std::size_t egress_only = 0;
  std::size_t internet = 0;
  for (const InternetGateway& gateway : internet_gateways) {
    if (scope != kNone && gateway.scope != scope) continue;
    ++(gateway.egress_only ? egress_only : internet);
  }
  out["internet_gateways"] = internet;
  out["egress_only_internet_gateways"] = egress_only;
  out["nat_gateways"] = CountIn(nat_gateways, scope);
  out["vpc_peering_connections"] = CountIn(peerings, scope);
  out["security_groups"] = CountIn(security_groups, scope);
  out["network_acls"] = CountIn(network_acls, scope);
  out["network_interfaces"] = CountIn(interfaces, scope);
  out["instances"] = CountIn(instances, scope);
  out["elastic_ips"] = CountIn(elastic_ips, scope);
  out["prefix_lists"] = CountIn(prefix_lists, scope);
  out["vpc_endpoints"] = CountIn(endpoints, scope);
  for (const UnanalysedResource& resource : unanalysed) {
    if (scope == kNone || resource.scope == scope) ++out["unanalysed:" + resource.type];
  }
  return out;
}

std::vector<std::map<std::string, std::size_t>> Network::CountsByScope() const {
  std::vector<std::map<std::string, std::size_t>> out(scopes.size(), Counts(kNone));
  for (auto& counts : out) {  // the same keys as Counts(scope), all zero
    for (auto it = counts.begin(); it != counts.end();) {
      if (it->first.rfind("unanalysed:", 0) == 0) {
        it = counts.erase(it);
      } else {
        it->second = 0;
        ++it;
      }
    }
  }
  auto add = [&](const auto& items, const char* key) {
    for (const auto& x : items) {
      if (x.scope < out.size()) ++out[x.scope][key];
    }
  };
  add(vpcs, "vpcs");
  add(subnets, "subnets");
  add(route_tables, "route_tables");
  for (const InternetGateway& gateway : internet_gateways) {
    if (gateway.scope < out.size())
      ++out[gateway.scope][gateway.egress_only ? "egress_only_internet_gateways" : "internet_gateways"];
  }
  add(nat_gateways, "nat_gateways");
  add(peerings, "vpc_peering_connections");
  add(security_groups, "security_groups");
  add(network_acls, "network_acls");
  add(interfaces, "network_interfaces");
  add(instances, "instances");
  add(elastic_ips, "elastic_ips");
  add(prefix_lists, "prefix_lists");
  add(endpoints, "vpc_endpoints");
  for (const UnanalysedResource& resource : unanalysed) {
    if (resource.scope < out.size()) ++out[resource.scope]["unanalysed:" + resource.type];
  }
  return out;
}

}  // namespace reachcheck::model
