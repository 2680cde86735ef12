// SPDX-License-Identifier: Apache-2.0
// Small member functions of the model types: tags, names of enums, and the one-line texts of
// routes and rules used in explanations and diagnostics.
#include "reachcheck/model/element.h"

#include <string>

#include "reachcheck/model/gateways.h"
#include "reachcheck/model/network_acl.h"
#include "reachcheck/model/route_table.h"
#include "reachcheck/model/security_group.h"

namespace reachcheck::model {

const base::Text* Element::FindTag(std::string_view key) const {
  for (const Tag& tag : tags) {
    if (tag.key == key) return &tag.value;
  }
  return nullptr;
}

std::string Element::Name() const {
  const base::Text* name = FindTag("Name");
  return name == nullptr ? std::string() : name->str();
}

const char* TargetKindName(TargetKind kind) {
  switch (kind) {
    case TargetKind::kLocal:
      return "local";
    case TargetKind::kInternetGateway:
      return "internet-gateway";
    case TargetKind::kEgressOnlyInternetGateway:
      return "egress-only-internet-gateway";
    case TargetKind::kNatGateway:
      return "nat-gateway";
    case TargetKind::kPeering:
      return "vpc-peering-connection";
    case TargetKind::kNetworkInterface:
      return "network-interface";
    case TargetKind::kInstance:
      return "instance";
    case TargetKind::kTransitGateway:
      return "transit-gateway";
    case TargetKind::kGatewayEndpoint:
      return "gateway-endpoint";
    case TargetKind::kVirtualPrivateGateway:
      return "virtual-private-gateway";
    case TargetKind::kCarrierGateway:
      return "carrier-gateway";
    case TargetKind::kLocalGateway:
      return "local-gateway";
    case TargetKind::kCoreNetwork:
      return "core-network";
    case TargetKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

const char* DirectionName(Direction direction) {
  return direction == Direction::kIngress ? "ingress" : "egress";
}

std::string Route::DestinationText() const {
  if (destination) return destination->ToString();
  if (!prefix_list_id.empty()) return prefix_list_id;
  return "(no destination)";
}

bool RouteTable::IsMain() const {
  for (const RouteTableAssociation& association : associations) {
    if (association.main) return true;
  }
  return false;
}

Handle InternetGateway::AttachedVpc() const {
  for (const GatewayAttachment& attachment : attachments) {
    if (attachment.Attached() && attachment.vpc != kNone) return attachment.vpc;
  }
  return kNone;
}

std::string SgRule::ToString() const {
  std::string out = service.ToString();
  out += direction == Direction::kIngress ? " from " : " to ";
  switch (peer_kind) {
    case PeerKind::kCidr:
      out += cidr.ToString();
      break;
    case PeerKind::kPrefixList:
      out += prefix_list_id;
      break;
    case PeerKind::kSecurityGroup:
      out += group_id;
      if (!group_vpc_id.empty()) {  // set for groups of a peered VPC
        out += " (";
        if (!group_owner_id.empty()) out += group_owner_id + "/";
        out += group_vpc_id + ")";
      }
      break;
  }
  return out;
}

namespace {

std::string AclEntryText(const AclEntry& entry, const char* preposition) {
  std::string out = "rule ";
  out += entry.rule_number >= 32767 ? std::string("*") : std::to_string(entry.rule_number);
  out += entry.allow ? " allow " : " deny ";
  out += entry.service.ToString();
  out += preposition;
  out += entry.cidr.ToString();
  return out;
}

}  // namespace

std::string AclEntry::ToString() const { return AclEntryText(*this, " "); }

std::string AclEntry::ToString(Direction direction) const {
  return AclEntryText(*this, direction == Direction::kIngress ? " from " : " to ");
}

}  // namespace reachcheck::model
