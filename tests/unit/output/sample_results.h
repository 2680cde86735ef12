// SPDX-License-Identifier: Apache-2.0
// Hand-made QueryResults, exposures and topologies for the formatter tests.
#pragma once

#include <string>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/analysis/result.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::output::samples {

inline net::AddressSet Cidrs(std::initializer_list<const char*> texts) {
  net::AddressSet set;
  for (const char* text : texts) set = set.Union(net::AddressSet::Of(*net::ParseCidr(text).cidr));
  return set;
}

inline analysis::Hop MakeHop(std::string component, std::string type, std::string detail,
                             std::string file = "", std::string pointer = "") {
  analysis::Hop hop;
  hop.component = std::move(component);
  hop.type = std::move(type);
  hop.detail = std::move(detail);
  hop.where.file = std::move(file);
  hop.where.pointer = std::move(pointer);
  return hop;
}

/// An unreachable tcp/22 class: blocked by a security group on the way in and by the source
/// subnet's ACL on the way back.
inline analysis::PacketClass SshBlocked() {
  analysis::PacketClass c;
  c.reachable = false;
  c.source = "eni-0a";
  c.source_addresses = Cidrs({"10.0.1.5/32"});
  c.source_ports = net::EphemeralPorts();
  c.destination = Cidrs({"10.0.2.7/32"});
  c.protocols = net::ProtocolSet::Single(net::kTcp);
  c.ports = net::PortSet::Single(22);
  c.delivered_to = "eni-0b";
  c.forward = {MakeHop("eni-0a", "network-interface", "sends from 10.0.1.5"),
               MakeHop("rtb-1", "route-table", "route 10.0.0.0/16 -> local", "net/RouteTables.json",
                       "/RouteTables/0/Routes/0"),
               MakeHop("eni-0b", "network-interface", "receives at 10.0.2.7")};
  analysis::Blocker sg;
  sg.component = "sg-0b";
  sg.code = "ENI_SG_RULES_MISMATCH";
  sg.direction = "ingress";
  sg.detail = "no ingress rule of sg-0b admits tcp/22 from 10.0.1.5";
  sg.where = {"net/SecurityGroups.json", "/SecurityGroups/1", 0, 0};
  analysis::Blocker acl;
  acl.component = "acl-0a";
  acl.code = "SUBNET_ACL_RESTRICTION";
  acl.direction = "ingress";
  acl.return_path = true;
  acl.detail = "rule 100 deny tcp/1024-65535 from 10.0.2.0/24";
  acl.where = {"net/NetworkAcls.json", "/NetworkAcls/0/Entries/0", 0, 0};
  c.blocked_by = {sg, acl};
  c.suggestion = "add an ingress rule tcp/22 from 10.0.1.5/32 to sg-0b";
  return c;
}

/// A reachable tcp/443 class to the internet through an internet gateway.
inline analysis::PacketClass HttpsOut() {
  analysis::PacketClass c;
  c.reachable = true;
  c.source = "eni-0a";
  c.source_addresses = Cidrs({"10.0.1.5/32"});
  c.source_ports = net::EphemeralPorts();
  c.destination = Cidrs({"1.0.0.0/8", "2.0.0.0/8", "3.0.0.0/8", "4.0.0.0/8", "5.0.0.0/8", "6.0.0.0/8",
                         "7.0.0.0/8", "9.0.0.0/8"});
  c.protocols = net::ProtocolSet::Single(net::kTcp);
  c.ports = net::PortSet::Single(443);
  c.delivered_to = "internet";
  c.forward = {MakeHop("eni-0a", "network-interface", "sends from 10.0.1.5"),
               MakeHop("sg-0a", "security-group", "egress allowed by rule all to 0.0.0.0/0",
                       "net/SecurityGroups.json", "/SecurityGroups/0/IpPermissionsEgress/0/IpRanges/0"),
               MakeHop("igw-1", "internet-gateway", "translates 10.0.1.5 -> 54.1.2.3"),
               MakeHop("internet", "internet", "delivered")};
  c.reply = {MakeHop("internet", "internet", "reply to 54.1.2.3"),
             MakeHop("igw-1", "internet-gateway", "translates 54.1.2.3 -> 10.0.1.5"),
             MakeHop("eni-0a", "network-interface", "reply received")};
  return c;
}

/// A mixed answer: one reachable, one unreachable class (engine order: reachable first).
inline analysis::QueryResult Mixed() {
  analysis::QueryResult result;
  result.verdict = analysis::Verdict::kPartial;
  result.classes = {HttpsOut(), SshBlocked()};
  result.notes = {"subnet-9 has no network ACL in the snapshot"};
  return result;
}

}  // namespace reachcheck::output::samples
