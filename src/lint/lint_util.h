// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the checks and the intent evaluator: where a resource is defined,
// how a path and a service read in a message.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/base/source_ref.h"
#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::lint {

/// The origin of the element with `id` (instance, interface, subnet, VPC, gateway, group,
/// ACL, route table), or an empty SourceRef.
base::SourceRef OriginOf(const model::Network& network, const std::string& id);

/// "eni-1 -> sg-1 -> acl-1 -> rtb-1 -> igw-1 -> internet" (consecutive repeats collapsed).
std::string PathSummary(const analysis::Path& hops);

/// "tcp/22", "all", "tcp/22,3389".
std::string ServiceText(const net::ProtocolSet& protocols, const net::PortSet& ports);

/// "id (Name)" when the element has a Name tag, else "id".
std::string Label(const model::Element& element);

/// The CIDRs of `addresses` joined with ", ", at most `limit` of them then "and N more".
std::string AddressText(const net::AddressSet& addresses, std::size_t limit = 3);

/// Items joined with ", ".
std::string JoinComma(const std::vector<std::string>& items);

}  // namespace reachcheck::lint
