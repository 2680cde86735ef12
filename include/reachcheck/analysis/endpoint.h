// SPDX-License-Identifier: Apache-2.0
// Query endpoints (SRC and DST of `why`): what the user typed, resolved against the model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"

namespace reachcheck::analysis {

enum class EndpointKind {
  kInstance,   ///< i-...
  kInterface,  ///< eni-...
  kSubnet,     ///< subnet-...
  kAddress,    ///< one address (owned by an interface, else an outside host)
  kCidr,       ///< a range, inside or outside the network
  kInternet,   ///< `internet`
  kTag,        ///< tag:KEY=REGEX
  kGateway,    ///< igw-, nat-, pcx-
};

struct Endpoint {
  EndpointKind kind = EndpointKind::kCidr;
  std::string text;                       ///< as the user typed it
  std::vector<model::Handle> interfaces;  ///< instance/interface/tag: the interfaces it stands for
  model::Handle subnet = model::kNone;    ///< kSubnet
  net::AddressSet addresses;              ///< kAddress/kCidr/kInternet: every address it stands for
  model::Handle gateway = model::kNone;   ///< kGateway: index in internet_gateways/nat_gateways/peerings
  std::string gateway_kind;               ///< "igw", "nat", "pcx"
};

struct EndpointResolution {
  bool ok = false;
  Endpoint endpoint;
  std::string error;  ///< "unknown endpoint 'i-123'"; with a hint: "did you mean 'i-0123'?"
  std::string code;   ///< "query-unknown-endpoint", "query-bad-endpoint", "query-bad-regex"
};

/// Parses and resolves `text` (every form of the contract). Never throws.
EndpointResolution ResolveEndpoint(const model::Network& network, std::string_view text);

/// The `internet` address set: 0.0.0.0/0 and ::/0 minus private (RFC 1918), shared
/// (RFC 6598) ranges, every VPC CIDR, and public addresses owned by modelled resources.
net::AddressSet InternetAddresses(const model::Network& network);

}  // namespace reachcheck::analysis
