// SPDX-License-Identifier: Apache-2.0
// ModelBuilder::Build: the AWS defaults a real snapshot would show (default ACLs, "*" deny
// entries, local routes, attachments), builder SourceRefs, then model::Validate.
#include <algorithm>
#include <set>
#include <stdexcept>

#include "reachcheck/model/validate.h"
#include "support/model_builder.h"

namespace reachcheck::testing {

namespace {

std::string ScopedKey(model::Handle scope, const std::string& id) { return std::to_string(scope) + "/" + id; }

void AddDefaultAcl(model::Network& n, const model::Vpc& vpc) {
  model::NetworkAcl acl;
  acl.id = "acl-default-" + vpc.id;
  acl.scope = vpc.scope;
  acl.vpc_id = vpc.id;
  acl.owner_id = vpc.owner_id;
  acl.is_default = true;
  for (std::vector<model::AclEntry>* entries : {&acl.inbound, &acl.outbound}) {
    entries->push_back({100, true, ServiceOf("-1", -1, -1), CidrOf("0.0.0.0/0"), {}});
    entries->push_back({101, true, ServiceOf("-1", -1, -1), CidrOf("::/0"), {}});
  }
  n.network_acls.push_back(std::move(acl));
}

void AddImplicitDeny(std::vector<model::AclEntry>& entries) {
  const bool has = std::any_of(entries.begin(), entries.end(),
                               [](const model::AclEntry& e) { return e.rule_number >= 32767; });
  if (!has) {
    entries.push_back({32767, false, ServiceOf("-1", -1, -1), CidrOf("0.0.0.0/0"), {}});
    entries.push_back({32768, false, ServiceOf("-1", -1, -1), CidrOf("::/0"), {}});
  }
}

void AddLocalRoutes(model::RouteTable& table, const model::Vpc& vpc) {
  std::vector<model::Route> local;
  auto add = [&](const net::Cidr& cidr) {
    const bool has = std::any_of(table.routes.begin(), table.routes.end(),
                                 [&](const model::Route& r) { return r.destination == cidr; });
    if (has) return;
    model::Route route;
    route.destination = cidr;
    route.target_kind = model::TargetKind::kLocal;
    route.target_id = "local";
    route.route_origin = model::RouteOrigin::kCreateRouteTable;
    local.push_back(route);
  };
  for (const net::Cidr& cidr : vpc.ipv4_cidrs) add(cidr);
  for (const net::Cidr& cidr : vpc.ipv6_cidrs) add(cidr);
  table.routes.insert(table.routes.begin(), local.begin(), local.end());
}

void FillSide(const model::Network& n, const model::VpcPeering& peering, model::PeeringSide& side) {
  const model::Handle h = n.FindVpc(side.vpc_id, peering.scope);
  if (h == model::kNone) return;
  const model::Vpc& vpc = n.vpcs[h];
  if (side.owner_id.empty()) side.owner_id = vpc.owner_id;
  if (side.region.empty() && vpc.scope < n.scopes.size()) side.region = n.scopes[vpc.scope].region;
  if (side.ipv4_cidrs.empty() && side.ipv6_cidrs.empty()) {
    side.ipv4_cidrs = vpc.ipv4_cidrs;
    side.ipv6_cidrs = vpc.ipv6_cidrs;
  }
}

void SetOrigin(base::SourceRef& origin, const std::string& pointer) {
  if (origin.file.empty() && origin.pointer.empty()) origin = {"builder", pointer};
}

template <typename T>
void SetOrigins(std::vector<T>& items, const std::string& name) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    SetOrigin(items[i].origin, "/" + name + "/" + std::to_string(i));
  }
}

template <typename T>
void SetNestedOrigins(std::vector<T>& items, const std::string& prefix) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    SetOrigin(items[i].origin, prefix + "/" + std::to_string(i));
  }
}

void SetAllOrigins(model::Network& n) {
  SetOrigins(n.vpcs, "vpcs");
  SetOrigins(n.subnets, "subnets");
  SetOrigins(n.route_tables, "route_tables");
  for (std::size_t i = 0; i < n.route_tables.size(); ++i) {
    const std::string prefix = "/route_tables/" + std::to_string(i);
    SetNestedOrigins(n.route_tables[i].routes, prefix + "/routes");
    SetNestedOrigins(n.route_tables[i].associations, prefix + "/associations");
  }
  SetOrigins(n.internet_gateways, "internet_gateways");
  SetOrigins(n.nat_gateways, "nat_gateways");
  SetOrigins(n.peerings, "peerings");
  SetOrigins(n.security_groups, "security_groups");
  for (std::size_t i = 0; i < n.security_groups.size(); ++i) {
    const std::string prefix = "/security_groups/" + std::to_string(i);
    SetNestedOrigins(n.security_groups[i].ingress, prefix + "/ingress");
    SetNestedOrigins(n.security_groups[i].egress, prefix + "/egress");
  }
  SetOrigins(n.network_acls, "network_acls");
  for (std::size_t i = 0; i < n.network_acls.size(); ++i) {
    const std::string prefix = "/network_acls/" + std::to_string(i);
    SetNestedOrigins(n.network_acls[i].inbound, prefix + "/inbound");
    SetNestedOrigins(n.network_acls[i].outbound, prefix + "/outbound");
    SetNestedOrigins(n.network_acls[i].associations, prefix + "/associations");
  }
  SetOrigins(n.interfaces, "interfaces");
  SetOrigins(n.instances, "instances");
  SetOrigins(n.elastic_ips, "elastic_ips");
  SetOrigins(n.prefix_lists, "prefix_lists");
  SetOrigins(n.endpoints, "endpoints");
  SetOrigins(n.unanalysed, "unanalysed");
}

}  // namespace

void ModelBuilder::Finish(model::Network& n) const {
  n.BuildIndex();
  if (default_acls_) {
    std::set<std::string> covered = vpcs_without_default_acl_;
    for (const model::NetworkAcl& acl : n.network_acls) {
      if (acl.is_default) covered.insert(ScopedKey(acl.scope, acl.vpc_id));
    }
    const std::size_t vpc_count = n.vpcs.size();
    for (std::size_t v = 0; v < vpc_count; ++v) {
      if (!covered.count(ScopedKey(n.vpcs[v].scope, n.vpcs[v].id))) AddDefaultAcl(n, n.vpcs[v]);
    }
  }
  for (model::Handle a = 0; a < n.network_acls.size(); ++a) {
    model::NetworkAcl& acl = n.network_acls[a];
    if (!acls_without_implicit_deny_.count(a)) {
      AddImplicitDeny(acl.inbound);
      AddImplicitDeny(acl.outbound);
    }
    auto by_number = [](const model::AclEntry& x, const model::AclEntry& y) {
      return x.rule_number < y.rule_number;
    };
    std::stable_sort(acl.inbound.begin(), acl.inbound.end(), by_number);
    std::stable_sort(acl.outbound.begin(), acl.outbound.end(), by_number);
  }
  for (model::Handle t = 0; t < n.route_tables.size(); ++t) {
    model::RouteTable& table = n.route_tables[t];
    const model::Handle vpc = n.FindVpc(table.vpc_id, table.scope);
    if (vpc != model::kNone && !tables_without_local_routes_.count(t)) {
      AddLocalRoutes(table, n.vpcs[vpc]);
    }
  }
  for (model::NetworkInterface& eni : n.interfaces) {
    const model::Handle subnet = n.FindSubnet(eni.subnet_id, eni.scope);
    if (subnet == model::kNone) continue;
    if (eni.vpc_id.empty()) eni.vpc_id = n.subnets[subnet].vpc_id;
    if (eni.availability_zone.empty()) eni.availability_zone = n.subnets[subnet].availability_zone;
  }
  for (model::Instance& instance : n.instances) {
    for (std::size_t k = 0; k < instance.interface_ids.size(); ++k) {
      const model::Handle h = n.FindInterface(instance.interface_ids[k], instance.scope);
      if (h == model::kNone) continue;
      model::NetworkInterface& eni = n.interfaces[h];
      if (eni.instance_id.empty()) {
        eni.instance_id = instance.id;
        eni.device_index = static_cast<int>(k);
        eni.attachment_status = "attached";
      }
      if (k == 0 && instance.vpc_id.empty()) instance.vpc_id = eni.vpc_id;
      if (k == 0 && instance.subnet_id.empty()) instance.subnet_id = eni.subnet_id;
    }
  }
  for (model::NatGateway& nat : n.nat_gateways) {
    const model::Handle subnet = n.FindSubnet(nat.subnet_id, nat.scope);
    if (subnet != model::kNone && nat.vpc_id.empty()) nat.vpc_id = n.subnets[subnet].vpc_id;
  }
  for (model::VpcPeering& peering : n.peerings) {
    FillSide(n, peering, peering.requester);
    FillSide(n, peering, peering.accepter);
  }
  SetAllOrigins(n);
}

model::Network ModelBuilder::Build(base::Diagnostics& diagnostics) const {
  model::Network n = network_;
  Finish(n);
  model::Validate(n, diagnostics);
  return n;
}

model::Network ModelBuilder::Build() const {
  base::Diagnostics diagnostics;
  model::Network n = Build(diagnostics);
  if (!diagnostics.Empty()) {
    std::string text = "ModelBuilder::Build(): the network has diagnostics:";
    for (const base::Diagnostic& d : diagnostics.All()) text += "\n" + d.ToString();
    throw std::logic_error(text);
  }
  return n;
}

}  // namespace reachcheck::testing
