// SPDX-License-Identifier: Apache-2.0
// nacl-blocks-return-traffic: a network ACL that admits connections in one direction but
// denies their replies (to the client's ephemeral ports 1024-65535) in the other. Computed
// exactly: entries are walked in rule-number order over sets of (remote address, port).
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/lint_util.h"
#include "reachcheck/net/address_set.h"

namespace reachcheck::lint::checks {
namespace nacl_blocks_return_traffic {

// A set of (remote address, port) pairs: addresses x ports.
struct Box {
  net::AddressSet addresses;
  net::PortSet ports;
  bool Empty() const { return addresses.IsEmpty() || ports.IsEmpty(); }
};

// The part of `boxes` each entry decides (first match), and what no entry matches.
struct Walk {
  std::vector<std::pair<std::size_t, Box>> decided;  // entry index, packets it decides
  std::vector<Box> unmatched;                        // left to the implicit deny
};

Walk FirstMatch(const std::vector<model::AclEntry>& entries, std::uint8_t protocol, std::vector<Box> boxes) {
  Walk walk;
  for (std::size_t i = 0; i < entries.size() && !boxes.empty(); ++i) {
    const model::AclEntry& entry = entries[i];
    if (!entry.service.protocols.Contains(protocol)) continue;
    net::AddressSet match_addresses = net::AddressSet::Of(entry.cidr);
    const net::PortSet& match_ports = entry.service.ports;
    std::vector<Box> rest;
    for (const Box& box : boxes) {
      Box inside{box.addresses.Intersect(match_addresses), box.ports.Intersect(match_ports)};
      if (!inside.Empty()) walk.decided.push_back({i, inside});
      Box outside_addresses{box.addresses.Subtract(match_addresses), box.ports};
      Box outside_ports{inside.addresses, box.ports.Subtract(match_ports)};
      if (!outside_addresses.Empty()) rest.push_back(outside_addresses);
      if (!outside_ports.Empty()) rest.push_back(outside_ports);
    }
    boxes = std::move(rest);
  }
  walk.unmatched = std::move(boxes);
  return walk;
}

// An allow entry for an upper port range ending at 65535 (1024-65535, 32768-65535, ...) is
// there for the replies of connections in the other direction, not for a service.
bool IsReplyRule(const model::AclEntry& entry) {
  if (entry.service.ports.IsEmpty() || entry.service.ports.Intervals().size() != 1) return false;
  return entry.service.ports.Min() >= 1024 && entry.service.ports.Max() == 65535 &&
         !entry.service.protocols.IsAll();
}

// `part` of `whole` in the fewest words: its CIDRs, or "<whole> except <the rest>".
std::string Describe(const net::AddressSet& part, const net::AddressSet& whole) {
  std::size_t direct = part.ToCidrs().size();
  net::AddressSet rest = whole.Subtract(part);
  if (direct <= 3 || rest.ToCidrs().size() + whole.ToCidrs().size() >= direct) return AddressText(part, 6);
  return AddressText(whole, 6) + " except " + AddressText(rest, 6);
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "nacl-blocks-return-traffic"; }
  const char* Summary() const override {
    return "network ACLs that admit connections but deny their replies on the ephemeral ports";
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    std::vector<std::vector<std::string>> subnets_of(network.network_acls.size());
    for (const model::Subnet& subnet : network.subnets) {
      if (subnet.network_acl < subnets_of.size()) subnets_of[subnet.network_acl].push_back(subnet.id);
    }
    for (model::Handle h = 0; h < network.network_acls.size(); ++h) {
      const model::NetworkAcl& acl = network.network_acls[h];
      const std::vector<std::string>& subnets = subnets_of[h];
      if (subnets.empty()) continue;  // carries no traffic
      std::vector<std::string> problems;
      base::SourceRef where;
      for (model::Direction direction : {model::Direction::kIngress, model::Direction::kEgress}) {
        CheckDirection(acl, direction, problems, where);
      }
      if (problems.empty()) continue;
      std::vector<std::string> resources = {acl.id};
      resources.insert(resources.end(), subnets.begin(), subnets.end());
      std::string message = acl.id + " (on " + JoinComma(subnets) + "): ";
      for (std::size_t i = 0; i < problems.size(); ++i) message += (i == 0 ? "" : "; ") + problems[i];
      message += ". ACLs are stateless, so these connections never complete";
      out.push_back(context.Make(resources, message, where));
    }
  }

 private:
  // Adds one problem text per allow entry whose replies are denied; `where` is the first.
  static void CheckDirection(const model::NetworkAcl& acl, model::Direction direction,
                             std::vector<std::string>& problems, base::SourceRef& where) {
    model::Direction back =
        direction == model::Direction::kIngress ? model::Direction::kEgress : model::Direction::kIngress;
    const std::vector<model::AclEntry>& forward = acl.Entries(direction);
    const std::vector<model::AclEntry>& reverse = acl.Entries(back);
    for (std::uint8_t protocol : {net::kTcp, net::kUdp}) {
      Walk walk = FirstMatch(forward, protocol, {Box{net::AddressSet::All(), net::PortSet::All()}});
      // Group what each allow entry admits, then check the replies of exactly that.
      for (std::size_t i = 0; i < forward.size(); ++i) {
        const model::AclEntry& entry = forward[i];
        if (!entry.allow || IsReplyRule(entry)) continue;
        // udp is checked only for entries that name udp, so "allow all" entries are judged on tcp.
        if (protocol == net::kUdp && entry.service.protocols != net::ProtocolSet::Single(net::kUdp)) continue;
        net::AddressSet clients;
        for (const auto& [index, box] : walk.decided) {
          if (index == i) clients = clients.Union(box.addresses);
        }
        if (clients.IsEmpty()) continue;
        Walk replies = FirstMatch(reverse, protocol, {Box{clients, net::EphemeralPorts()}});
        net::AddressSet denied;
        std::vector<std::string> deniers;
        for (const auto& [index, box] : replies.decided) {
          if (reverse[index].allow) continue;
          denied = denied.Union(box.addresses);
          std::string text = reverse[index].ToString(back);
          if (std::find(deniers.begin(), deniers.end(), text) == deniers.end()) deniers.push_back(text);
        }
        for (const Box& box : replies.unmatched) denied = denied.Union(box.addresses);
        if (!replies.unmatched.empty()) deniers.push_back("the implicit deny (*)");
        if (denied.IsEmpty()) continue;
        bool in = direction == model::Direction::kIngress;
        if (problems.empty()) where = entry.origin;
        problems.push_back((in ? "inbound " : "outbound ") + entry.ToString(direction) +
                           " admits connections, but their replies (" + net::ProtocolName(protocol) +
                           " to ports 1024-65535 " + (in ? "of the clients" : "of the hosts in the subnet") +
                           ") are denied " + (in ? "outbound" : "inbound") + " by " + JoinComma(deniers) +
                           " for " + Describe(denied, clients));
      }
    }
  }
};

}  // namespace nacl_blocks_return_traffic

const NativeCheck& NaclBlocksReturnTraffic() {
  static const nacl_blocks_return_traffic::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
