// SPDX-License-Identifier: Apache-2.0
// Validate pass: Elastic IPs become the public address of the private address they are
// associated with; a NAT gateway's Elastic IP fills the NAT's own address record instead.
#include <string>
#include <unordered_map>
#include <vector>

#include "validate_internal.h"

namespace reachcheck::model::detail {

namespace {

// The NAT address an Elastic IP belongs to, found by allocation id or NAT interface id.
class NatAddressIndex {
 public:
  explicit NatAddressIndex(Network& network) {
    for (NatGateway& nat : network.nat_gateways) {
      for (NatAddress& address : nat.addresses) {
        if (!address.allocation_id.empty()) by_allocation_.emplace(address.allocation_id, &address);
        if (!address.network_interface_id.empty()) {
          by_interface_.emplace(address.network_interface_id, &address);
        }
      }
    }
  }
  NatAddress* Find(const ElasticIp& eip) const {
    if (!eip.allocation_id.empty()) {
      auto it = by_allocation_.find(eip.allocation_id);
      if (it != by_allocation_.end()) return it->second;
    }
    if (!eip.network_interface_id.empty()) {
      auto [first, last] = by_interface_.equal_range(eip.network_interface_id);
      for (auto it = first; it != last; ++it) {
        if (!eip.private_ip || it->second->private_ip == eip.private_ip) return it->second;
      }
    }
    return nullptr;
  }

 private:
  std::unordered_map<std::string, NatAddress*> by_allocation_;
  std::unordered_multimap<std::string, NatAddress*> by_interface_;
};

// The interface an Elastic IP is associated with, or kNone (with a warning when dangling).
Handle FindInterfaceOf(Checker& checker, const ElasticIp& eip) {
  const Network& n = checker.network;
  auto referrer = [&eip] { return Named("Elastic IP", eip.id); };
  if (!eip.network_interface_id.empty()) {
    const Handle eni = n.FindInterface(eip.network_interface_id, eip.scope);
    if (eni == kNone) {
      checker.Dangling(eip.origin, referrer(), "is associated with", "network interface",
                       eip.network_interface_id);
    }
    return eni;
  }
  if (eip.instance_id.empty()) return kNone;
  const Handle instance = n.FindInstance(eip.instance_id, eip.scope);
  if (instance == kNone) {
    checker.Dangling(eip.origin, referrer(), "is associated with", "instance", eip.instance_id);
    return kNone;
  }
  if (n.instances[instance].interfaces.empty()) {
    checker.diagnostics.Warning("input-dangling-ref",
                                referrer() + " is associated with " + Named("instance", eip.instance_id) +
                                    " which has no network interface in the snapshot",
                                eip.origin);
    return kNone;
  }
  return n.instances[instance].interfaces.front();
}

void MergeInto(Checker& checker, const ElasticIp& eip, NetworkInterface& eni) {
  auto referrer = [&eip] { return Named("Elastic IP", eip.id); };
  PrivateAddress* target = nullptr;
  for (PrivateAddress& address : eni.private_addresses) {
    if (eip.private_ip ? address.address == *eip.private_ip : address.primary) {
      target = &address;
      break;
    }
  }
  if (target == nullptr && !eip.private_ip && !eni.private_addresses.empty()) {
    target = &eni.private_addresses.front();
  }
  if (target == nullptr) {
    if (eip.private_ip) {
      checker.diagnostics.Warning("input-dangling-ref",
                                  referrer() + " is associated with private address " +
                                      eip.private_ip->ToString() + " which " +
                                      Named("network interface", eni.id) + " does not have",
                                  eip.origin);
    }
    return;
  }
  if (!target->public_ip) {
    target->public_ip = eip.public_ip;
    target->allocation_id = eip.allocation_id;
  } else if (*target->public_ip == eip.public_ip) {
    if (target->allocation_id.empty()) target->allocation_id = eip.allocation_id;
  } else {
    checker.Conflict(eip.origin, referrer() + " (" + eip.public_ip.ToString() + ") is associated with " +
                                     target->address.ToString() + " of " +
                                     Named("network interface", eni.id) + " which already has public IP " +
                                     target->public_ip->ToString() + "; " + target->public_ip->ToString() +
                                     " is kept");
  }
}

}  // namespace

void MergeElasticIps(Checker& checker) {
  Network& n = checker.network;
  const NatAddressIndex nat_addresses(n);
  for (ElasticIp& eip : n.elastic_ips) {
    eip.network_interface = kNone;
    if (NatAddress* nat_address = nat_addresses.Find(eip)) {
      // The NAT's interface may be absent from the snapshot: that is no dangling reference.
      if (!eip.network_interface_id.empty()) {
        eip.network_interface = n.FindInterface(eip.network_interface_id, eip.scope);
      }
      if (!nat_address->public_ip) nat_address->public_ip = eip.public_ip;
      if (nat_address->allocation_id.empty()) nat_address->allocation_id = eip.allocation_id;
      continue;
    }
    eip.network_interface = FindInterfaceOf(checker, eip);
    if (eip.network_interface == kNone) continue;
    NetworkInterface& eni = n.interfaces[eip.network_interface];
    if (eni.interface_type == "nat_gateway") continue;  // not an interface public IP
    MergeInto(checker, eip, eni);
  }
}

}  // namespace reachcheck::model::detail
