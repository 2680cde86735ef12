// SPDX-License-Identifier: Apache-2.0
// describe-network-interfaces: every private address with its public IP, IPv6 addresses,
// groups, source/dest check, attachment, type and requester.
#include <algorithm>
#include <limits>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

// Association.PublicIp / AllocationId of `node` (an address or the interface itself).
void ReadAssociation(const Node& node, model::PrivateAddress& address) {
  const Json* association = node.OptObject("Association");
  if (association == nullptr) return;
  Node assoc(*association, node, "Association");
  address.public_ip = assoc.OptAddress("PublicIp", net::Family::kV4);
  address.allocation_id = assoc.StringOr("AllocationId");
}

void ReadPrivateAddresses(const Node& node, model::NetworkInterface& eni) {
  const Json* addresses = node.OptArray("PrivateIpAddresses");
  if (addresses == nullptr || addresses->empty()) {
    // Older or trimmed output: only the primary address, at the top level.
    if (std::optional<net::IpAddress> ip = node.OptAddress("PrivateIpAddress", net::Family::kV4)) {
      model::PrivateAddress address;
      address.address = *ip;
      address.primary = true;
      ReadAssociation(node, address);
      eni.private_addresses.push_back(std::move(address));
    }
    return;
  }
  Node list(*addresses, node, "PrivateIpAddresses");
  eni.private_addresses.reserve(addresses->size());
  for (std::size_t i = 0; i < addresses->size(); ++i) {
    Node item((*addresses)[i], list, i);
    item.ExpectObject("a private IP address");
    model::PrivateAddress address;
    std::optional<net::IpAddress> ip = item.OptAddress("PrivateIpAddress", net::Family::kV4);
    if (!ip) item.Fail("input-missing-field", "missing required field 'PrivateIpAddress'");
    address.address = *ip;
    address.primary = item.OptBool("Primary").value_or(false);
    ReadAssociation(item, address);
    eni.private_addresses.push_back(std::move(address));
  }
  std::stable_partition(eni.private_addresses.begin(), eni.private_addresses.end(),
                        [](const model::PrivateAddress& a) { return a.primary; });
}

}  // namespace

void ReadInterfaceFields(const Node& node, model::NetworkInterface& eni, FileContext& /*context*/) {
  eni.id = node.String("NetworkInterfaceId");
  eni.subnet_id = node.String("SubnetId");
  eni.vpc_id = node.String("VpcId");
  if (const std::string* zone = node.OptString("AvailabilityZone")) eni.availability_zone = *zone;
  eni.owner_id = node.StringOr("OwnerId");
  eni.interface_type = node.StringOr("InterfaceType");
  eni.requester_id = node.StringOr("RequesterId");
  eni.requester_managed = node.OptBool("RequesterManaged").value_or(false);
  eni.description = node.StringOr("Description");
  eni.status = node.StringOr("Status");
  eni.source_dest_check = node.OptBool("SourceDestCheck").value_or(true);
  if (const Json* groups = node.OptArray("Groups")) {
    Node list(*groups, node, "Groups");
    eni.group_ids.reserve(groups->size());
    for (std::size_t i = 0; i < groups->size(); ++i) {
      Node group((*groups)[i], list, i);
      group.ExpectObject("a group");
      eni.group_ids.push_back(group.String("GroupId"));
    }
  }
  ReadPrivateAddresses(node, eni);
  if (const Json* addresses = node.OptArray("Ipv6Addresses")) {
    Node list(*addresses, node, "Ipv6Addresses");
    eni.ipv6_addresses.reserve(addresses->size());
    for (std::size_t i = 0; i < addresses->size(); ++i) {
      Node item((*addresses)[i], list, i);
      item.ExpectObject("an IPv6 address");
      std::optional<net::IpAddress> ip = item.OptAddress("Ipv6Address", net::Family::kV6);
      if (!ip) item.Fail("input-missing-field", "missing required field 'Ipv6Address'");
      eni.ipv6_addresses.push_back(*ip);
    }
  }
  if (const Json* attachment = node.OptObject("Attachment")) {
    Node attach(*attachment, node, "Attachment");
    eni.instance_id = attach.StringOr("InstanceId");
    eni.device_index =
        static_cast<int>(attach.OptInt("DeviceIndex", 0, std::numeric_limits<int>::max()).value_or(0));
    eni.attachment_status = attach.StringOr("Status");
  }
}

void ParseNetworkInterface(const Node& element, FileContext& context) {
  element.ExpectObject("a network interface");
  model::NetworkInterface eni;
  ReadInterfaceFields(element, eni, context);
  eni.tags = ReadTags(element, element.Find("TagSet") != nullptr ? "TagSet" : "Tags");
  eni.scope = context.ScopeOf(eni.owner_id, eni.availability_zone);
  eni.origin = context.Ref(element.Pointer());
  context.network().interfaces.push_back(std::move(eni));
}

}  // namespace reachcheck::ingest::aws
