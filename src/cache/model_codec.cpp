// SPDX-License-Identifier: Apache-2.0
// EncodeSnapshot / DecodeSnapshot: one field list per model type (ModelFields), walked by a
// writer and by a bounds-checked reader, section by section on every core (the head, then
// each element list), then a pass that checks every handle's range.
#include "reachcheck/cache/model_codec.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <limits>
#include <tuple>
#include <type_traits>
#include <unordered_map>

#include "reachcheck/base/parallel.h"

namespace reachcheck::cache {
namespace codec_detail {

using namespace reachcheck::model;

// The largest valid value of each enum stored in the model.
template <typename E>
constexpr unsigned kEnumMax = 0;
template <>
constexpr unsigned kEnumMax<TargetKind> = static_cast<unsigned>(TargetKind::kUnknown);
template <>
constexpr unsigned kEnumMax<RouteState> = static_cast<unsigned>(RouteState::kBlackhole);
template <>
constexpr unsigned kEnumMax<RouteOrigin> = static_cast<unsigned>(RouteOrigin::kPropagated);
template <>
constexpr unsigned kEnumMax<Direction> = static_cast<unsigned>(Direction::kEgress);
template <>
constexpr unsigned kEnumMax<PeerKind> = static_cast<unsigned>(PeerKind::kSecurityGroup);
template <>
constexpr unsigned kEnumMax<net::Family> = static_cast<unsigned>(net::Family::kV6);
template <>
constexpr unsigned kEnumMax<base::Severity> = static_cast<unsigned>(base::Severity::kNote);

// Every field of each type, in encoding order. Adding a field to the model means adding it
// here (the round-trip test compares whole networks with operator==).
template <typename V>
void ModelFields(V& v, Scope& x) {
  v(x.account);
  v(x.region);
}
template <typename V>
void ModelFields(V& v, Tag& x) {
  v(x.key);
  v(x.value);
}
template <typename V>
void ModelFields(V& v, base::SourceRef& x) {
  v.File(x.file);
  v(x.pointer);
  v(x.line);
  v(x.column);
}
template <typename V>
void ModelFields(V& v, net::IpAddress& x) {
  v(x.family);
  v(x.bits);
}
template <typename V>
void ModelFields(V& v, net::Cidr& x) {
  v(x.base);
  v(x.length);
}
template <typename V>
void ModelFields(V& v, net::ServiceMatch& x) {
  v(x.protocols);
  v(x.ports);
}
template <typename V>
void ModelFields(V& v, Element& x) {
  v(x.id);
  v(x.scope);
  v(x.tags);
  v(x.origin);
}
template <typename V>
void ModelFields(V& v, Vpc& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.owner_id);
  v(x.state);
  v(x.is_default);
  v(x.ipv4_cidrs);
  v(x.ipv6_cidrs);
}
template <typename V>
void ModelFields(V& v, Subnet& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.vpc_id);
  v(x.vpc);
  v(x.availability_zone);
  v(x.owner_id);
  v(x.state);
  v(x.ipv4_cidr);
  v(x.has_ipv4);
  v(x.ipv6_cidrs);
  v(x.map_public_ip_on_launch);
  v(x.assign_ipv6_on_creation);
  v(x.route_table);
  v(x.route_table_is_main);
  v(x.network_acl);
}
template <typename V>
void ModelFields(V& v, Route& x) {
  v(x.destination);
  v(x.prefix_list_id);
  v(x.target_kind);
  v(x.target_id);
  v(x.instance_owner_id);
  v(x.state);
  v(x.route_origin);
  v(x.origin);
  v(x.target);
  v(x.prefix_list);
}
template <typename V>
void ModelFields(V& v, RouteTableAssociation& x) {
  v(x.id);
  v(x.main);
  v(x.subnet_id);
  v(x.gateway_id);
  v(x.state);
  v(x.origin);
}
template <typename V>
void ModelFields(V& v, RouteTable& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.vpc_id);
  v(x.vpc);
  v(x.owner_id);
  v(x.routes);
  v(x.associations);
}
template <typename V>
void ModelFields(V& v, GatewayAttachment& x) {
  v(x.vpc_id);
  v(x.state);
  v(x.vpc);
}
template <typename V>
void ModelFields(V& v, InternetGateway& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.egress_only);
  v(x.owner_id);
  v(x.attachments);
}
template <typename V>
void ModelFields(V& v, NatAddress& x) {
  v(x.private_ip);
  v(x.public_ip);
  v(x.allocation_id);
  v(x.network_interface_id);
  v(x.primary);
}
template <typename V>
void ModelFields(V& v, NatGateway& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.vpc_id);
  v(x.subnet_id);
  v(x.state);
  v(x.connectivity);
  v(x.addresses);
  v(x.vpc);
  v(x.subnet);
}
template <typename V>
void ModelFields(V& v, PeeringSide& x) {
  v(x.vpc_id);
  v(x.owner_id);
  v(x.region);
  v(x.ipv4_cidrs);
  v(x.ipv6_cidrs);
  v(x.vpc);
}
template <typename V>
void ModelFields(V& v, VpcPeering& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.requester);
  v(x.accepter);
  v(x.status);
}
template <typename V>
void ModelFields(V& v, VpcEndpoint& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.type);
  v(x.vpc_id);
  v(x.service_name);
  v(x.state);
  v(x.route_table_ids);
  v(x.subnet_ids);
  v(x.group_ids);
  v(x.network_interface_ids);
  v(x.vpc);
}
template <typename V>
void ModelFields(V& v, SgRule& x) {
  v(x.direction);
  v(x.service);
  v(x.peer_kind);
  v(x.cidr);
  v(x.prefix_list_id);
  v(x.group_id);
  v(x.group_owner_id);
  v(x.group_vpc_id);
  v(x.peering_status);
  v(x.description);
  v(x.origin);
  v(x.prefix_list);
  v(x.group);
}
template <typename V>
void ModelFields(V& v, SecurityGroup& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.name);
  v(x.description);
  v(x.vpc_id);
  v(x.owner_id);
  v(x.ingress);
  v(x.egress);
  v(x.vpc);
}
template <typename V>
void ModelFields(V& v, AclEntry& x) {
  v(x.rule_number);
  v(x.allow);
  v(x.service);
  v(x.cidr);
  v(x.origin);
}
template <typename V>
void ModelFields(V& v, AclAssociation& x) {
  v(x.id);
  v(x.subnet_id);
  v(x.origin);
}
template <typename V>
void ModelFields(V& v, NetworkAcl& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.vpc_id);
  v(x.owner_id);
  v(x.is_default);
  v(x.inbound);
  v(x.outbound);
  v(x.associations);
  v(x.vpc);
}
template <typename V>
void ModelFields(V& v, PrivateAddress& x) {
  v(x.address);
  v(x.primary);
  v(x.public_ip);
  v(x.allocation_id);
}
template <typename V>
void ModelFields(V& v, NetworkInterface& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.subnet_id);
  v(x.vpc_id);
  v(x.availability_zone);
  v(x.owner_id);
  v(x.interface_type);
  v(x.requester_id);
  v(x.requester_managed);
  v(x.description);
  v(x.status);
  v(x.source_dest_check);
  v(x.group_ids);
  v(x.private_addresses);
  v(x.ipv6_addresses);
  v(x.instance_id);
  v(x.device_index);
  v(x.attachment_status);
  v(x.from_instance);
  v(x.subnet);
  v(x.vpc);
  v(x.instance);
  v(x.groups);
}
template <typename V>
void ModelFields(V& v, Instance& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.state);
  v(x.vpc_id);
  v(x.subnet_id);
  v(x.instance_type);
  v(x.interface_ids);
  v(x.interfaces);
}
template <typename V>
void ModelFields(V& v, ElasticIp& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.public_ip);
  v(x.allocation_id);
  v(x.association_id);
  v(x.domain);
  v(x.network_interface_id);
  v(x.instance_id);
  v(x.private_ip);
  v(x.network_interface);
}
template <typename V>
void ModelFields(V& v, PrefixList& x) {
  ModelFields(v, static_cast<Element&>(x));
  v(x.name);
  v(x.owner_id);
  v(x.address_family);
  v(x.cidrs);
  v(x.entries_known);
}
template <typename V>
void ModelFields(V& v, UnanalysedResource& x) {
  v(x.type);
  v(x.id);
  v(x.scope);
  v(x.origin);
}
template <typename V>
void ModelFields(V& v, base::Diagnostic& x) {
  v(x.severity);
  v(x.code);
  v(x.message);
  v(x.where);
}
constexpr std::uint32_t kNewFile = std::numeric_limits<std::uint32_t>::max();

// Appends every field; file names of SourceRefs are written once and then referred to by
// their index (most elements of a file share its name).
class Writer {
 public:
  /// `expected`: about how many bytes the encoding takes (the buffer grows past it).
  explicit Writer(std::size_t expected) { bytes_.resize(std::max<std::size_t>(expected, 4096)); }
  /// The encoding (the writer is spent).
  std::string Take() {
    bytes_.resize(size_);
    return std::move(bytes_);
  }

  template <typename T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      Raw<std::uint8_t>(value ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      Raw<std::uint8_t>(static_cast<std::uint8_t>(value));
    } else if constexpr (std::is_same_v<T, net::Uint128>) {
      Raw<std::uint64_t>(static_cast<std::uint64_t>(value));
      Raw<std::uint64_t>(static_cast<std::uint64_t>(value >> 64));
    } else if constexpr (std::is_integral_v<T>) {
      Raw<std::uint64_t>(static_cast<std::uint64_t>(value));
    } else {
      ModelFields(*this, const_cast<T&>(value));  // the field list is shared with the reader
    }
  }
  void operator()(const std::string& text) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    if (!text.empty()) std::memcpy(Reserve(text.size()), text.data(), text.size());
  }
  template <typename T>
  void operator()(const std::vector<T>& items) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(items.size()));
    for (const T& item : items) (*this)(item);
  }
  template <typename T>
  void operator()(const std::optional<T>& item) {
    (*this)(item.has_value());
    if (item) (*this)(*item);
  }
  template <typename T>
  void operator()(const net::IntervalSet<T>& set) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(set.Intervals().size()));
    for (const auto& interval : set.Intervals()) {
      (*this)(interval.lo);
      (*this)(interval.hi);
    }
  }
  void File(const base::FileName& name) {
    // Interned names: one string per path, so its address is the key.
    auto [it, added] = files_.emplace(&name.str(), static_cast<std::uint32_t>(files_.size()));
    if (!added) {
      Raw<std::uint32_t>(it->second);
      return;
    }
    Raw<std::uint32_t>(kNewFile);
    (*this)(name.str());
  }

 private:
  /// Room for `count` more bytes at the end (the buffer doubles when full): fixed-size
  /// copies into it compile to plain stores, where appending to a string calls out.
  char* Reserve(std::size_t count) {
    if (size_ + count > bytes_.size()) bytes_.resize(std::max(2 * bytes_.size(), size_ + count));
    char* at = bytes_.data() + size_;
    size_ += count;
    return at;
  }
  template <typename R>
  void Raw(R value) {
    std::memcpy(Reserve(sizeof(R)), &value, sizeof(R));
  }
  std::string bytes_;
  std::size_t size_ = 0;
  std::unordered_map<const std::string*, std::uint32_t> files_;
};

// Reads what Writer wrote; any inconsistency sets `failed` and the rest reads zeros.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool failed = false;
  bool AtEnd() const { return at_ == bytes_.size(); }

  template <typename T>
  void operator()(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      const std::uint8_t raw = Raw<std::uint8_t>();
      if (raw > 1) failed = true;
      value = raw == 1;
    } else if constexpr (std::is_enum_v<T>) {
      const std::uint8_t raw = Raw<std::uint8_t>();
      if (raw > kEnumMax<T>) failed = true;
      value = static_cast<T>(failed ? 0 : raw);
    } else if constexpr (std::is_same_v<T, net::Uint128>) {
      const net::Uint128 low = Raw<std::uint64_t>();
      const net::Uint128 high = Raw<std::uint64_t>();
      value = low | (high << 64);
    } else if constexpr (std::is_integral_v<T>) {
      const std::uint64_t raw = Raw<std::uint64_t>();
      value = static_cast<T>(raw);
      if (static_cast<std::uint64_t>(value) != raw) failed = true;  // out of T's range
    } else {
      ModelFields(*this, value);
      Check(value);
    }
  }
  void operator()(std::string& text) {
    const std::uint32_t size = Raw<std::uint32_t>();
    if (!Has(size)) return;
    text.assign(bytes_.data() + at_, size);
    at_ += size;
  }
  template <typename T>
  void operator()(std::vector<T>& items) {
    const std::uint32_t count = Raw<std::uint32_t>();
    if (!Has(count)) return;  // every item takes at least one byte
    // Grown as the items arrive: when full, to as many as the bytes left would hold at the
    // size the items so far took (at least double), so a damaged count runs out of bytes
    // before it can allocate much more than the file's size, and an intact one is reserved
    // once after the first 4,096 items instead of being moved at every doubling.
    items.clear();
    items.reserve(std::min<std::size_t>(count, 4096));
    const std::size_t start = at_;
    for (std::uint32_t i = 0; i < count && !failed; ++i) {
      if (items.size() == items.capacity()) {
        const std::size_t per_item = std::max<std::size_t>(1, (at_ - start) / items.size());
        const std::size_t fit = items.size() + (bytes_.size() - at_) / per_item;
        items.reserve(std::min<std::size_t>(count, std::max(fit, 2 * items.size())));
      }
      items.emplace_back();
      (*this)(items.back());
    }
  }
  template <typename T>
  void operator()(std::optional<T>& item) {
    bool present = false;
    (*this)(present);
    item.reset();
    if (!present) return;
    item.emplace();
    (*this)(*item);
  }
  template <typename T>
  void operator()(net::IntervalSet<T>& set) {
    const std::uint32_t count = Raw<std::uint32_t>();
    if (!Has(count)) return;
    set = {};
    for (std::uint32_t i = 0; i < count && !failed; ++i) {
      typename net::IntervalSet<T>::Interval interval{};
      (*this)(interval.lo);
      (*this)(interval.hi);
      // Sorted, disjoint and not adjacent: exactly what AppendMerging keeps unchanged.
      const auto& kept = set.Intervals();
      if (interval.lo > interval.hi ||
          (!kept.empty() && (kept.back().hi == std::numeric_limits<T>::max() ||
                             interval.lo <= static_cast<T>(kept.back().hi + 1)))) {
        failed = true;
        return;
      }
      set.AppendMerging(interval);
    }
  }
  void File(base::FileName& name) {
    const std::uint32_t index = Raw<std::uint32_t>();
    if (index == kNewFile) {
      std::string text;
      (*this)(text);
      name = base::FileName(text);
      files_.push_back(name);
    } else if (index < files_.size()) {
      name = files_[index];
    } else {
      failed = true;
    }
  }

 private:
  bool Has(std::size_t count) {
    if (failed || count > bytes_.size() - at_) failed = true;
    return !failed;
  }
  template <typename R>
  R Raw() {
    R value{};
    if (!Has(sizeof(R))) return value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(R));
    at_ += sizeof(R);
    return value;
  }
  template <typename T>
  void Check(const T& value) {
    if constexpr (std::is_same_v<T, net::IpAddress>) {
      if (value.family == net::Family::kV4 && (value.bits >> 32) != 0) failed = true;
    } else if constexpr (std::is_same_v<T, net::Cidr>) {
      if (value.length < 0 || value.length > net::FamilyBits(value.base.family)) failed = true;
    }
  }

  std::string_view bytes_;
  std::size_t at_ = 0;
  std::vector<base::FileName> files_;
};

// Whether every handle points into the vector it indexes (or is kNone).
class HandleCheck {
 public:
  explicit HandleCheck(const model::Network& n) : n_(n) {}

  bool AllValid() const {
    const auto& n = n_;
    bool ok = true;
    auto in = [&ok](Handle handle, std::size_t size) { ok = ok && (handle == kNone || handle < size); };
    auto element = [&](const Element& e) { in(e.scope, n.scopes.size()); };
    for (const Vpc& x : n.vpcs) element(x);
    for (const Subnet& x : n.subnets) {
      element(x);
      in(x.vpc, n.vpcs.size());
      in(x.route_table, n.route_tables.size());
      in(x.network_acl, n.network_acls.size());
    }
    for (const RouteTable& x : n.route_tables) {
      element(x);
      in(x.vpc, n.vpcs.size());
      for (const Route& route : x.routes) {
        in(route.prefix_list, n.prefix_lists.size());
        in(route.target, TargetVectorSize(route.target_kind));
      }
    }
    for (const InternetGateway& x : n.internet_gateways) {
      element(x);
      for (const GatewayAttachment& a : x.attachments) in(a.vpc, n.vpcs.size());
    }
    for (const NatGateway& x : n.nat_gateways) {
      element(x);
      in(x.vpc, n.vpcs.size());
      in(x.subnet, n.subnets.size());
    }
    for (const VpcPeering& x : n.peerings) {
      element(x);
      in(x.requester.vpc, n.vpcs.size());
      in(x.accepter.vpc, n.vpcs.size());
    }
    for (const SecurityGroup& x : n.security_groups) {
      element(x);
      in(x.vpc, n.vpcs.size());
      for (const auto* rules : {&x.ingress, &x.egress}) {
        for (const SgRule& rule : *rules) {
          in(rule.prefix_list, n.prefix_lists.size());
          in(rule.group, n.security_groups.size());
        }
      }
    }
    for (const NetworkAcl& x : n.network_acls) {
      element(x);
      in(x.vpc, n.vpcs.size());
    }
    for (const NetworkInterface& x : n.interfaces) {
      element(x);
      in(x.subnet, n.subnets.size());
      in(x.vpc, n.vpcs.size());
      in(x.instance, n.instances.size());
      for (Handle group : x.groups) in(group, n.security_groups.size());
    }
    for (const Instance& x : n.instances) {
      element(x);
      for (Handle eni : x.interfaces) in(eni, n.interfaces.size());
    }
    for (const ElasticIp& x : n.elastic_ips) {
      element(x);
      in(x.network_interface, n.interfaces.size());
    }
    for (const PrefixList& x : n.prefix_lists) element(x);
    for (const VpcEndpoint& x : n.endpoints) {
      element(x);
      in(x.vpc, n.vpcs.size());
    }
    for (const UnanalysedResource& x : n.unanalysed) in(x.scope, n.scopes.size());
    return ok;
  }

 private:
  // The size of the vector a route target of `kind` indexes; 0 (only kNone valid) otherwise.
  std::size_t TargetVectorSize(TargetKind kind) const {
    switch (kind) {
      case TargetKind::kInternetGateway:
      case TargetKind::kEgressOnlyInternetGateway:
        return n_.internet_gateways.size();
      case TargetKind::kNatGateway:
        return n_.nat_gateways.size();
      case TargetKind::kPeering:
        return n_.peerings.size();
      case TargetKind::kNetworkInterface:
        return n_.interfaces.size();
      case TargetKind::kInstance:
        return n_.instances.size();
      case TargetKind::kGatewayEndpoint:
        return n_.endpoints.size();
      default:
        return 0;
    }
  }
  const model::Network& n_;
};

}  // namespace codec_detail

namespace codec_detail {
namespace {

// The payload is sections, encoded and decoded on every core at once: the head (counts,
// diagnostics, scopes), then one per element list of the network. Each section has its own
// table of file names, so that none depends on another.
constexpr std::size_t kSections = 1 + std::tuple_size_v<decltype(kElementLists)>;

// Runs fn(snapshot's part) for section `section`: the head's fields, or one element list.
template <typename Snapshot, typename Fn>
void WithSection(Snapshot& snapshot, std::size_t section, Fn&& fn) {
  if (section == 0) {
    fn(snapshot.files_read, snapshot.bytes_read, snapshot.files_ignored, snapshot.resources_modelled,
       snapshot.diagnostics, snapshot.network.scopes);
    return;
  }
  std::size_t at = 1;
  std::apply([&](auto... list) { ((at++ == section ? fn(snapshot.network.*list) : void()), ...); },
             kElementLists);
}

}  // namespace
}  // namespace codec_detail

std::string EncodeSnapshot(const LoadedSnapshot& snapshot) {
  using namespace codec_detail;
  std::vector<std::string> sections(kSections);
  base::ForEachParallel(
      kSections,
      [&](std::size_t i) {
        // The encoding is about a fifth of the input, most of it in the larger lists.
        Writer writer(i == 0 ? 4096 : snapshot.bytes_read / 4 / kSections);
        WithSection(snapshot, i, [&](const auto&... parts) { (writer(parts), ...); });
        sections[i] = writer.Take();
      },
      {}, 2);
  // A table of the sections' sizes, then the sections.
  // Integers are eight bytes on the wire.
  std::size_t total = 8 * (1 + kSections);
  for (const std::string& section : sections) total += section.size();
  Writer out(total);
  out(kSections);
  for (const std::string& section : sections) out(static_cast<std::uint64_t>(section.size()));
  std::string bytes = out.Take();
  for (const std::string& section : sections) bytes += section;
  return bytes;
}

std::optional<LoadedSnapshot> DecodeSnapshot(std::string_view bytes) {
  using namespace codec_detail;
  Reader table(bytes);
  std::uint64_t count = 0;
  table(count);
  if (table.failed || count != kSections) return std::nullopt;
  std::vector<std::string_view> sections(kSections);
  std::size_t at = 8 * (1 + kSections);
  for (std::string_view& section : sections) {
    std::uint64_t size = 0;
    table(size);
    if (table.failed || at > bytes.size() || size > bytes.size() - at) return std::nullopt;
    section = bytes.substr(at, size);
    at += size;
  }
  if (at != bytes.size()) return std::nullopt;  // trailing bytes
  LoadedSnapshot snapshot;
  std::atomic<bool> failed{false};
  base::ForEachParallel(
      kSections,
      [&](std::size_t i) {
        Reader reader(sections[i]);
        WithSection(snapshot, i, [&](auto&... parts) { (reader(parts), ...); });
        if (reader.failed || !reader.AtEnd()) failed = true;
      },
      {}, 2);
  if (failed) return std::nullopt;
  if (!HandleCheck(snapshot.network).AllValid()) return std::nullopt;
  snapshot.network.BuildIndex();
  return snapshot;
}

}  // namespace reachcheck::cache
