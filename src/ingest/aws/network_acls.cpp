// SPDX-License-Identifier: Apache-2.0
// describe-network-acls: entries (sorted by rule number per direction) and associations.
#include <algorithm>

#include "ingest/aws/loader.h"
#include "ingest/aws/rule_service.h"

namespace reachcheck::ingest::aws {
namespace {

net::ServiceMatch ReadEntryService(const Node& entry, FileContext& context) {
  net::ServiceMatch service;
  service.protocols = ReadProtocol(entry, "Protocol");
  std::optional<std::uint8_t> protocol = SingleProtocol(service.protocols);
  if (!protocol) return service;
  if (*protocol == net::kTcp || *protocol == net::kUdp) {
    std::optional<Node> range = entry.OptObject("PortRange");
    if (!range) {
      context.Warn("input-missing-field",
                   "no 'PortRange' on a " + net::ProtocolName(*protocol) + " entry; assuming every port",
                   entry.Pointer());
      return service;
    }
    const Node& node = *range;
    std::optional<std::int64_t> from = node.OptInt("From", 0, 65535, "input-bad-port");
    std::optional<std::int64_t> to = node.OptInt("To", 0, 65535, "input-bad-port");
    if (!from) node.Fail("input-missing-field", "missing required field 'From'");
    if (!to) node.Fail("input-missing-field", "missing required field 'To'");
    service.ports = PortRange(node, *from, *to, "From");
  } else if (*protocol == net::kIcmp || *protocol == net::kIcmpv6) {
    std::optional<Node> icmp = entry.OptObject("IcmpTypeCode");
    if (!icmp) {
      context.Warn("input-missing-field", "no 'IcmpTypeCode' on an ICMP entry; assuming every type and code",
                   entry.Pointer());
      return service;
    }
    const Node& node = *icmp;
    std::int64_t type = node.OptInt("Type", -1, 255, "input-bad-port").value_or(-1);
    std::int64_t code = node.OptInt("Code", -1, 255, "input-bad-port").value_or(-1);
    service.ports = IcmpRange(node, type, code, "Code");
  }
  return service;
}

}  // namespace

void ParseNetworkAcl(const Node& element, FileContext& context) {
  element.ExpectObject("a network ACL");
  model::NetworkAcl acl;
  acl.id = element.String("NetworkAclId");
  acl.vpc_id = element.String("VpcId");
  acl.owner_id = element.StringOr("OwnerId");
  acl.is_default = element.OptBool("IsDefault").value_or(false);
  if (std::optional<Node> list = element.OptArray("Entries")) {
    for (const Node& entry : list->Elements()) {
      entry.ExpectObject("an ACL entry");
      model::AclEntry out;
      // Users number rules 1-32766; AWS lists the implicit denies as 32767 (IPv4) and
      // 32768 (IPv6).
      std::optional<std::int64_t> number = entry.OptInt("RuleNumber", 1, 32768);
      if (!number) entry.Fail("input-missing-field", "missing required field 'RuleNumber'");
      out.rule_number = static_cast<int>(*number);
      bool egress = entry.Bool("Egress");
      std::string_view action = entry.String("RuleAction");
      if (action != "allow" && action != "deny") {
        entry.Fail("input-bad-value", "invalid RuleAction " + Quoted(action) + ": expected 'allow' or 'deny'",
                   "RuleAction");
      }
      out.allow = action == "allow";
      out.service = ReadEntryService(entry, context);
      if (entry.Has("CidrBlock")) {
        out.cidr = entry.Cidr("CidrBlock", net::Family::kV4, context);
      } else if (entry.Has("Ipv6CidrBlock")) {
        out.cidr = entry.Cidr("Ipv6CidrBlock", net::Family::kV6, context);
      } else {
        entry.Fail("input-missing-field", "missing required field 'CidrBlock' (or 'Ipv6CidrBlock')");
      }
      out.origin = context.Ref(entry.Pointer());
      (egress ? acl.outbound : acl.inbound).push_back(std::move(out));
    }
  }
  auto by_number = [](const model::AclEntry& a, const model::AclEntry& b) {
    return a.rule_number < b.rule_number;
  };
  std::stable_sort(acl.inbound.begin(), acl.inbound.end(), by_number);
  std::stable_sort(acl.outbound.begin(), acl.outbound.end(), by_number);
  if (std::optional<Node> list = element.OptArray("Associations")) {
    for (const Node& association : list->Elements()) {
      association.ExpectObject("an ACL association");
      model::AclAssociation out;
      out.id = association.StringOr("NetworkAclAssociationId");
      out.subnet_id = association.String("SubnetId");
      out.origin = context.Ref(association.Pointer());
      acl.associations.push_back(std::move(out));
    }
  }
  acl.tags = ReadTags(element);
  acl.scope = context.ScopeOf(acl.owner_id, "");
  acl.origin = context.Ref(element.Pointer());
  context.network().network_acls.push_back(std::move(acl));
}

}  // namespace reachcheck::ingest::aws
