// SPDX-License-Identifier: Apache-2.0
// EncodeSnapshot / DecodeSnapshot: one field list per model type (ModelFields), walked by a
// writer and by a bounds-checked reader, section by section on every core (the head, then
// each element list, checked against its digest, its elements' handles checked against the
// table's element counts, and its stored id index checked against it and adopted).
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
#include "reachcheck/base/read_file.h"
#include "reachcheck/ingest/snapshot_files.h"

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
  explicit Writer(std::size_t expected) { data_ = bytes_.Reserve(std::max<std::size_t>(expected, 4096)); }
  /// What has been written so far.
  std::string_view Written() const { return {data_, size_}; }
  /// The encoding (the writer is spent).
  base::FileBuffer Take() {
    bytes_.Resize(size_);
    return std::move(bytes_);
  }

  template <typename T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      Raw<std::uint8_t>(value ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      Raw<std::uint8_t>(static_cast<std::uint8_t>(value));
    } else if constexpr (std::is_same_v<T, net::Uint128> || std::is_same_v<T, net::PackedUint128>) {
      const net::Uint128 bits = value;
      Raw<std::uint64_t>(static_cast<std::uint64_t>(bits));
      Raw<std::uint64_t>(static_cast<std::uint64_t>(bits >> 64));
    } else if constexpr (std::is_integral_v<T>) {
      Raw<T>(value);  // at its own width: a handle takes four bytes
    } else {
      ModelFields(*this, const_cast<T&>(value));  // the field list is shared with the reader
    }
  }
  void operator()(const std::string& text) { Text(text); }
  void operator()(const base::JsonPointer& pointer) { Text(pointer.view()); }
  void operator()(const base::Text& text) { Text(text.view()); }
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
  /// An id index's slots, as they are in memory (two 32-bit halves each).
  void Slots(const std::vector<Network::IdSlot>& slots) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(slots.size()));
    if (!slots.empty())
      std::memcpy(Reserve(slots.size() * sizeof slots[0]), slots.data(), slots.size() * sizeof slots[0]);
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
  /// copies into it compile to plain stores, where appending to a string calls out. The
  /// buffer is not zero-filled: a section's pages are touched only as far as it is written.
  char* Reserve(std::size_t count) {
    if (size_ + count > bytes_.capacity()) {
      bytes_.Resize(size_);  // the bytes the move to a larger buffer keeps
      data_ = bytes_.Reserve(std::max(2 * bytes_.capacity(), size_ + count));
    }
    char* at = data_ + size_;
    size_ += count;
    return at;
  }
  template <typename R>
  void Raw(R value) {
    std::memcpy(Reserve(sizeof(R)), &value, sizeof(R));
  }
  void Text(std::string_view text) {
    Raw<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    if (!text.empty()) std::memcpy(Reserve(text.size()), text.data(), text.size());
  }
  base::FileBuffer bytes_;
  char* data_ = nullptr;  ///< bytes_'s
  std::size_t size_ = 0;
  std::unordered_map<const std::string*, std::uint32_t> files_;
};

// Reads what Writer wrote; any inconsistency sets `failed` and the rest reads zeros.
class Reader {
 public:
  /// With `borrow`, the texts and JSON pointers read point into `bytes` instead of copies.
  explicit Reader(std::string_view bytes, bool borrow = false)
      : at_(bytes.data()), end_(bytes.data() + bytes.size()), borrow_(borrow) {}
  bool failed = false;
  bool AtEnd() const { return at_ == end_; }

  // The reads of single fields are forced inline: each is a few instructions, and a call per
  // field cost a second run's decode a tenth of its time.
  template <typename T>
  [[gnu::always_inline]] void operator()(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      const std::uint8_t raw = Raw<std::uint8_t>();
      if (raw > 1) failed = true;
      value = raw == 1;
    } else if constexpr (std::is_enum_v<T>) {
      const std::uint8_t raw = Raw<std::uint8_t>();
      if (raw > kEnumMax<T>) failed = true;
      value = static_cast<T>(failed ? 0 : raw);
    } else if constexpr (std::is_same_v<T, net::Uint128> || std::is_same_v<T, net::PackedUint128>) {
      const net::Uint128 low = Raw<std::uint64_t>();
      const net::Uint128 high = Raw<std::uint64_t>();
      value = low | (high << 64);
    } else if constexpr (std::is_integral_v<T>) {
      value = Raw<T>();
    } else {
      ModelFields(*this, value);
      Check(value);
    }
  }
  void operator()(std::string& text) {
    const std::uint32_t size = Raw<std::uint32_t>();
    if (!Has(size)) return;
    text = std::string(at_, size);  // built in place: assign() takes a slower path
    at_ += size;
  }
  [[gnu::always_inline]] void operator()(base::JsonPointer& pointer) {
    const std::uint32_t size = Raw<std::uint32_t>();
    if (!Has(size)) return;
    // The size and the bytes as written are the block a JsonPointer keeps.
    pointer = borrow_ ? base::JsonPointer::Borrow(at_ - sizeof size)
                      : base::JsonPointer(std::string_view(at_, size));
    at_ += size;
  }
  [[gnu::always_inline]] void operator()(base::Text& text) {
    const std::uint32_t size = Raw<std::uint32_t>();
    if (!Has(size)) return;
    const std::string_view bytes(at_, size);
    text = borrow_ ? base::Text::Borrow(bytes) : base::Text(bytes);
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
    const char* const start = at_;
    for (std::uint32_t i = 0; i < count && !failed; ++i) {
      if (items.size() == items.capacity()) {
        const std::size_t per_item =
            std::max<std::size_t>(1, static_cast<std::size_t>(at_ - start) / items.size());
        const std::size_t fit = items.size() + static_cast<std::size_t>(end_ - at_) / per_item;
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
  void Slots(std::vector<Network::IdSlot>& slots) {
    const std::uint32_t count = Raw<std::uint32_t>();
    if (!Has(std::size_t{count} * sizeof slots[0])) return;
    slots.resize(count);
    if (count != 0) std::memcpy(slots.data(), at_, std::size_t{count} * sizeof slots[0]);
    at_ += std::size_t{count} * sizeof slots[0];
  }
  [[gnu::always_inline]] void File(base::FileName& name) {
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
  // Whether `count` more bytes are there. A failed reader has none left, so that every later
  // read fails too with this one comparison.
  [[gnu::always_inline]] bool Has(std::size_t count) {
    if (count <= static_cast<std::size_t>(end_ - at_)) [[likely]]
      return true;
    failed = true;
    at_ = end_;
    return false;
  }
  template <typename R>
  [[gnu::always_inline]] R Raw() {
    R value{};
    if (!Has(sizeof(R))) [[unlikely]]
      return value;
    std::memcpy(&value, at_, sizeof(R));
    at_ += sizeof(R);
    return value;
  }
  template <typename T>
  void Check(const T& value) {
    if constexpr (std::is_same_v<T, net::IpAddress>) {
      if (value.family == net::Family::kV4 && (net::Uint128(value.bits) >> 32) != 0) failed = true;
    } else if constexpr (std::is_same_v<T, net::Cidr>) {
      if (value.length < 0 || value.length > net::FamilyBits(value.base.family)) failed = true;
    }
  }

  const char* at_;
  const char* end_;
  bool borrow_ = false;
  std::vector<base::FileName> files_;
};

// The number of elements of every list, known from the section table before any list is
// decoded, so that each list's handles are checked as soon as that list is decoded.
struct ListSizes {
  std::size_t scopes = 0, vpcs = 0, subnets = 0, route_tables = 0, internet_gateways = 0, nat_gateways = 0,
              peerings = 0, security_groups = 0, network_acls = 0, interfaces = 0, instances = 0,
              elastic_ips = 0, prefix_lists = 0, endpoints = 0;
};

// Whether an element's handles point into the vectors they index (or are kNone).
class HandleCheck {
 public:
  explicit HandleCheck(const ListSizes& sizes) : s_(sizes) {}

  bool Valid(const Vpc& x) const { return Scoped(x); }
  bool Valid(const Subnet& x) const {
    return Scoped(x) && In(x.vpc, s_.vpcs) && In(x.route_table, s_.route_tables) &&
           In(x.network_acl, s_.network_acls);
  }
  bool Valid(const RouteTable& x) const {
    bool ok = Scoped(x) && In(x.vpc, s_.vpcs);
    for (const Route& route : x.routes) {
      ok = ok && In(route.prefix_list, s_.prefix_lists) &&
           In(route.target, TargetVectorSize(route.target_kind));
    }
    return ok;
  }
  bool Valid(const InternetGateway& x) const {
    bool ok = Scoped(x);
    for (const GatewayAttachment& a : x.attachments) ok = ok && In(a.vpc, s_.vpcs);
    return ok;
  }
  bool Valid(const NatGateway& x) const {
    return Scoped(x) && In(x.vpc, s_.vpcs) && In(x.subnet, s_.subnets);
  }
  bool Valid(const VpcPeering& x) const {
    return Scoped(x) && In(x.requester.vpc, s_.vpcs) && In(x.accepter.vpc, s_.vpcs);
  }
  bool Valid(const SecurityGroup& x) const {
    bool ok = Scoped(x) && In(x.vpc, s_.vpcs);
    for (const auto* rules : {&x.ingress, &x.egress}) {
      for (const SgRule& rule : *rules) {
        ok = ok && In(rule.prefix_list, s_.prefix_lists) && In(rule.group, s_.security_groups);
      }
    }
    return ok;
  }
  bool Valid(const NetworkAcl& x) const { return Scoped(x) && In(x.vpc, s_.vpcs); }
  bool Valid(const NetworkInterface& x) const {
    bool ok = Scoped(x) && In(x.subnet, s_.subnets) && In(x.vpc, s_.vpcs) && In(x.instance, s_.instances);
    for (Handle group : x.groups) ok = ok && In(group, s_.security_groups);
    return ok;
  }
  bool Valid(const Instance& x) const {
    bool ok = Scoped(x);
    for (Handle eni : x.interfaces) ok = ok && In(eni, s_.interfaces);
    return ok;
  }
  bool Valid(const ElasticIp& x) const { return Scoped(x) && In(x.network_interface, s_.interfaces); }
  bool Valid(const PrefixList& x) const { return Scoped(x); }
  bool Valid(const VpcEndpoint& x) const { return Scoped(x) && In(x.vpc, s_.vpcs); }
  bool Valid(const UnanalysedResource& x) const { return In(x.scope, s_.scopes); }

 private:
  static bool In(Handle handle, std::size_t size) { return handle == kNone || handle < size; }
  bool Scoped(const Element& e) const { return In(e.scope, s_.scopes); }
  // The size of the vector a route target of `kind` indexes; 0 (only kNone valid) otherwise.
  std::size_t TargetVectorSize(TargetKind kind) const {
    switch (kind) {
      case TargetKind::kInternetGateway:
      case TargetKind::kEgressOnlyInternetGateway:
        return s_.internet_gateways;
      case TargetKind::kNatGateway:
        return s_.nat_gateways;
      case TargetKind::kPeering:
        return s_.peerings;
      case TargetKind::kNetworkInterface:
        return s_.interfaces;
      case TargetKind::kInstance:
        return s_.instances;
      case TargetKind::kGatewayEndpoint:
        return s_.endpoints;
      default:
        return 0;
    }
  }
  const ListSizes& s_;
};

}  // namespace codec_detail

namespace codec_detail {
namespace {

// The payload is sections, encoded and decoded on every core at once: the head (counts,
// diagnostics, scopes), then one per element list of the network: its elements, then its id
// index's slots (so that a hit does not hash every id again). Each section has its own
// table of file names, so that none depends on another. A table goes first: the number of
// sections, then for each its element count (0 for the head), size and 128-bit digest, then
// the digest of the table itself; every integer eight bytes, little-endian. The digests
// make the payload check itself, section by section, on the core that decodes the section.
constexpr std::size_t kLists = std::tuple_size_v<decltype(kElementLists)>;
constexpr std::size_t kSections = 1 + kLists;
constexpr std::size_t kTableWordsPerSection = 4;

struct SectionEntry {
  std::uint64_t elements = 0;
  std::uint64_t bytes = 0;
  ingest::ContentKey::FileDigest digest;
};

// Runs fn(the head's fields): section 0.
template <typename Snapshot, typename Fn>
void WithHead(Snapshot& snapshot, Fn&& fn) {
  fn(snapshot.files_read, snapshot.bytes_read, snapshot.files_ignored, snapshot.resources_modelled,
     snapshot.diagnostics, snapshot.network.scopes);
}

// Runs fn(element list) for section `section` > 0.
template <typename Snapshot, typename Fn>
void WithList(Snapshot& snapshot, std::size_t section, Fn&& fn) {
  std::size_t at = 1;
  std::apply([&](auto... list) { ((at++ == section ? fn(snapshot.network.*list) : void()), ...); },
             kElementLists);
}

// The sizes the handle checks compare with, from the table's element counts (section i + 1
// holds list i of kElementLists).
ListSizes SizesOf(std::size_t scopes, const std::vector<SectionEntry>& table) {
  static_assert(std::get<0>(kElementLists) == &Network::vpcs &&
                    std::get<6>(kElementLists) == &Network::security_groups &&
                    std::get<12>(kElementLists) == &Network::endpoints && kLists == 14,
                "ListSizes follows kElementLists");
  auto n = [&](std::size_t list) { return static_cast<std::size_t>(table[1 + list].elements); };
  return ListSizes{scopes, n(0), n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8), n(9), n(10), n(11), n(12)};
}

bool SameDigest(const ingest::ContentKey::FileDigest& a, const ingest::ContentKey::FileDigest& b) {
  return a.low == b.low && a.high == b.high;
}

// Decodes one element list, then checks every element's handles against the table's counts
// (no other list needs to be decoded for that).
template <typename T>
bool DecodeList(std::string_view bytes, bool borrow, std::uint64_t elements, const HandleCheck& check,
                std::vector<T>& items, std::vector<Network::IdSlot>& slots) {
  Reader reader(bytes, borrow);
  reader(items);
  reader.Slots(slots);
  if (reader.failed || !reader.AtEnd() || items.size() != elements) return false;
  for (const T& item : items) {
    if (!check.Valid(item)) return false;
  }
  return true;
}

}  // namespace
}  // namespace codec_detail

EncodedSnapshot EncodeSnapshotPieces(const LoadedSnapshot& snapshot) {
  using namespace codec_detail;
  std::vector<base::FileBuffer> sections(kSections);
  std::vector<SectionEntry> table(kSections);
  base::ForEachParallel(
      kSections,
      [&](std::size_t i) {
        // The encoding is about a fifth of the input, most of it in the larger lists.
        Writer writer(i == 0 ? 4096 : snapshot.bytes_read / 4 / kSections);
        if (i == 0) {
          WithHead(snapshot, [&](const auto&... parts) { (writer(parts), ...); });
        } else {
          WithList(snapshot, i, [&](const auto& items) {
            writer(items);
            table[i].elements = items.size();
          });
          writer.Slots(snapshot.network.IndexSlots(i - 1));  // the id index, not built again
        }
        sections[i] = writer.Take();
        table[i].bytes = sections[i].size();
        table[i].digest = ingest::ContentKey::Digest(sections[i].view());
      },
      {}, 2);
  Writer out(8 * (1 + kTableWordsPerSection * kSections + 2));
  out(kSections);
  for (const SectionEntry& entry : table) {
    out(entry.elements);
    out(entry.bytes);
    out(entry.digest.low);
    out(entry.digest.high);
  }
  // The table, sealed with its own digest.
  const ingest::ContentKey::FileDigest table_digest = ingest::ContentKey::Digest(out.Written());
  out(table_digest.low);
  out(table_digest.high);
  EncodedSnapshot encoded;
  encoded.pieces.reserve(1 + sections.size());
  encoded.pieces.push_back(out.Take());
  for (base::FileBuffer& section : sections) encoded.pieces.push_back(std::move(section));
  return encoded;
}

std::size_t EncodedSnapshot::size() const {
  std::size_t total = 0;
  for (const base::FileBuffer& piece : pieces) total += piece.size();
  return total;
}

std::vector<std::string_view> EncodedSnapshot::Views() const {
  std::vector<std::string_view> views;
  views.reserve(pieces.size());
  for (const base::FileBuffer& piece : pieces) views.push_back(piece.view());
  return views;
}

std::string EncodedSnapshot::Joined() const {
  std::string bytes;
  bytes.reserve(size());
  for (const base::FileBuffer& piece : pieces) bytes += piece.view();
  return bytes;
}

std::string EncodeSnapshot(const LoadedSnapshot& snapshot) { return EncodeSnapshotPieces(snapshot).Joined(); }

std::optional<LoadedSnapshot> DecodeSnapshot(std::string_view bytes, Texts texts) {
  const bool borrow = texts == Texts::kBorrow;
  using namespace codec_detail;
  constexpr std::size_t kTableBytes = 8 * (1 + kTableWordsPerSection * kSections);
  Reader reader(bytes.substr(0, std::min(bytes.size(), kTableBytes + 16)));
  std::uint64_t count = 0;
  reader(count);
  if (reader.failed || count != kSections) return std::nullopt;
  std::vector<SectionEntry> table(kSections);
  for (SectionEntry& entry : table) {
    reader(entry.elements);
    reader(entry.bytes);
    reader(entry.digest.low);
    reader(entry.digest.high);
  }
  ingest::ContentKey::FileDigest table_digest;
  reader(table_digest.low);
  reader(table_digest.high);
  if (reader.failed || !SameDigest(table_digest, ingest::ContentKey::Digest(bytes.substr(0, kTableBytes)))) {
    return std::nullopt;
  }
  std::vector<std::string_view> sections(kSections);
  std::size_t at = kTableBytes + 16;
  for (std::size_t i = 0; i < kSections; ++i) {
    const SectionEntry& entry = table[i];
    // Every element takes at least one byte: a count beyond the section's size is not believed.
    if (entry.bytes > bytes.size() - at || entry.elements > entry.bytes || (i == 0 && entry.elements != 0)) {
      return std::nullopt;
    }
    sections[i] = bytes.substr(at, entry.bytes);
    at += entry.bytes;
  }
  if (at != bytes.size()) return std::nullopt;  // trailing bytes
  auto intact = [&](std::size_t i) {
    return SameDigest(table[i].digest, ingest::ContentKey::Digest(sections[i]));
  };

  LoadedSnapshot snapshot;
  // The head first, alone (it is small): the scopes' count is needed by every handle check.
  if (!intact(0)) return std::nullopt;
  Reader head(sections[0], borrow);
  WithHead(snapshot, [&](auto&... parts) { (head(parts), ...); });
  if (head.failed || !head.AtEnd()) return std::nullopt;
  const ListSizes sizes = SizesOf(snapshot.network.scopes.size(), table);
  const HandleCheck check(sizes);
  // The lists, largest first, so that the last one to start is a small one.
  std::vector<std::size_t> order;
  for (std::size_t i = 1; i < kSections; ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return table[a].bytes > table[b].bytes; });
  std::atomic<bool> failed{false};
  base::ForEachParallel(
      order.size(),
      [&](std::size_t k) {
        const std::size_t i = order[k];
        if (failed) return;
        bool ok = intact(i);
        std::vector<Network::IdSlot> slots;
        if (ok) {
          WithList(snapshot, i, [&](auto& items) {
            ok = DecodeList(sections[i], borrow, table[i].elements, check, items, slots);
          });
        }
        // The stored id index, checked against its list, instead of hashing every id again.
        ok = ok && snapshot.network.AdoptIndexSlots(i - 1, std::move(slots));
        if (!ok) failed = true;
      },
      {}, 2);
  if (failed) return std::nullopt;
  return snapshot;
}

}  // namespace reachcheck::cache
