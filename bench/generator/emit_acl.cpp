// SPDX-License-Identifier: Apache-2.0
// describe-network-acls elements: the default allow-all ACL, and custom public/private ACLs
// of 20 entries each (denies first, ephemeral-port allows for return traffic, final denies).
#include <vector>

#include "generator/emit.h"
#include "generator/emit_util.h"
#include "generator/rng.h"

namespace reachcheck::bench {
namespace {

struct AclEntry {
  int number;
  bool egress;
  int protocol;  ///< -1 all, 1 icmp, 6 tcp, 17 udp
  int from, to;  ///< ports (tcp/udp)
  Cidr4 cidr;
  bool v6_all;  ///< "::/0" instead of cidr
  bool allow;
};

constexpr std::uint32_t Ip(int a, int b) {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16);
}

std::vector<AclEntry> Entries(const Estate& e, const Acl& acl) {
  const Cidr4 any{0, 0}, ten{Ip(10, 0), 8}, cgnat{Ip(100, 64), 10}, corp{Ip(192, 168), 16};
  std::vector<AclEntry> out;
  if (acl.kind == 0) {
    const bool v6 = e.vpcs[U(acl.vpc)].dual_stack;
    for (bool egress : {true, false}) {
      out.push_back({100, egress, -1, 0, 0, any, false, true});
      if (v6) out.push_back({101, egress, -1, 0, 0, any, true, true});
      out.push_back({32767, egress, -1, 0, 0, any, false, false});
      if (v6) out.push_back({32768, egress, -1, 0, 0, any, true, false});
    }
    return out;
  }
  Rng rng(Mix64(e.seed ^ acl.id));
  // A blocked public /24 (an abuse source) that differs per ACL.
  const Cidr4 blocked{(Ip(45, 0) + (rng.Below(1u << 16) << 8)), 24};
  if (acl.kind == 1) {
    out = {{50, true, 6, 25, 25, any, false, false},        {100, true, 6, 443, 443, any, false, true},
           {110, true, 6, 80, 80, any, false, true},        {120, true, 6, 1024, 65535, any, false, true},
           {130, true, 17, 53, 53, any, false, true},       {140, true, 17, 123, 123, any, false, true},
           {150, true, -1, 0, 0, ten, false, true},         {160, true, -1, 0, 0, cgnat, false, true},
           {170, true, -1, 0, 0, corp, false, true},        {32767, true, -1, 0, 0, any, false, false},
           {40, false, -1, 0, 0, blocked, false, false},    {50, false, 6, 3389, 3389, any, false, false},
           {100, false, 6, 443, 443, any, false, true},     {110, false, 6, 80, 80, any, false, true},
           {120, false, 6, 22, 22, corp, false, true},      {130, false, 6, 1024, 65535, any, false, true},
           {140, false, 17, 1024, 65535, any, false, true}, {150, false, 1, 0, 0, any, false, true},
           {160, false, -1, 0, 0, ten, false, true},        {32767, false, -1, 0, 0, any, false, false}};
  } else {
    out = {{50, true, 6, 25, 25, any, false, false},       {100, true, -1, 0, 0, ten, false, true},
           {110, true, -1, 0, 0, cgnat, false, true},      {120, true, -1, 0, 0, corp, false, true},
           {130, true, 6, 443, 443, any, false, true},     {140, true, 6, 80, 80, any, false, true},
           {150, true, 6, 1024, 65535, any, false, true},  {160, true, 17, 53, 53, any, false, true},
           {170, true, 17, 123, 123, any, false, true},    {32767, true, -1, 0, 0, any, false, false},
           {50, false, -1, 0, 0, blocked, false, false},   {100, false, -1, 0, 0, ten, false, true},
           {110, false, -1, 0, 0, cgnat, false, true},     {120, false, -1, 0, 0, corp, false, true},
           {130, false, 6, 1024, 65535, any, false, true}, {140, false, 17, 1024, 65535, any, false, true},
           {150, false, 1, 0, 0, any, false, true},        {160, false, 6, 22, 22, any, false, false},
           {170, false, 6, 443, 443, any, false, true},    {32767, false, -1, 0, 0, any, false, false}};
  }
  return out;
}

}  // namespace

int AclEntryCount(const Estate& estate, const Acl& acl) {
  return static_cast<int>(Entries(estate, acl).size());
}

void WriteNetworkAcl(JsonWriter& w, const Estate& e, const Scope& scope, int index) {
  const Acl& acl = e.acls[U(index)];
  const Vpc& vpc = e.vpcs[U(acl.vpc)];
  w.BeginObject();
  w.Key("Associations");
  w.BeginArray();
  for (int subnet : acl.subnets) {
    w.BeginObject();
    IdField(w, "NetworkAclAssociationId", "aclassoc-", Mix64(acl.id ^ static_cast<std::uint64_t>(subnet)));
    IdField(w, "NetworkAclId", "acl-", acl.id);
    IdField(w, "SubnetId", "subnet-", e.subnets[U(subnet)].id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("Entries");
  w.BeginArray();
  for (const AclEntry& entry : Entries(e, acl)) {
    w.BeginObject();
    if (!entry.v6_all) CidrField(w, "CidrBlock", entry.cidr);
    w.FieldBool("Egress", entry.egress);
    if (entry.protocol == 1) {
      w.Key("IcmpTypeCode");
      w.BeginObject();
      w.FieldInt("Code", -1);
      w.FieldInt("Type", -1);
      w.EndObject();
    }
    if (entry.v6_all) w.Field("Ipv6CidrBlock", "::/0");
    if (entry.protocol == 6 || entry.protocol == 17) {
      w.Key("PortRange");
      w.BeginObject();
      w.FieldInt("From", entry.from);
      w.FieldInt("To", entry.to);
      w.EndObject();
    }
    w.Field("Protocol", entry.protocol == -1  ? "-1"
                        : entry.protocol == 1 ? "1"
                        : entry.protocol == 6 ? "6"
                                              : "17");
    w.Field("RuleAction", entry.allow ? "allow" : "deny");
    w.FieldInt("RuleNumber", entry.number);
    w.EndObject();
  }
  w.EndArray();
  w.FieldBool("IsDefault", acl.kind == 0);
  IdField(w, "NetworkAclId", "acl-", acl.id);
  if (acl.kind == 0) {
    w.EmptyArray("Tags");
  } else {
    NameTags(w, vpc.name + (acl.kind == 1 ? "-public-acl" : "-private-acl"), EnvironmentOf(vpc.name));
  }
  IdField(w, "VpcId", "vpc-", vpc.id);
  w.Field("OwnerId", scope.account);
  w.EndObject();
}

}  // namespace reachcheck::bench
