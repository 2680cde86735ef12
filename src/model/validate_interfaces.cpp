// SPDX-License-Identifier: Apache-2.0
// Validate passes for hosts: network interface -> subnet, VPC, instance and security groups;
// instance -> its interfaces, primary first.
#include <algorithm>
#include <string>
#include <vector>

#include "validate_internal.h"

namespace reachcheck::model::detail {

void ResolveInterfaces(Checker& checker) {
  Network& n = checker.network;
  for (NetworkInterface& eni : n.interfaces) {
    auto referrer = [&eni] { return Named("network interface", eni.id); };
    eni.subnet = kNone;
    if (!eni.subnet_id.empty()) {
      eni.subnet = n.FindSubnet(eni.subnet_id, eni.scope);
      if (eni.subnet == kNone) {
        checker.Dangling(eni.origin, referrer(), "refers to", "subnet", eni.subnet_id);
      }
    }
    const Subnet* subnet = eni.subnet == kNone ? nullptr : &n.subnets[eni.subnet];
    if (eni.vpc_id.empty() || (subnet != nullptr && subnet->vpc_id == eni.vpc_id)) {
      eni.vpc = subnet == nullptr ? kNone : subnet->vpc;  // a missing VPC was reported there
    } else {
      eni.vpc = n.FindVpc(eni.vpc_id, eni.scope);
      if (eni.vpc == kNone) {
        checker.Dangling(eni.origin, referrer(), "refers to", "VPC", eni.vpc_id);
      }
    }
    eni.instance = kNone;
    if (!eni.instance_id.empty()) {
      eni.instance = n.FindInstance(eni.instance_id, eni.scope);
      if (eni.instance == kNone) {
        checker.Dangling(eni.origin, referrer(), "is attached to", "instance", eni.instance_id);
      }
    }
    eni.groups.clear();
    eni.groups.reserve(eni.group_ids.size());
    for (const base::Text& group_id : eni.group_ids) {
      if (group_id.empty()) continue;
      const Handle group = n.FindSecurityGroup(group_id, eni.scope);
      if (group == kNone) {
        checker.Dangling(eni.origin, referrer(), "refers to", "security group", group_id);
      } else if (std::find(eni.groups.begin(), eni.groups.end(), group) == eni.groups.end()) {
        eni.groups.push_back(group);
      }
    }
  }
}

void ResolveInstances(Checker& checker) {
  Network& n = checker.network;
  // claimed[i]: the instance interface i was given to, so each is listed once.
  std::vector<Handle> claimed(n.interfaces.size(), kNone);
  for (Handle i = 0; i < n.instances.size(); ++i) {
    Instance& instance = n.instances[i];
    instance.interfaces.clear();
    for (const base::Text& eni_id : instance.interface_ids) {
      if (eni_id.empty()) continue;
      const Handle eni = n.FindInterface(eni_id, instance.scope);
      if (eni == kNone) {
        checker.Dangling(instance.origin, Named("instance", instance.id), "refers to", "network interface",
                         eni_id);
        continue;
      }
      if (claimed[eni] != kNone) continue;
      claimed[eni] = i;
      instance.interfaces.push_back(eni);
      // An interface known only from the instance's record may not name its instance.
      if (n.interfaces[eni].instance_id.empty()) n.interfaces[eni].instance = i;
    }
  }
  // Interfaces whose attachment names an instance that does not list them.
  for (Handle eni = 0; eni < n.interfaces.size(); ++eni) {
    const Handle i = n.interfaces[eni].instance;
    if (i == kNone || claimed[eni] != kNone) continue;
    claimed[eni] = i;
    n.instances[i].interfaces.push_back(eni);
  }
  for (Instance& instance : n.instances) {
    std::stable_sort(instance.interfaces.begin(), instance.interfaces.end(), [&](Handle a, Handle b) {
      return n.interfaces[a].device_index < n.interfaces[b].device_index;
    });
  }
}

}  // namespace reachcheck::model::detail
