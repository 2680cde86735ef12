// SPDX-License-Identifier: Apache-2.0
// The fluent builders of gateways, peerings, interfaces, instances, Elastic IPs, prefix lists
// and endpoints.
#include <stdexcept>

#include "support/model_builder.h"
#include "support/model_builder_hosts.h"

namespace reachcheck::testing {

// --- IgwBuilder, NatBuilder, PeeringBuilder --------------------------------------------------

IgwBuilder& IgwBuilder::AttachTo(const IdRef& vpc, std::string state) {
  if (state.empty()) state = Get().egress_only ? "attached" : "available";
  Get().attachments.push_back({vpc.id, std::move(state), model::kNone});
  return *this;
}
IgwBuilder& IgwBuilder::AttachmentState(std::string state) {
  if (Get().attachments.empty()) throw std::invalid_argument("AttachmentState() needs AttachTo()");
  Get().attachments.back().state = std::move(state);
  return *this;
}

NatBuilder& NatBuilder::Private() {
  Get().connectivity = "private";
  return *this;
}
NatBuilder& NatBuilder::State(std::string state) {
  Get().state = std::move(state);
  return *this;
}
NatBuilder& NatBuilder::AllocationId(std::string id) {
  Get().addresses.front().allocation_id = std::move(id);
  return *this;
}
NatBuilder& NatBuilder::Address(std::string_view private_ip, std::string_view public_ip) {
  model::NatAddress address;
  address.private_ip = IpOf(private_ip);
  if (!public_ip.empty()) address.public_ip = IpOf(public_ip);
  address.primary = false;
  Get().addresses.push_back(address);
  return *this;
}
NatBuilder& NatBuilder::Eni(std::string interface_id) {
  const model::NatAddress& primary = Get().addresses.front();
  const std::string private_ip = primary.private_ip ? primary.private_ip->ToString() : "";
  const model::Handle scope = Get().scope;
  const std::string subnet_id = Get().subnet_id;
  const std::string nat_id = Get().id;
  InterfaceBuilder eni = owner_->Interface(interface_id, subnet_id, private_ip);
  eni.Type("nat_gateway").RequesterManaged("amazon-aws");
  eni.Description("Interface for NAT Gateway " + nat_id);
  eni.Get().scope = scope;
  Get().addresses.front().network_interface_id = std::move(interface_id);
  return *this;
}

PeeringBuilder& PeeringBuilder::Status(std::string status) {
  Get().status = std::move(status);
  return *this;
}
PeeringBuilder& PeeringBuilder::Requester(std::string owner_id, std::string region) {
  Get().requester.owner_id = std::move(owner_id);
  Get().requester.region = std::move(region);
  return *this;
}
PeeringBuilder& PeeringBuilder::Accepter(std::string owner_id, std::string region) {
  Get().accepter.owner_id = std::move(owner_id);
  Get().accepter.region = std::move(region);
  return *this;
}
namespace {
void SetCidrs(model::PeeringSide& side, std::initializer_list<std::string_view> cidrs) {
  side.ipv4_cidrs.clear();
  side.ipv6_cidrs.clear();
  for (std::string_view text : cidrs) {
    const net::Cidr cidr = CidrOf(text);
    (cidr.base.is_v4() ? side.ipv4_cidrs : side.ipv6_cidrs).push_back(cidr);
  }
}
}  // namespace
PeeringBuilder& PeeringBuilder::RequesterCidrs(std::initializer_list<std::string_view> cidrs) {
  SetCidrs(Get().requester, cidrs);
  return *this;
}
PeeringBuilder& PeeringBuilder::AccepterCidrs(std::initializer_list<std::string_view> cidrs) {
  SetCidrs(Get().accepter, cidrs);
  return *this;
}

// --- InterfaceBuilder, InstanceBuilder, ElasticIpBuilder ------------------------------------

InterfaceBuilder& InterfaceBuilder::PublicIp(std::string_view ip) {
  for (model::PrivateAddress& address : Get().private_addresses) {
    if (address.primary) {
      address.public_ip = IpOf(ip);
      return *this;
    }
  }
  throw std::invalid_argument("PublicIp() needs a primary private IP on " + Id());
}
InterfaceBuilder& InterfaceBuilder::SecondaryIp(std::string_view ip, std::string_view public_ip) {
  model::PrivateAddress address;
  address.address = IpOf(ip);
  address.primary = Get().private_addresses.empty();
  if (!public_ip.empty()) address.public_ip = IpOf(public_ip);
  Get().private_addresses.push_back(address);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Ipv6(std::string_view ip) {
  Get().ipv6_addresses.push_back(IpOf(ip));
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Groups(std::initializer_list<IdRef> groups) {
  for (const IdRef& group : groups) Get().group_ids.push_back(group.id);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Group(const IdRef& group) {
  Get().group_ids.push_back(group.id);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::SourceDestCheck(bool on) {
  Get().source_dest_check = on;
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Status(std::string status) {
  Get().status = std::move(status);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Type(std::string type) {
  Get().interface_type = std::move(type);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::RequesterManaged(std::string requester_id) {
  Get().requester_managed = true;
  Get().requester_id = std::move(requester_id);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::Description(std::string text) {
  Get().description = std::move(text);
  return *this;
}
InterfaceBuilder& InterfaceBuilder::AttachTo(const IdRef& instance, int device_index) {
  Get().instance_id = instance.id;
  Get().device_index = device_index;
  Get().attachment_status = "attached";
  return *this;
}
InterfaceBuilder& InterfaceBuilder::FromInstance() {
  Get().from_instance = true;
  return *this;
}

InstanceBuilder& InstanceBuilder::State(std::string state) {
  Get().state = std::move(state);
  return *this;
}
InstanceBuilder& InstanceBuilder::Type(std::string type) {
  Get().instance_type = std::move(type);
  return *this;
}
InstanceBuilder& InstanceBuilder::Interface(const IdRef& eni) {
  Get().interface_ids.push_back(eni.id);
  return *this;
}

ElasticIpBuilder& ElasticIpBuilder::Interface(const IdRef& eni, std::string_view private_ip) {
  Get().network_interface_id = eni.id;
  Get().private_ip.reset();
  if (!private_ip.empty()) Get().private_ip = IpOf(private_ip);
  Get().association_id = "eipassoc-" + Id();
  return *this;
}
ElasticIpBuilder& ElasticIpBuilder::Instance(const IdRef& instance) {
  Get().instance_id = instance.id;
  Get().association_id = "eipassoc-" + Id();
  return *this;
}

// --- PrefixListBuilder, EndpointBuilder ------------------------------------------------------

PrefixListBuilder& PrefixListBuilder::ListName(std::string name) {
  Get().name = std::move(name);
  return *this;
}
PrefixListBuilder& PrefixListBuilder::AwsManaged() {
  Get().owner_id = "AWS";
  return *this;
}
PrefixListBuilder& PrefixListBuilder::EntriesUnknown() {
  Get().entries_known = false;
  Get().cidrs.clear();
  return *this;
}

EndpointBuilder& EndpointBuilder::State(std::string state) {
  Get().state = std::move(state);
  return *this;
}
EndpointBuilder& EndpointBuilder::Groups(std::initializer_list<IdRef> groups) {
  for (const IdRef& group : groups) Get().group_ids.push_back(group.id);
  return *this;
}
EndpointBuilder& EndpointBuilder::Interfaces(std::initializer_list<IdRef> interfaces) {
  for (const IdRef& eni : interfaces) Get().network_interface_ids.push_back(eni.id);
  return *this;
}

}  // namespace reachcheck::testing
