// SPDX-License-Identifier: Apache-2.0
// sg-open-admin-port-reachable: a security group that opens an administration or database
// port to 0.0.0.0/0 or ::/0, graded by the engine: reachable from the internet through the
// whole path is an error (with the path); an interface the internet cannot reach is a note
// that says what blocks it.
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace sg_open_admin_port_reachable {

struct OpenGroup {
  model::Handle group = model::kNone;
  net::PortSet ports;     // admin ports opened to the world
  base::SourceRef where;  // the first such rule
  std::string rule_text;  // "tcp/3389 from 0.0.0.0/0"
};

std::vector<OpenGroup> WorldOpenGroups(const model::Network& network, const net::PortSet& admin) {
  std::vector<OpenGroup> open;
  for (model::Handle h = 0; h < network.security_groups.size(); ++h) {
    OpenGroup entry;
    entry.group = h;
    for (const model::SgRule& rule : network.security_groups[h].ingress) {
      if (rule.peer_kind != model::PeerKind::kCidr || rule.cidr.length != 0) continue;
      if (!rule.service.protocols.Contains(net::kTcp)) continue;
      net::PortSet ports = rule.service.ports.Intersect(admin);
      if (ports.IsEmpty()) continue;
      if (entry.ports.IsEmpty()) {
        entry.where = rule.origin;
        entry.rule_text = rule.ToString();
      }
      entry.ports = entry.ports.Union(ports);
    }
    if (!entry.ports.IsEmpty()) open.push_back(entry);
  }
  return open;
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "sg-open-admin-port-reachable"; }
  const char* Summary() const override {
    return "administration/database ports open to the world, graded by engine reachability";
  }
  std::vector<ParamSpec> Parameters() const override {
    return {{"ports", ParamType::kPortList, "[22, 3389, 3306, 5432, 1433, 1521, 27017, 6379, 9200]",
             "the administration and database ports (tcp)"}};
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    std::vector<OpenGroup> open = WorldOpenGroups(network, context.Ports("ports"));
    if (open.empty()) return;
    analysis::EndpointResolution internet = analysis::ResolveEndpoint(network, "internet");
    if (!internet.ok) return;
    analysis::Query query;  // one question per interface; only the destination and ports change
    query.source = std::move(internet.endpoint);
    query.protocols = net::ProtocolSet::Single(net::kTcp);
    query.exact_internet_addresses = false;  // only verdicts, paths and blockers are read
    query.destination.kind = analysis::EndpointKind::kInterface;
    std::vector<std::vector<model::Handle>> members(network.security_groups.size());
    for (model::Handle h = 0; h < network.interfaces.size(); ++h) {
      for (model::Handle group : network.interfaces[h].groups) {
        if (group < members.size() && (members[group].empty() || members[group].back() != h))
          members[group].push_back(h);
      }
    }
    for (const OpenGroup& entry : open) {
      const model::SecurityGroup& sg = network.security_groups[entry.group];
      for (model::Handle h : members[entry.group]) {
        const model::NetworkInterface& eni = network.interfaces[h];
        query.destination.text = eni.id;
        query.destination.interfaces = {h};
        query.ports = entry.ports;
        analysis::QueryResult result = context.engine().Analyze(query);
        net::PortSet reachable_ports;
        const analysis::PacketClass* witness = nullptr;
        const analysis::PacketClass* blocked = nullptr;
        for (const analysis::PacketClass& c : result.classes) {
          if (c.reachable) {
            reachable_ports = reachable_ports.Union(c.ports);
            if (witness == nullptr) witness = &c;
          } else if (blocked == nullptr) {
            blocked = &c;
          }
        }
        std::vector<std::string> resources = {sg.id, eni.id};
        if (!eni.instance_id.empty()) resources.push_back(eni.instance_id);
        std::string host = eni.id + (eni.instance_id.empty() ? "" : " (" + eni.instance_id + ")");
        std::string opened = sg.id + " allows " + entry.rule_text;
        if (witness != nullptr) {
          Finding f =
              context.Make(resources,
                           opened + ", and " + host + " is reachable from the internet on tcp/" +
                               net::PortSetToString(reachable_ports) + " at " +
                               AddressText(witness->destination) + " via " + PathSummary(witness->forward),
                           entry.where);
          f.path = witness->forward;
          out.push_back(std::move(f));
        } else {
          std::string why = "no packet gets there";
          if (blocked != nullptr && !blocked->blocked_by.empty()) {
            const analysis::Blocker& b = blocked->blocked_by.front();
            why = "blocked by " + b.component + " (" + b.code +
                  (b.return_path ? ", on the return path" : "") + (b.detail.empty() ? "" : ": " + b.detail) +
                  ")";
          }
          Finding f = context.Make(
              resources,
              opened + " on " + host + ", but the internet cannot reach it on tcp/" +
                  net::PortSetToString(entry.ports) + ": " + why +
                  "; keep the rule narrow anyway, as one route or address change would expose it",
              entry.where);
          f.severity = base::Severity::kNote;
          if (blocked != nullptr) f.path = blocked->forward;
          out.push_back(std::move(f));
        }
      }
    }
  }
};

}  // namespace sg_open_admin_port_reachable

const NativeCheck& SgOpenAdminPortReachable() {
  static const sg_open_admin_port_reachable::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
