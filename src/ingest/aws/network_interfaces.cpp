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
  std::optional<Node> assoc = node.OptObject("Association");
  if (!assoc) return;
  address.public_ip = assoc->OptAddress("PublicIp", net::Family::kV4);
  address.allocation_id = assoc->StringOr("AllocationId");
}

void ReadPrivateAddresses(const Node& node, model::NetworkInterface& eni) {
  std::optional<Node> list = node.OptArray("PrivateIpAddresses");
  if (!list || list->Size() == 0) {
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
  eni.private_addresses.reserve(list->Size());
  for (const Node& item : list->Elements()) {
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
  if (std::optional<std::string_view> zone = node.OptString("AvailabilityZone"))
    eni.availability_zone = *zone;
  eni.owner_id = node.StringOr("OwnerId");
  eni.interface_type = node.StringOr("InterfaceType");
  eni.requester_id = node.StringOr("RequesterId");
  eni.requester_managed = node.OptBool("RequesterManaged").value_or(false);
  eni.description = node.StringOr("Description");
  eni.status = node.StringOr("Status");
  eni.source_dest_check = node.OptBool("SourceDestCheck").value_or(true);
  if (std::optional<Node> list = node.OptArray("Groups")) {
    eni.group_ids.reserve(list->Size());
    for (const Node& group : list->Elements()) {
      group.ExpectObject("a group");
      eni.group_ids.emplace_back(group.String("GroupId"));
    }
  }
  ReadPrivateAddresses(node, eni);
  if (std::optional<Node> list = node.OptArray("Ipv6Addresses")) {
    eni.ipv6_addresses.reserve(list->Size());
    for (const Node& item : list->Elements()) {
      item.ExpectObject("an IPv6 address");
      std::optional<net::IpAddress> ip = item.OptAddress("Ipv6Address", net::Family::kV6);
      if (!ip) item.Fail("input-missing-field", "missing required field 'Ipv6Address'");
      eni.ipv6_addresses.push_back(*ip);
    }
  }
  if (std::optional<Node> attach = node.OptObject("Attachment")) {
    eni.instance_id = attach->StringOr("InstanceId");
    eni.device_index =
        static_cast<int>(attach->OptInt("DeviceIndex", 0, std::numeric_limits<int>::max()).value_or(0));
    eni.attachment_status = attach->StringOr("Status");
  }
}

void ParseNetworkInterface(const Node& element, FileContext& context) {
  element.ExpectObject("a network interface");
  model::NetworkInterface eni;
  ReadInterfaceFields(element, eni, context);
  eni.tags = ReadTags(element, element.Has("TagSet") ? "TagSet" : "Tags");
  eni.scope = context.ScopeOf(eni.owner_id, eni.availability_zone);
  eni.origin = context.Ref(element.Pointer());
  context.network().interfaces.push_back(std::move(eni));
}

}  // namespace reachcheck::ingest::aws
