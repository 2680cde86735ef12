// SPDX-License-Identifier: Apache-2.0
// Wording of hops and blockers.
#pragma once

#include <string>
#include <string_view>

#include "analysis/flow.h"
#include "reachcheck/base/source_ref.h"
#include "reachcheck/net/address_set.h"

namespace reachcheck::analysis::detail {

/// Codes (the semantics page's names).
namespace code {
inline constexpr const char* kBadState = "BAD_STATE";
inline constexpr const char* kBadStateAttachment = "BAD_STATE_ATTACHMENT";
inline constexpr const char* kBadStateRoute = "BAD_STATE_ROUTE";
inline constexpr const char* kNoRoute = "NO_ROUTE_TO_DESTINATION";
inline constexpr const char* kSgMismatch = "ENI_SG_RULES_MISMATCH";
inline constexpr const char* kSgNoRules = "SG_HAS_NO_RULES";
inline constexpr const char* kSgRefsNotPreserved = "SG_REFERENCES_NOT_PRESERVED";
inline constexpr const char* kAcl = "SUBNET_ACL_RESTRICTION";
inline constexpr const char* kIgwPublicEgress = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
inline constexpr const char* kIgwPrivateIngress = "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS";
inline constexpr const char* kIgwRfc1918Egress = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS";
inline constexpr const char* kIgwRfc6598Egress = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS";
inline constexpr const char* kIgwRfc1918Ingress = "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS";
inline constexpr const char* kIgwRfc6598Ingress = "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS";
inline constexpr const char* kNgwSourceInVpc = "NGW_REQUIRES_SOURCE_IN_VPC";
inline constexpr const char* kPcxCidr = "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR";
inline constexpr const char* kSourceDestCheck = "ENI_SOURCE_DEST_CHECK_RESTRICTION";
inline constexpr const char* kNoDestination = "NO_POSSIBLE_DESTINATION";
inline constexpr const char* kUnknownDestination = "UNKNOWN_DESTINATION";
inline constexpr const char* kRoutingLoop = "ROUTING_LOOP";
inline constexpr const char* kNotAnalysed = "COMPONENT_NOT_ANALYSED";
}  // namespace code

Hop MakeHop(std::string component, std::string type, std::string detail, base::SourceRef where = {});
BlockerNote MakeBlocker(std::string component, const char* code, bool ingress, std::string detail,
                        base::SourceRef where = {});

/// The pieces joined in one allocation: hop and blocker texts are built on every walk, and
/// a chain of `+` grows its string two or three times.
template <typename... Pieces>
std::string Cat(const Pieces&... pieces) {
  const std::string_view views[] = {std::string_view(pieces)...};
  std::size_t size = 0;
  for (std::string_view v : views) size += v.size();
  std::string out;
  out.reserve(size);
  for (std::string_view v : views) out.append(v);
  return out;
}

/// A set as CIDRs, at most `limit` of them then "and N more".
std::string AddressText(const net::AddressSet& set, std::size_t limit = 4);
/// The protocols and destination ports of a box: "tcp/443", "all".
std::string TrafficText(const Box& box);

/// The RFC 1918 private and RFC 6598 shared IPv4 ranges.
const net::AddressSet& Rfc1918();
const net::AddressSet& Rfc6598();

}  // namespace reachcheck::analysis::detail
