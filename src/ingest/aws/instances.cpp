// SPDX-License-Identifier: Apache-2.0
// describe-instances: Reservations[].Instances[]. Interfaces inlined in an instance become
// network interfaces of their own (from_instance) unless describe-network-interfaces lists
// them too (the post-pass drops the inline copy then, see finish.cpp).
#include <algorithm>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

void ParseInstance(const Node& element, const std::string& reservation_owner, FileContext& context) {
  element.ExpectObject("an instance");
  model::Instance instance;
  instance.id = element.String("InstanceId");
  if (std::optional<Node> state = element.OptObject("State")) {
    instance.state = state->StringOr("Name");
  }
  instance.vpc_id = element.StringOr("VpcId");
  instance.subnet_id = element.StringOr("SubnetId");
  instance.instance_type = element.StringOr("InstanceType");
  std::string zone;
  if (std::optional<Node> placement = element.OptObject("Placement")) {
    zone = placement->StringOr("AvailabilityZone");
  }
  // Checked for its type and value even though the interfaces carry the addresses.
  bool has_address = element.OptAddress("PrivateIpAddress", net::Family::kV4).has_value();
  instance.tags = ReadTags(element);
  instance.scope = context.ScopeOf(reservation_owner, zone);
  instance.origin = context.Ref(element.Pointer());

  std::vector<model::NetworkInterface> inline_interfaces;
  if (std::optional<Node> list = element.OptArray("NetworkInterfaces")) {
    inline_interfaces.reserve(list->Size());
    for (const Node& item : list->Elements()) {
      item.ExpectObject("a network interface");
      model::NetworkInterface eni;
      ReadInterfaceFields(item, eni, context);
      if (eni.instance_id.empty()) eni.instance_id = instance.id;
      if (eni.availability_zone.empty()) eni.availability_zone = zone;
      eni.from_instance = true;
      eni.tags = ReadTags(item, "TagSet");
      eni.scope = instance.scope;
      eni.origin = context.Ref(item.Pointer());
      inline_interfaces.push_back(std::move(eni));
    }
  }
  std::stable_sort(inline_interfaces.begin(), inline_interfaces.end(),
                   [](const model::NetworkInterface& a, const model::NetworkInterface& b) {
                     return a.device_index < b.device_index;
                   });
  instance.interface_ids.reserve(inline_interfaces.size());
  for (const model::NetworkInterface& eni : inline_interfaces) instance.interface_ids.push_back(eni.id);

  model::Network& network = context.network();
  if (inline_interfaces.empty() && instance.state != "terminated" &&
      (has_address || !instance.subnet_id.empty())) {
    context.state().instances_without_interfaces.push_back(
        static_cast<model::Handle>(network.instances.size()));
  }
  for (model::NetworkInterface& eni : inline_interfaces) network.interfaces.push_back(std::move(eni));
  network.instances.push_back(std::move(instance));
}

}  // namespace

void ParseReservation(const Node& element, FileContext& context) {
  element.ExpectObject("a reservation");
  const std::string owner = element.StringOr("OwnerId");
  std::optional<Node> list = element.OptArray("Instances");
  if (!list) return;
  context.ForEach(*list, [&](const Node& instance) { ParseInstance(instance, owner, context); });
}

}  // namespace reachcheck::ingest::aws
