// SPDX-License-Identifier: Apache-2.0
// Network interfaces, instances and Elastic IPs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"
#include "reachcheck/model/element.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::model {

struct PrivateAddress {
  net::IpAddress address;
  bool primary = false;
  std::optional<net::IpAddress> public_ip;  ///< Association.PublicIp (or an Elastic IP)
  base::Text allocation_id;                 ///< when the public IP is an Elastic IP
  bool operator==(const PrivateAddress&) const = default;
};

struct NetworkInterface : Element {
  base::Text subnet_id;
  base::Text vpc_id;
  base::Text availability_zone;
  base::Text owner_id;
  base::Text interface_type;  ///< "interface", "nat_gateway", "lambda", "vpc_endpoint", ...
  base::Text requester_id;    ///< e.g. "amazon-elb", AWS Lambda's account
  bool requester_managed = false;
  base::Text description;
  base::Text status;  ///< "in-use", "available", ...
  bool source_dest_check = true;
  std::vector<base::Text> group_ids;
  std::vector<PrivateAddress> private_addresses;  ///< primary first
  std::vector<net::IpAddress> ipv6_addresses;
  base::Text instance_id;  ///< Attachment.InstanceId
  int device_index = 0;
  base::Text attachment_status;
  bool from_instance = false;  ///< only known from a Reservations entry
  // Resolved by Validate:
  Handle subnet = kNone;
  Handle vpc = kNone;
  Handle instance = kNone;
  std::vector<Handle> groups;
  bool InUse() const { return status.empty() || status == "in-use"; }
  bool operator==(const NetworkInterface&) const = default;
};

struct Instance : Element {
  base::Text state;  ///< "running", "stopped", "terminated", ...
  base::Text vpc_id;
  base::Text subnet_id;
  base::Text instance_type;
  std::vector<base::Text> interface_ids;  ///< primary (device index 0) first
  std::vector<Handle> interfaces;         ///< resolved by Validate
  bool Running() const { return state == "running"; }
  bool operator==(const Instance&) const = default;
};

struct ElasticIp : Element {  ///< id: the allocation id, else the public IP
  net::IpAddress public_ip;
  base::Text allocation_id;
  base::Text association_id;
  base::Text domain;
  base::Text network_interface_id;
  base::Text instance_id;
  std::optional<net::IpAddress> private_ip;
  Handle network_interface = kNone;
  bool operator==(const ElasticIp&) const = default;
};

}  // namespace reachcheck::model
