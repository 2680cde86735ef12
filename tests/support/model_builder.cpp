// SPDX-License-Identifier: Apache-2.0
// ModelBuilder: the strict text parsers for tests and the element factories.
#include "support/model_builder.h"

#include <stdexcept>

namespace reachcheck::testing {

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

template <typename T>
model::Handle Append(std::vector<T>& items, std::string id, model::Handle scope) {
  T item;
  item.id = std::move(id);
  item.scope = scope;
  items.push_back(std::move(item));
  return static_cast<model::Handle>(items.size() - 1);
}

}  // namespace

net::Cidr CidrOf(std::string_view text) {
  net::CidrParse parse = net::ParseCidr(text);
  if (!parse.cidr) {
    throw std::invalid_argument("bad CIDR '" + std::string(text) + "': " + parse.error);
  }
  if (parse.host_bits_set) {
    throw std::invalid_argument("CIDR '" + std::string(text) + "' has host bits set");
  }
  return *parse.cidr;
}

net::IpAddress IpOf(std::string_view text) {
  std::optional<net::IpAddress> address = net::ParseIpAddress(text);
  if (!address) throw std::invalid_argument("bad IP address '" + std::string(text) + "'");
  return *address;
}

net::ServiceMatch ServiceOf(std::string_view protocol, int from_port, int to_port) {
  std::optional<net::ProtocolSet> protocols = net::ParseProtocol(protocol);
  if (!protocols) throw std::invalid_argument("bad protocol '" + std::string(protocol) + "'");
  net::ServiceMatch service;
  service.protocols = *protocols;
  service.ports = net::PortSet::All();
  if (protocols->IsAll() || protocols->Intervals().size() != 1 || protocols->Min() != protocols->Max()) {
    return service;
  }
  const std::uint8_t number = protocols->Min();
  if (number == net::kIcmp || number == net::kIcmpv6) {
    service.ports = net::IcmpTypeCodeSet(from_port, to_port);
  } else if ((number == net::kTcp || number == net::kUdp) && from_port != -1) {
    if (from_port < 0 || to_port > 65535 || from_port > to_port) {
      throw std::invalid_argument("bad port range " + std::to_string(from_port) + "-" +
                                  std::to_string(to_port));
    }
    service.ports =
        net::PortSet::Range(static_cast<std::uint16_t>(from_port), static_cast<std::uint16_t>(to_port));
  }
  return service;
}

model::TargetKind TargetKindOf(std::string_view id) {
  using model::TargetKind;
  if (id == "local") return TargetKind::kLocal;
  if (StartsWith(id, "igw-")) return TargetKind::kInternetGateway;
  if (StartsWith(id, "eigw-")) return TargetKind::kEgressOnlyInternetGateway;
  if (StartsWith(id, "nat-")) return TargetKind::kNatGateway;
  if (StartsWith(id, "pcx-")) return TargetKind::kPeering;
  if (StartsWith(id, "eni-")) return TargetKind::kNetworkInterface;
  if (StartsWith(id, "i-")) return TargetKind::kInstance;
  if (StartsWith(id, "tgw-")) return TargetKind::kTransitGateway;
  if (StartsWith(id, "vgw-")) return TargetKind::kVirtualPrivateGateway;
  if (StartsWith(id, "vpce-")) return TargetKind::kGatewayEndpoint;
  if (StartsWith(id, "cagw-")) return TargetKind::kCarrierGateway;
  if (StartsWith(id, "lgw-")) return TargetKind::kLocalGateway;
  if (StartsWith(id, "core-network-") || StartsWith(id, "arn:")) return TargetKind::kCoreNetwork;
  return TargetKind::kUnknown;
}

ModelBuilder::ModelBuilder() { scope_ = network_.InternScope({"111111111111", "us-east-1"}); }

ModelBuilder& ModelBuilder::UseScope(std::string account, std::string region) {
  scope_ = network_.InternScope({std::move(account), std::move(region)});
  return *this;
}

ModelBuilder& ModelBuilder::NoDefaultAcls() {
  default_acls_ = false;
  return *this;
}

VpcBuilder ModelBuilder::Vpc(std::string id, std::string_view cidr) {
  const model::Handle h = Append(network_.vpcs, std::move(id), scope_);
  model::Vpc& vpc = network_.vpcs[h];
  vpc.owner_id = Account();
  vpc.state = "available";
  if (!cidr.empty()) vpc.ipv4_cidrs.push_back(CidrOf(cidr));
  return VpcBuilder(this, &network_.vpcs, h);
}

SubnetBuilder ModelBuilder::Subnet(std::string id, const IdRef& vpc, std::string_view cidr) {
  const model::Handle h = Append(network_.subnets, std::move(id), scope_);
  model::Subnet& subnet = network_.subnets[h];
  subnet.vpc_id = vpc.id;
  subnet.owner_id = Account();
  subnet.state = "available";
  subnet.availability_zone = network_.scopes[scope_].region + "a";
  subnet.has_ipv4 = !cidr.empty();
  if (!cidr.empty()) subnet.ipv4_cidr = CidrOf(cidr);
  return SubnetBuilder(this, &network_.subnets, h);
}

RouteTableBuilder ModelBuilder::RouteTable(std::string id, const IdRef& vpc) {
  const model::Handle h = Append(network_.route_tables, std::move(id), scope_);
  network_.route_tables[h].vpc_id = vpc.id;
  network_.route_tables[h].owner_id = Account();
  return RouteTableBuilder(this, &network_.route_tables, h);
}

IgwBuilder ModelBuilder::Igw(std::string id, const IdRef& vpc) {
  const model::Handle h = Append(network_.internet_gateways, std::move(id), scope_);
  network_.internet_gateways[h].owner_id = Account();
  IgwBuilder builder(this, &network_.internet_gateways, h);
  if (!vpc.id.empty()) builder.AttachTo(vpc);
  return builder;
}

IgwBuilder ModelBuilder::EgressOnlyIgw(std::string id, const IdRef& vpc) {
  const model::Handle h = Append(network_.internet_gateways, std::move(id), scope_);
  network_.internet_gateways[h].owner_id = Account();
  network_.internet_gateways[h].egress_only = true;
  IgwBuilder builder(this, &network_.internet_gateways, h);
  builder.AttachTo(vpc);
  return builder;
}

NatBuilder ModelBuilder::Nat(std::string id, const IdRef& subnet, std::string_view private_ip,
                             std::string_view public_ip) {
  const model::Handle h = Append(network_.nat_gateways, std::move(id), scope_);
  model::NatGateway& nat = network_.nat_gateways[h];
  nat.subnet_id = subnet.id;
  nat.state = "available";
  nat.connectivity = "public";
  model::NatAddress address;
  address.private_ip = IpOf(private_ip);
  if (!public_ip.empty()) address.public_ip = IpOf(public_ip);
  address.primary = true;
  nat.addresses.push_back(address);
  return NatBuilder(this, &network_.nat_gateways, h);
}

PeeringBuilder ModelBuilder::Peering(std::string id, const IdRef& requester_vpc, const IdRef& accepter_vpc) {
  const model::Handle h = Append(network_.peerings, std::move(id), scope_);
  model::VpcPeering& peering = network_.peerings[h];
  peering.requester.vpc_id = requester_vpc.id;
  peering.accepter.vpc_id = accepter_vpc.id;
  peering.status = "active";
  return PeeringBuilder(this, &network_.peerings, h);
}

SecurityGroupBuilder ModelBuilder::SecurityGroup(std::string id, const IdRef& vpc) {
  const model::Handle h = Append(network_.security_groups, std::move(id), scope_);
  model::SecurityGroup& group = network_.security_groups[h];
  group.vpc_id = vpc.id;
  group.owner_id = Account();
  group.name = group.id;
  return SecurityGroupBuilder(this, &network_.security_groups, h);
}

NetworkAclBuilder ModelBuilder::Acl(std::string id, const IdRef& vpc) {
  const model::Handle h = Append(network_.network_acls, std::move(id), scope_);
  network_.network_acls[h].vpc_id = vpc.id;
  network_.network_acls[h].owner_id = Account();
  return NetworkAclBuilder(this, &network_.network_acls, h);
}

InterfaceBuilder ModelBuilder::Interface(std::string id, const IdRef& subnet, std::string_view primary_ip) {
  const model::Handle h = Append(network_.interfaces, std::move(id), scope_);
  model::NetworkInterface& eni = network_.interfaces[h];
  eni.subnet_id = subnet.id;
  eni.owner_id = Account();
  eni.interface_type = "interface";
  eni.status = "in-use";
  if (!primary_ip.empty()) eni.private_addresses.push_back({IpOf(primary_ip), true, {}, ""});
  return InterfaceBuilder(this, &network_.interfaces, h);
}

InstanceBuilder ModelBuilder::Instance(std::string id, std::initializer_list<IdRef> interfaces) {
  const model::Handle h = Append(network_.instances, std::move(id), scope_);
  network_.instances[h].state = "running";
  InstanceBuilder builder(this, &network_.instances, h);
  for (const IdRef& eni : interfaces) builder.Interface(eni);
  return builder;
}

ElasticIpBuilder ModelBuilder::Eip(std::string allocation_id, std::string_view public_ip) {
  const model::Handle h = Append(network_.elastic_ips, allocation_id, scope_);
  model::ElasticIp& eip = network_.elastic_ips[h];
  eip.allocation_id = std::move(allocation_id);
  eip.public_ip = IpOf(public_ip);
  eip.domain = "vpc";
  return ElasticIpBuilder(this, &network_.elastic_ips, h);
}

PrefixListBuilder ModelBuilder::PrefixList(std::string id, std::initializer_list<std::string_view> cidrs) {
  const model::Handle h = Append(network_.prefix_lists, std::move(id), scope_);
  model::PrefixList& list = network_.prefix_lists[h];
  list.name = list.id;
  list.owner_id = Account();
  list.entries_known = true;
  for (std::string_view cidr : cidrs) list.cidrs.push_back(CidrOf(cidr));
  list.address_family = !list.cidrs.empty() && !list.cidrs.front().base.is_v4() ? "IPv6" : "IPv4";
  return PrefixListBuilder(this, &network_.prefix_lists, h);
}

EndpointBuilder ModelBuilder::GatewayEndpoint(std::string id, const IdRef& vpc, std::string service,
                                              std::initializer_list<IdRef> route_tables) {
  const model::Handle h = Append(network_.endpoints, std::move(id), scope_);
  model::VpcEndpoint& endpoint = network_.endpoints[h];
  endpoint.type = "Gateway";
  endpoint.vpc_id = vpc.id;
  endpoint.service_name = std::move(service);
  endpoint.state = "available";
  for (const IdRef& table : route_tables) endpoint.route_table_ids.push_back(table.id);
  return EndpointBuilder(this, &network_.endpoints, h);
}

EndpointBuilder ModelBuilder::InterfaceEndpoint(std::string id, const IdRef& vpc, std::string service,
                                                std::initializer_list<IdRef> subnets) {
  const model::Handle h = Append(network_.endpoints, std::move(id), scope_);
  model::VpcEndpoint& endpoint = network_.endpoints[h];
  endpoint.type = "Interface";
  endpoint.vpc_id = vpc.id;
  endpoint.service_name = std::move(service);
  endpoint.state = "available";
  for (const IdRef& subnet : subnets) endpoint.subnet_ids.push_back(subnet.id);
  return EndpointBuilder(this, &network_.endpoints, h);
}

ModelBuilder& ModelBuilder::Unanalysed(std::string type, std::string id) {
  network_.unanalysed.push_back({std::move(type), std::move(id), scope_, {}});
  return *this;
}

}  // namespace reachcheck::testing
