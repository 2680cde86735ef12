// SPDX-License-Identifier: Apache-2.0
// DescribeNetwork: a compact text dump of a model::Network (every field the reachability
// analysis reads), printed when a differential test case fails.
#include <sstream>

#include "support/random_network.h"

namespace reachcheck::testing {

namespace {

std::string Join(const std::vector<net::Cidr>& cidrs) {
  std::string out;
  for (const net::Cidr& c : cidrs) out += (out.empty() ? "" : ",") + c.ToString();
  return out;
}

std::string ScopeText(const model::Network& n, model::Handle scope) {
  if (scope >= n.scopes.size()) return "?";
  return n.scopes[scope].account + "/" + n.scopes[scope].region;
}

void DescribeRouting(const model::Network& n, std::ostringstream& out) {
  for (const model::RouteTable& t : n.route_tables) {
    out << "rtb " << t.id << " vpc=" << t.vpc_id << (t.IsMain() ? " main" : "") << '\n';
    for (const model::Route& r : t.routes) {
      out << "  " << r.DestinationText() << " -> " << r.target_id << " ("
          << model::TargetKindName(r.target_kind) << (r.target == model::kNone ? ", unresolved" : "") << ')'
          << (r.state == model::RouteState::kBlackhole ? " blackhole" : "")
          << (r.route_origin == model::RouteOrigin::kPropagated ? " propagated" : "") << '\n';
    }
  }
  for (const model::InternetGateway& g : n.internet_gateways) {
    out << (g.egress_only ? "eigw " : "igw ") << g.id;
    for (const model::GatewayAttachment& a : g.attachments)
      out << " attached=" << a.vpc_id << '(' << a.state << ')';
    out << '\n';
  }
  for (const model::NatGateway& g : n.nat_gateways) {
    out << "nat " << g.id << " subnet=" << g.subnet_id << " state=" << g.state << ' ' << g.connectivity;
    for (const model::NatAddress& a : g.addresses) {
      out << ' ' << (a.private_ip ? a.private_ip->ToString() : "?") << '/'
          << (a.public_ip ? a.public_ip->ToString() : "-");
    }
    out << '\n';
  }
  for (const model::VpcPeering& p : n.peerings) {
    out << "pcx " << p.id << " status=" << p.status << " requester=" << p.requester.vpc_id << '('
        << p.requester.owner_id << ' ' << p.requester.region << ' ' << Join(p.requester.ipv4_cidrs)
        << ") accepter=" << p.accepter.vpc_id << '(' << p.accepter.owner_id << ' ' << p.accepter.region << ' '
        << Join(p.accepter.ipv4_cidrs) << ")\n";
  }
}

void DescribeFilters(const model::Network& n, std::ostringstream& out) {
  for (const model::PrefixList& p : n.prefix_lists) out << "pl " << p.id << ' ' << Join(p.cidrs) << '\n';
  for (const model::SecurityGroup& g : n.security_groups) {
    out << "sg " << g.id << " vpc=" << g.vpc_id << '\n';
    for (const model::SgRule& r : g.ingress) out << "  in  " << r.ToString() << '\n';
    for (const model::SgRule& r : g.egress) out << "  out " << r.ToString() << '\n';
  }
  for (const model::NetworkAcl& a : n.network_acls) {
    out << "acl " << a.id << " vpc=" << a.vpc_id << (a.is_default ? " default" : "") << " subnets=";
    for (const model::AclAssociation& s : a.associations) out << s.subnet_id << ',';
    out << '\n';
    for (const model::AclEntry& e : a.inbound) out << "  in  " << e.ToString() << '\n';
    for (const model::AclEntry& e : a.outbound) out << "  out " << e.ToString() << '\n';
  }
}

void DescribeHosts(const model::Network& n, std::ostringstream& out) {
  for (const model::NetworkInterface& i : n.interfaces) {
    out << "eni " << i.id << " subnet=" << i.subnet_id << " status=" << i.status
        << " type=" << i.interface_type << " sdc=" << (i.source_dest_check ? "on" : "off")
        << " instance=" << i.instance_id << " groups=";
    for (const base::Text& g : i.group_ids) out << g << ',';
    for (const model::PrivateAddress& a : i.private_addresses) {
      out << ' ' << a.address.ToString() << (a.public_ip ? "/" + a.public_ip->ToString() : "");
    }
    for (const net::IpAddress& a : i.ipv6_addresses) out << ' ' << a.ToString();
    out << '\n';
  }
  for (const model::Instance& i : n.instances) {
    out << "instance " << i.id << " state=" << i.state << " interfaces=";
    for (model::Handle h : i.interfaces) out << n.interfaces[h].id << ',';
    out << '\n';
  }
  for (const model::ElasticIp& e : n.elastic_ips) {
    out << "eip " << e.id << ' ' << e.public_ip.ToString() << " eni=" << e.network_interface_id << '\n';
  }
}

}  // namespace

std::string DescribeNetwork(const model::Network& n) {
  std::ostringstream out;
  for (const model::Vpc& v : n.vpcs) {
    out << "vpc " << v.id << ' ' << ScopeText(n, v.scope) << ' ' << Join(v.ipv4_cidrs) << ' '
        << Join(v.ipv6_cidrs) << '\n';
  }
  for (const model::Subnet& s : n.subnets) {
    out << "subnet " << s.id << " vpc=" << s.vpc_id << ' ' << (s.has_ipv4 ? s.ipv4_cidr.ToString() : "-")
        << ' ' << Join(s.ipv6_cidrs)
        << " rtb=" << (s.route_table == model::kNone ? "-" : n.route_tables[s.route_table].id)
        << " acl=" << (s.network_acl == model::kNone ? "-" : n.network_acls[s.network_acl].id) << '\n';
  }
  DescribeRouting(n, out);
  DescribeFilters(n, out);
  DescribeHosts(n, out);
  return out.str();
}

}  // namespace reachcheck::testing
