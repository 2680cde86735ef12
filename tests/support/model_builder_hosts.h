// SPDX-License-Identifier: Apache-2.0
// The fluent builders of gateways, peerings, interfaces, instances, Elastic IPs, prefix lists
// and endpoints handed out by ModelBuilder (support/model_builder.h).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "support/model_builder_elements.h"

namespace reachcheck::testing {

class IgwBuilder : public ElementBuilder<model::InternetGateway, IgwBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  IgwBuilder& AttachTo(const IdRef& vpc, std::string state = "");  ///< "" = "available"/"attached"
  IgwBuilder& AttachmentState(std::string state);  ///< of the last attachment, e.g. "detaching"
};

class NatBuilder : public ElementBuilder<model::NatGateway, NatBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  NatBuilder& Private();  ///< connectivity "private"
  NatBuilder& State(std::string state);
  NatBuilder& AllocationId(std::string id);  ///< of the primary address
  NatBuilder& Address(std::string_view private_ip, std::string_view public_ip = "");  ///< secondary
  /// Adds the NAT's own interface (type nat_gateway, requester-managed, no groups) with the
  /// primary private IP; its Elastic IP stays on the NAT, not on the interface.
  NatBuilder& Eni(std::string interface_id);
};

class PeeringBuilder : public ElementBuilder<model::VpcPeering, PeeringBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  PeeringBuilder& Status(std::string status);
  /// Owner and region of a side (default: the VPC's scope when built here, else the peering's).
  PeeringBuilder& Requester(std::string owner_id, std::string region);
  PeeringBuilder& Accepter(std::string owner_id, std::string region);
  /// CIDR blocks recorded on the peering for a side (default: the VPC's, when built here).
  PeeringBuilder& RequesterCidrs(std::initializer_list<std::string_view> cidrs);
  PeeringBuilder& AccepterCidrs(std::initializer_list<std::string_view> cidrs);
};

class InterfaceBuilder : public ElementBuilder<model::NetworkInterface, InterfaceBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  InterfaceBuilder& PublicIp(std::string_view ip);  ///< Association.PublicIp of the primary IP
  InterfaceBuilder& SecondaryIp(std::string_view ip, std::string_view public_ip = "");
  InterfaceBuilder& Ipv6(std::string_view ip);
  InterfaceBuilder& Groups(std::initializer_list<IdRef> groups);
  InterfaceBuilder& Group(const IdRef& group);
  InterfaceBuilder& SourceDestCheck(bool on);
  InterfaceBuilder& Status(std::string status);  ///< default "in-use"
  InterfaceBuilder& Type(std::string type);      ///< default "interface"
  InterfaceBuilder& RequesterManaged(std::string requester_id = "amazon-aws");
  InterfaceBuilder& Description(std::string text);
  InterfaceBuilder& AttachTo(const IdRef& instance, int device_index = 0);
  InterfaceBuilder& FromInstance();  ///< known only from a Reservations entry
};

class InstanceBuilder : public ElementBuilder<model::Instance, InstanceBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  InstanceBuilder& State(std::string state);  ///< default "running"
  InstanceBuilder& Type(std::string type);
  InstanceBuilder& Interface(const IdRef& eni);  ///< appends (device index = position)
};

class ElasticIpBuilder : public ElementBuilder<model::ElasticIp, ElasticIpBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  /// Associated with `eni` (at `private_ip`, default its primary address).
  ElasticIpBuilder& Interface(const IdRef& eni, std::string_view private_ip = "");
  ElasticIpBuilder& Instance(const IdRef& instance);  ///< by instance id only
};

class PrefixListBuilder : public ElementBuilder<model::PrefixList, PrefixListBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  PrefixListBuilder& ListName(std::string name);  ///< PrefixListName
  PrefixListBuilder& AwsManaged();                ///< owner "AWS"
  PrefixListBuilder& EntriesUnknown();            ///< metadata only: entries_known = false
};

class EndpointBuilder : public ElementBuilder<model::VpcEndpoint, EndpointBuilder> {
 public:
  using ElementBuilder::ElementBuilder;
  EndpointBuilder& State(std::string state);
  EndpointBuilder& Groups(std::initializer_list<IdRef> groups);          ///< interface endpoints
  EndpointBuilder& Interfaces(std::initializer_list<IdRef> interfaces);  ///< their ENIs
};

}  // namespace reachcheck::testing
