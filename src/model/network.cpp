// SPDX-License-Identifier: Apache-2.0
// The Network's scopes, its per-type id indexes (open addressing over handles), and the
// summaries built on them (every id, counts per type).
#include "reachcheck/model/network.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <functional>
#include <tuple>

namespace reachcheck::model {

namespace {

// A hash of the project's own (the index's slots are stored in the model cache, so the hash
// must not depend on the standard library's): eight bytes at a time, then a finaliser that
// spreads every bit over both halves (the low half picks the slot, the high half is kept).
std::size_t HashId(std::string_view id) {
  constexpr std::uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
  std::uint64_t hash = 0x243f6a8885a308d3ULL ^ (id.size() * kOdd);
  std::size_t at = 0;
  for (; at + 8 <= id.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, id.data() + at, 8);
    hash = (hash ^ word) * kOdd;
    hash ^= hash >> 29;
  }
  std::uint64_t tail = 0;
  if (at < id.size()) std::memcpy(&tail, id.data() + at, id.size() - at);
  hash = (hash ^ tail) * 0xff51afd7ed558ccdULL;
  hash ^= hash >> 33;
  hash *= 0xc4ceb9fe1a85ec53ULL;
  hash ^= hash >> 33;
  return static_cast<std::size_t>(hash);
}

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
  // The slots are probed at random: hashing a few items ahead and prefetching their slots
  // lets those cache misses overlap instead of each waiting for the one before.
  constexpr std::size_t kAhead = 16;
  std::size_t ahead[kAhead];
  for (std::size_t i = 0; i < std::min(kAhead, items.size()); ++i) {
    ahead[i] = HashId(items[i].id);
    __builtin_prefetch(&slots_[ahead[i] & mask], 1);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t hash = ahead[i % kAhead];
    if (i + kAhead < items.size()) {
      const std::size_t next = HashId(items[i + kAhead].id);
      ahead[i % kAhead] = next;
      __builtin_prefetch(&slots_[next & mask], 1);
    }
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

template <typename Self, typename Fn>
void Network::WithIndex(Self& self, std::size_t list, Fn&& fn) {
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
      return fn(self.vpc_index_, self.vpcs);
    case 1:
      return fn(self.subnet_index_, self.subnets);
    case 2:
      return fn(self.route_table_index_, self.route_tables);
    case 3:
      return fn(self.igw_index_, self.internet_gateways);
    case 4:
      return fn(self.nat_index_, self.nat_gateways);
    case 5:
      return fn(self.peering_index_, self.peerings);
    case 6:
      return fn(self.sg_index_, self.security_groups);
    case 7:
      return fn(self.acl_index_, self.network_acls);
    case 8:
      return fn(self.interface_index_, self.interfaces);
    case 9:
      return fn(self.instance_index_, self.instances);
    case 11:
      return fn(self.prefix_list_index_, self.prefix_lists);
    case 12:
      return fn(self.endpoint_index_, self.endpoints);
    default:
      return;  // elastic IPs and unanalysed resources have no index
  }
}

void Network::BuildIndex(std::size_t list) {
  WithIndex(*this, list, [](IdIndex& index, const auto& items) { index.Build(items); });
}

std::vector<Network::IdSlot> Network::IndexSlots(std::size_t list) const {
  std::vector<IdSlot> slots;
  WithIndex(*this, list, [&](const IdIndex&, const auto& items) {
    IdIndex fresh;
    fresh.Build(items);
    slots = fresh.slots();
  });
  return slots;
}

bool Network::AdoptIndexSlots(std::size_t list, std::vector<IdSlot> slots) {
  bool adopted = slots.empty();  // a list without an index takes no slots
  WithIndex(*this, list, [&](IdIndex& index, const auto& items) {
    adopted = index.Adopt(std::move(slots), items.size());
  });
  return adopted;
}

bool Network::IdIndex::Adopt(std::vector<Slot> slots, std::size_t items) {
  const std::size_t size = slots.size();
  if (items == 0 ? size != 0 : (size < 2 * items || (size & (size - 1)) != 0)) return false;
  std::size_t used = 0;
  for (const Slot& slot : slots) {
    if (slot.handle == kNone) continue;
    if (slot.handle >= items) return false;
    ++used;
  }
  if (used != items) return false;  // one slot per element, and a free slot ends every probe
  slots_ = std::move(slots);
  return true;
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
