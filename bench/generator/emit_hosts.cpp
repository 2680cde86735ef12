// SPDX-License-Identifier: Apache-2.0
// describe-security-groups, -network-interfaces, -instances (Reservations, interfaces
// inline) and -addresses elements, field for field as the AWS CLI prints them.
#include <string>

#include "generator/emit.h"
#include "generator/emit_util.h"
#include "generator/rng.h"

namespace reachcheck::bench {
namespace {

const char* const kDescriptions[] = {"from the web tier", "health checks", "monitoring",   "corporate VPN",
                                     "partner access",    "CI runners",    "service mesh", "legacy, review"};

void WritePermission(JsonWriter& w, const Estate& e, const Scope& scope, const Vpc& vpc,
                     const Permission& p) {
  w.BeginObject();
  if (p.protocol != -1) w.FieldInt("FromPort", p.from);
  w.Field("IpProtocol", p.protocol == -1   ? "-1"
                        : p.protocol == 6  ? "tcp"
                        : p.protocol == 17 ? "udp"
                                           : "icmp");
  auto description = [&](const SgPeer& peer) {
    if (peer.description >= 0) w.Field("Description", kDescriptions[peer.description]);
  };
  w.Key("IpRanges");
  w.BeginArray();
  for (const SgPeer& peer : p.peers) {
    if (peer.kind != PeerKind::kCidr4) continue;
    w.BeginObject();
    CidrField(w, "CidrIp", peer.cidr);
    description(peer);
    w.EndObject();
  }
  w.EndArray();
  w.Key("Ipv6Ranges");
  w.BeginArray();
  for (const SgPeer& peer : p.peers) {
    if (peer.kind != PeerKind::kCidr6All) continue;
    w.BeginObject();
    w.Field("CidrIpv6", "::/0");
    description(peer);
    w.EndObject();
  }
  w.EndArray();
  w.Key("PrefixListIds");
  w.BeginArray();
  for (const SgPeer& peer : p.peers) {
    if (peer.kind != PeerKind::kPrefixList) continue;
    w.BeginObject();
    description(peer);
    w.Key("PrefixListId");
    PrefixListIdValue(w, e.prefix_lists[U(peer.ref)]);
    w.EndObject();
  }
  w.EndArray();
  if (p.protocol != -1) w.FieldInt("ToPort", p.to);
  w.Key("UserIdGroupPairs");
  w.BeginArray();
  for (const SgPeer& peer : p.peers) {
    if (peer.kind != PeerKind::kGroup) continue;
    const SecurityGroup& group = e.security_groups[U(peer.ref)];
    w.BeginObject();
    description(peer);
    IdField(w, "GroupId", "sg-", group.id);
    if (peer.peering >= 0) {
      const Vpc& other = e.vpcs[U(group.vpc)];
      w.Field("PeeringStatus", "active");
      w.Field("UserId", e.scopes[U(other.scope)].account);
      IdField(w, "VpcId", "vpc-", other.id);
      IdField(w, "VpcPeeringConnectionId", "pcx-", e.peerings[U(peer.peering)].id);
    } else {
      w.Field("UserId", scope.account);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  (void)vpc;
}

void WriteAssociation(JsonWriter& w, const Estate& e, const Scope& scope, const Interface& eni) {
  if (eni.eip >= 0) {
    const ElasticIp& eip = e.elastic_ips[U(eni.eip)];
    w.Key("Association");
    w.BeginObject();
    IdField(w, "AllocationId", "eipalloc-", eip.allocation);
    IdField(w, "AssociationId", "eipassoc-", eip.association);
    w.Field("IpOwnerId", scope.account);
    PublicDnsField(w, "PublicDnsName", eip.ip, scope.region);
    IpField(w, "PublicIp", eip.ip);
    w.EndObject();
  } else if (eni.public_ip != 0) {
    w.Key("Association");
    w.BeginObject();
    w.Field("IpOwnerId", "amazon");
    PublicDnsField(w, "PublicDnsName", eni.public_ip, scope.region);
    IpField(w, "PublicIp", eni.public_ip);
    w.EndObject();
  }
}

std::uint32_t PublicAddressOf(const Estate& e, const Interface& eni) {
  return eni.eip >= 0 ? e.elastic_ips[U(eni.eip)].ip : eni.public_ip;
}

const char* const kInterfaceTypes[] = {"interface",    "nat_gateway", "lambda", "network_load_balancer",
                                       "vpc_endpoint", "interface"};

// The fields shared by describe-network-interfaces and the interfaces inlined in
// describe-instances (`inline_form`: no AvailabilityZone, RequesterManaged, TagSet, ...).
void WriteInterface(JsonWriter& w, const Estate& e, const Scope& scope, int index, bool inline_form) {
  const Interface& eni = e.interfaces[U(index)];
  const Subnet& subnet = e.subnets[U(eni.subnet)];
  const Vpc& vpc = e.vpcs[U(subnet.vpc)];
  w.BeginObject();
  WriteAssociation(w, e, scope, eni);
  if (eni.kind == 0) {
    const Instance& instance = e.instances[U(eni.instance)];
    w.Key("Attachment");
    w.BeginObject();
    TimeField(w, "AttachTime", instance.launch);
    IdField(w, "AttachmentId", "eni-attach-", eni.attachment);
    w.FieldBool("DeleteOnTermination", eni.device_index == 0);
    w.FieldInt("DeviceIndex", eni.device_index);
    if (!inline_form) {
      IdField(w, "InstanceId", "i-", instance.id);
      w.Field("InstanceOwnerId", scope.account);
    }
    w.Field("Status", "attached");
    w.FieldInt("NetworkCardIndex", 0);
    w.EndObject();
  } else if (eni.kind != 5) {
    w.Key("Attachment");
    w.BeginObject();
    IdField(w, "AttachmentId", "ela-attach-", eni.attachment);
    w.FieldBool("DeleteOnTermination", false);
    w.FieldInt("DeviceIndex", 1);
    w.Field("InstanceOwnerId", "amazon-aws");
    w.Field("Status", "attached");
    w.EndObject();
  }
  if (!inline_form) AzField(w, "AvailabilityZone", scope.region, subnet.az);
  w.Key("Description");
  w.BeginString();
  switch (eni.kind) {
    case 0:
      w.Raw(eni.device_index == 0 ? "Primary network interface" : "");
      break;
    case 1:
      w.Raw("Interface for NAT Gateway ");
      AppendId(w, "nat-", e.nat_gateways[U(eni.owner)].id);
      break;
    case 2:
      w.Raw("AWS Lambda VPC ENI-fn-" + std::to_string(eni.owner));
      break;
    case 3:
      w.Raw("ELB net/" + vpc.name + "-nlb-" + std::to_string(eni.owner % 7));
      break;
    case 4:
      w.Raw("VPC Endpoint Interface ");
      AppendId(w, "vpce-", Mix64(eni.id));
      break;
    default:
      break;
  }
  w.EndString();
  w.Key("Groups");
  w.BeginArray();
  for (int g : eni.groups) {
    w.BeginObject();
    w.Field("GroupName", e.security_groups[U(g)].name);
    IdField(w, "GroupId", "sg-", e.security_groups[U(g)].id);
    w.EndObject();
  }
  w.EndArray();
  w.Field("InterfaceType", kInterfaceTypes[eni.kind]);
  w.Key("Ipv6Addresses");
  w.BeginArray();
  if (eni.v6) {
    w.BeginObject();
    w.Key("Ipv6Address");
    V6AddressValue(w, vpc.v6_block, eni.subnet - vpc.first_subnet, Mix64(eni.id));
    w.FieldBool("IsPrimaryIpv6", false);
    w.EndObject();
  }
  w.EndArray();
  w.Key("MacAddress");
  w.BeginString();
  w.Raw("0e");
  constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 32; shift >= 0; shift -= 8) {
    w.RawChar(':');
    w.RawChar(kHex[(eni.mac >> (shift + 4)) & 15]);
    w.RawChar(kHex[(eni.mac >> shift) & 15]);
  }
  w.EndString();
  IdField(w, "NetworkInterfaceId", "eni-", eni.id);
  w.Field("OwnerId", scope.account);
  PrivateDnsField(w, "PrivateDnsName", eni.ip, scope.region);
  IpField(w, "PrivateIpAddress", eni.ip);
  w.Key("PrivateIpAddresses");
  w.BeginArray();
  for (std::size_t i = 0; i <= eni.secondary_ips.size(); ++i) {
    const std::uint32_t ip = i == 0 ? eni.ip : eni.secondary_ips[i - 1];
    w.BeginObject();
    if (i == 0) WriteAssociation(w, e, scope, eni);
    w.FieldBool("Primary", i == 0);
    PrivateDnsField(w, "PrivateDnsName", ip, scope.region);
    IpField(w, "PrivateIpAddress", ip);
    w.EndObject();
  }
  w.EndArray();
  if (!inline_form) {
    if (eni.kind == 1) w.Field("RequesterId", "430128766214");
    if (eni.kind == 2) w.Field("RequesterId", "AROAQZ7NDRJ3K5WXYHBCM:fn-" + std::to_string(eni.owner));
    if (eni.kind == 3 || eni.kind == 4) w.Field("RequesterId", "amazon-elb");
    w.FieldBool("RequesterManaged", eni.kind >= 1 && eni.kind <= 4);
  }
  w.FieldBool("SourceDestCheck", eni.source_dest_check);
  w.Field("Status", eni.kind == 5 ? "available" : "in-use");
  IdField(w, "SubnetId", "subnet-", subnet.id);
  if (!inline_form) w.EmptyArray("TagSet");
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.EndObject();
}

struct InstanceType {
  const char* name;
  const char* architecture;
  int cores;
};
const InstanceType kInstanceTypes[] = {{"t3.micro", "x86_64", 1},   {"t3.medium", "x86_64", 1},
                                       {"m5.large", "x86_64", 1},   {"m5.xlarge", "x86_64", 2},
                                       {"c5.2xlarge", "x86_64", 4}, {"r5.large", "x86_64", 1},
                                       {"m6i.large", "x86_64", 1},  {"c6g.xlarge", "arm64", 4}};

void WriteInstance(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const Instance& instance = e.instances[U(index)];
  const Subnet& subnet = e.subnets[U(instance.subnet)];
  const Vpc& vpc = e.vpcs[U(subnet.vpc)];
  const InstanceType& type = kInstanceTypes[instance.type];
  const bool gone = instance.state == InstanceState::kTerminated;
  const Interface* primary = instance.interfaces.empty() ? nullptr : &e.interfaces[U(instance.interfaces[0])];
  const std::uint32_t public_ip = primary != nullptr ? PublicAddressOf(e, *primary) : 0;
  w.BeginObject();
  w.FieldInt("AmiLaunchIndex", 0);
  IdField(w, "ImageId", "ami-", Mix64(static_cast<std::uint64_t>(instance.type) ^ e.seed));
  IdField(w, "InstanceId", "i-", instance.id);
  w.Field("InstanceType", type.name);
  w.Field("KeyName", std::string(EnvironmentOf(vpc.name)) + "-key");
  TimeField(w, "LaunchTime", instance.launch);
  w.Key("Monitoring");
  w.BeginObject();
  w.Field("State", "disabled");
  w.EndObject();
  w.Key("Placement");
  w.BeginObject();
  AzField(w, "AvailabilityZone", scope.region, subnet.az);
  w.Field("GroupName", "");
  w.Field("Tenancy", "default");
  w.EndObject();
  if (gone) {
    w.Field("PrivateDnsName", "");
  } else {
    PrivateDnsField(w, "PrivateDnsName", primary->ip, scope.region);
    IpField(w, "PrivateIpAddress", primary->ip);
  }
  w.EmptyArray("ProductCodes");
  if (public_ip != 0) {
    PublicDnsField(w, "PublicDnsName", public_ip, scope.region);
    IpField(w, "PublicIpAddress", public_ip);
  } else {
    w.Field("PublicDnsName", "");
  }
  static const int kCodes[] = {0, 16, 64, 80, 48};
  static const char* const kNames[] = {"pending", "running", "stopping", "stopped", "terminated"};
  const int state = static_cast<int>(instance.state);
  w.Key("State");
  w.BeginObject();
  w.FieldInt("Code", kCodes[state]);
  w.Field("Name", kNames[state]);
  w.EndObject();
  w.Field("StateTransitionReason", instance.state == InstanceState::kStopped || gone
                                       ? "User initiated (2024-05-02 10:11:12 GMT)"
                                       : "");
  if (!gone) {
    IdField(w, "SubnetId", "subnet-", subnet.id);
    IdField(w, "VpcId", "vpc-", vpc.id);
  }
  w.Field("Architecture", type.architecture);
  w.Key("BlockDeviceMappings");
  w.BeginArray();
  if (!gone) {
    w.BeginObject();
    w.Field("DeviceName", "/dev/xvda");
    w.Key("Ebs");
    w.BeginObject();
    TimeField(w, "AttachTime", instance.launch);
    w.FieldBool("DeleteOnTermination", true);
    w.Field("Status", "attached");
    IdField(w, "VolumeId", "vol-", Mix64(instance.id));
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Field("ClientToken", "terraform-" + std::to_string(Mix64(instance.reservation) % 1000000000000ULL));
  w.FieldBool("EbsOptimized", true);
  w.FieldBool("EnaSupport", true);
  w.Field("Hypervisor", "xen");
  w.Key("NetworkInterfaces");
  w.BeginArray();
  for (int eni : instance.interfaces) WriteInterface(w, e, scope, eni, true);
  w.EndArray();
  w.Field("RootDeviceName", "/dev/xvda");
  w.Field("RootDeviceType", "ebs");
  w.Key("SecurityGroups");
  w.BeginArray();
  if (primary != nullptr) {
    for (int g : primary->groups) {
      w.BeginObject();
      w.Field("GroupName", e.security_groups[U(g)].name);
      IdField(w, "GroupId", "sg-", e.security_groups[U(g)].id);
      w.EndObject();
    }
  }
  w.EndArray();
  w.FieldBool("SourceDestCheck", primary == nullptr || primary->source_dest_check);
  std::string name = vpc.name + "-" +
                     (instance.role < 0 ? std::string("router") : std::to_string(instance.role)) + "-" +
                     std::to_string(index - vpc.first_instance);
  NameTags(w, name, EnvironmentOf(vpc.name));
  w.Field("VirtualizationType", "hvm");
  w.Key("CpuOptions");
  w.BeginObject();
  w.FieldInt("CoreCount", type.cores);
  w.FieldInt("ThreadsPerCore", 2);
  w.EndObject();
  w.Key("MetadataOptions");
  w.BeginObject();
  w.Field("State", "applied");
  w.Field("HttpTokens", "required");
  w.FieldInt("HttpPutResponseHopLimit", 2);
  w.Field("HttpEndpoint", "enabled");
  w.EndObject();
  w.Field("PlatformDetails", "Linux/UNIX");
  w.EndObject();
}

}  // namespace

void WriteSecurityGroup(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const SecurityGroup& group = e.security_groups[U(index)];
  const Vpc& vpc = e.vpcs[U(group.vpc)];
  w.BeginObject();
  w.Field("Description", group.description);
  w.Field("GroupName", group.name);
  w.Key("IpPermissions");
  w.BeginArray();
  for (const Permission& p : group.ingress) WritePermission(w, e, scope, vpc, p);
  w.EndArray();
  w.Field("OwnerId", scope.account);
  IdField(w, "GroupId", "sg-", group.id);
  w.Key("IpPermissionsEgress");
  w.BeginArray();
  for (const Permission& p : group.egress) WritePermission(w, e, scope, vpc, p);
  w.EndArray();
  if (group.name != "default") NameTags(w, group.name, EnvironmentOf(vpc.name));
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.EndObject();
}

void WriteNetworkInterface(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  WriteInterface(w, e, scope, index, false);
}

void WriteReservation(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const std::uint64_t reservation = e.instances[U(index)].reservation;
  w.BeginObject();
  w.EmptyArray("Groups");
  w.Key("Instances");
  w.BeginArray();
  for (std::size_t i = U(index); i < e.instances.size() && e.instances[i].reservation == reservation; ++i) {
    WriteInstance(w, e, scope, static_cast<int>(i));
  }
  w.EndArray();
  w.Field("OwnerId", scope.account);
  IdField(w, "ReservationId", "r-", reservation);
  w.EndObject();
}

void WriteAddress(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const ElasticIp& eip = e.elastic_ips[U(index)];
  w.BeginObject();
  if (eip.instance >= 0) IdField(w, "InstanceId", "i-", e.instances[U(eip.instance)].id);
  IpField(w, "PublicIp", eip.ip);
  IdField(w, "AllocationId", "eipalloc-", eip.allocation);
  if (eip.eni >= 0) {
    const Interface& eni = e.interfaces[U(eip.eni)];
    IdField(w, "AssociationId", "eipassoc-", eip.association);
    w.Field("Domain", "vpc");
    IdField(w, "NetworkInterfaceId", "eni-", eni.id);
    w.Field("NetworkInterfaceOwnerId", scope.account);
    IpField(w, "PrivateIpAddress", eni.ip);
  } else {
    w.Field("Domain", "vpc");
  }
  w.Field("PublicIpv4Pool", "amazon");
  w.Field("NetworkBorderGroup", scope.region);
  w.EndObject();
}

}  // namespace reachcheck::bench
