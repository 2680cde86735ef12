// SPDX-License-Identifier: Apache-2.0
// peering-cidr-overlap: a peering (in any live or pending status) between VPCs whose IPv4 or
// IPv6 blocks (secondary blocks included) overlap; AWS rejects or cannot route such a peering.
#include <string>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace peering_cidr_overlap {

std::vector<net::Cidr> SideCidrs(const model::Network& network, const model::PeeringSide& side) {
  std::vector<net::Cidr> cidrs;
  if (side.vpc != model::kNone && side.vpc < network.vpcs.size()) {
    const model::Vpc& vpc = network.vpcs[side.vpc];
    cidrs = vpc.ipv4_cidrs;
    cidrs.insert(cidrs.end(), vpc.ipv6_cidrs.begin(), vpc.ipv6_cidrs.end());
  } else {
    cidrs = side.ipv4_cidrs;
    cidrs.insert(cidrs.end(), side.ipv6_cidrs.begin(), side.ipv6_cidrs.end());
  }
  return cidrs;
}

std::string CidrList(const std::vector<net::Cidr>& cidrs) {
  std::vector<std::string> texts;
  for (const net::Cidr& c : cidrs) texts.push_back(c.ToString());
  return JoinComma(texts);
}

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "peering-cidr-overlap"; }
  const char* Summary() const override {
    return "VPC peering connections whose two VPCs have overlapping IPv4 or IPv6 blocks";
  }
  std::vector<ParamSpec> Parameters() const override {
    return {{"ignored_statuses", ParamType::kStringList, R"(["deleted", "rejected", "failed", "expired"])",
             "peering statuses that are not checked"}};
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    std::vector<std::string> ignored = context.Strings("ignored_statuses");
    for (const model::VpcPeering& pcx : network.peerings) {
      if (std::find(ignored.begin(), ignored.end(), pcx.status) != ignored.end()) continue;
      if (pcx.requester.vpc_id == pcx.accepter.vpc_id && pcx.requester.owner_id == pcx.accepter.owner_id)
        continue;
      std::vector<net::Cidr> a = SideCidrs(network, pcx.requester);
      std::vector<net::Cidr> b = SideCidrs(network, pcx.accepter);
      std::vector<std::string> overlaps;
      for (const net::Cidr& x : a) {
        for (const net::Cidr& y : b) {
          if (!x.Overlaps(y)) continue;
          const net::Cidr& narrow = x.length >= y.length ? x : y;
          overlaps.push_back(x == y ? x.ToString()
                                    : narrow.ToString() + " (" + x.ToString() + " and " + y.ToString() + ")");
        }
      }
      if (overlaps.empty()) continue;
      std::string status = pcx.status.empty() ? "unknown status" : "status " + pcx.status;
      std::string message = pcx.id + " (" + status + ") joins " + pcx.requester.vpc_id + " [" + CidrList(a) +
                            "] and " + pcx.accepter.vpc_id + " [" + CidrList(b) + "], which overlap on " +
                            JoinComma(overlaps) +
                            ": AWS does not route between overlapping ranges (and rejects such a peering "
                            "request)";
      out.push_back(context.Make({pcx.id, pcx.requester.vpc_id, pcx.accepter.vpc_id}, message, pcx.origin));
    }
  }
};

}  // namespace peering_cidr_overlap

const NativeCheck& PeeringCidrOverlap() {
  static const peering_cidr_overlap::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
