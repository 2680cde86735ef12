// SPDX-License-Identifier: Apache-2.0
// describe-security-groups: every permission becomes one SgRule per peer (IPv4 range, IPv6
// range, prefix list, group pair), each with the pointer of its own peer element.
#include "ingest/aws/loader.h"
#include "ingest/aws/rule_service.h"

namespace reachcheck::ingest::aws {
namespace {

net::ServiceMatch ReadService(const Node& permission) {
  net::ServiceMatch service;
  service.protocols = ReadProtocol(permission, "IpProtocol");
  std::optional<std::uint8_t> protocol = SingleProtocol(service.protocols);
  if (!protocol) return service;  // "-1": every protocol and port; FromPort/ToPort unused
  if (*protocol == net::kTcp || *protocol == net::kUdp) {
    std::optional<std::int64_t> from = permission.OptInt("FromPort", 0, 65535, "input-bad-port");
    std::optional<std::int64_t> to = permission.OptInt("ToPort", 0, 65535, "input-bad-port");
    if (from.has_value() != to.has_value()) {
      permission.Fail("input-missing-field",
                      std::string("missing required field '") + (from ? "ToPort" : "FromPort") + "'");
    }
    if (from) service.ports = PortRange(permission, *from, *to, "FromPort");
  } else if (*protocol == net::kIcmp || *protocol == net::kIcmpv6) {
    // FromPort is the ICMP type and ToPort the code; -1 means all.
    std::int64_t type = permission.OptInt("FromPort", -1, 255, "input-bad-port").value_or(-1);
    std::int64_t code = permission.OptInt("ToPort", -1, 255, "input-bad-port").value_or(-1);
    service.ports = IcmpRange(permission, type, code, "ToPort");
  }
  return service;
}

// Calls `read(peer_node, rule)` for each element of the array `key`, with a rule that
// already holds the permission's direction and service.
template <typename Read>
void ForEachPeer(const Node& permission, std::string_view key, const model::SgRule& base,
                 std::vector<model::SgRule>& out, FileContext& context, Read&& read) {
  std::optional<Node> list = permission.OptArray(key);
  if (!list) return;
  for (const Node& peer : list->Elements()) {
    peer.ExpectObject("a rule peer");
    model::SgRule rule = base;
    read(peer, rule);
    rule.description = peer.StringOr("Description");
    rule.origin = context.Ref(peer.Pointer());
    out.push_back(std::move(rule));
  }
}

void ReadPermissions(const Node& group, std::string_view key, model::Direction direction,
                     std::vector<model::SgRule>& out, FileContext& context) {
  std::optional<Node> list = group.OptArray(key);
  if (!list) return;
  for (const Node& permission : list->Elements()) {
    permission.ExpectObject("a permission");
    model::SgRule base;
    base.direction = direction;
    base.service = ReadService(permission);
    ForEachPeer(permission, "IpRanges", base, out, context, [&](const Node& peer, model::SgRule& rule) {
      rule.peer_kind = model::PeerKind::kCidr;
      rule.cidr = peer.Cidr("CidrIp", net::Family::kV4, context);
    });
    ForEachPeer(permission, "Ipv6Ranges", base, out, context, [&](const Node& peer, model::SgRule& rule) {
      rule.peer_kind = model::PeerKind::kCidr;
      rule.cidr = peer.Cidr("CidrIpv6", net::Family::kV6, context);
    });
    ForEachPeer(permission, "PrefixListIds", base, out, context, [&](const Node& peer, model::SgRule& rule) {
      rule.peer_kind = model::PeerKind::kPrefixList;
      rule.prefix_list_id = peer.String("PrefixListId");
    });
    ForEachPeer(permission, "UserIdGroupPairs", base, out, context,
                [&](const Node& peer, model::SgRule& rule) {
                  rule.peer_kind = model::PeerKind::kSecurityGroup;
                  rule.group_id = peer.String("GroupId");
                  rule.group_owner_id = peer.StringOr("UserId");
                  rule.group_vpc_id = peer.StringOr("VpcId");
                  rule.peering_status = peer.StringOr("PeeringStatus");
                });
  }
}

}  // namespace

void ParseSecurityGroup(const Node& element, FileContext& context) {
  element.ExpectObject("a security group");
  model::SecurityGroup group;
  group.id = element.String("GroupId");
  group.name = element.StringOr("GroupName");
  group.description = element.StringOr("Description");
  group.vpc_id = element.StringOr("VpcId");
  group.owner_id = element.StringOr("OwnerId");
  ReadPermissions(element, "IpPermissions", model::Direction::kIngress, group.ingress, context);
  ReadPermissions(element, "IpPermissionsEgress", model::Direction::kEgress, group.egress, context);
  group.tags = ReadTags(element);
  group.scope = context.ScopeOf(group.owner_id, "");
  group.origin = context.Ref(element.Pointer());
  context.network().security_groups.push_back(std::move(group));
}

}  // namespace reachcheck::ingest::aws
