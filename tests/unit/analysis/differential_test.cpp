// SPDX-License-Identifier: Apache-2.0
// Differential test: on seeded random networks, every sampled packet of a question must lie
// in exactly one of the engine's classes, and that class's verdict and blocker codes must
// equal the reference evaluator's; `exposure` is checked against the reference both ways.
// REACHCHECK_DIFF_SEED=N replays one seed, REACHCHECK_DIFF_SEEDS=N changes the number of
// seeds, REACHCHECK_DIFF_PACKETS the packets per question, REACHCHECK_DIFF_COVERAGE=1 prints
// how often each reference outcome was met.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>

#include "unit/analysis/differential_support.h"

namespace reachcheck::testing {
namespace {

using differential::SeedReport;

// The default run stays within seconds in an optimised build; a sanitizer build is ~10x
// slower, so it asks about fewer seeds (REACHCHECK_DIFF_SEEDS overrides both).
#if defined(__SANITIZE_ADDRESS__)
constexpr long kDefaultSeeds = 40;
#else
constexpr long kDefaultSeeds = 200;
#endif

long EnvNumber(const char* name, long fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  return end != nullptr && *end == '\0' && value >= 0 ? value : fallback;
}

// Counts what the generator produced, by feature, so that a change that loses one shows.
void CountFeatures(const model::Network& n, std::map<std::string, int>& seen) {
  for (std::size_t a = 0; a < n.vpcs.size(); ++a) {
    seen["vpc with a secondary block"] += n.vpcs[a].ipv4_cidrs.size() > 1;
    seen["vpc with IPv6"] += !n.vpcs[a].ipv6_cidrs.empty();
    seen["vpc of another account"] += n.scopes[n.vpcs[a].scope].account != "111111111111";
    for (std::size_t b = a + 1; b < n.vpcs.size(); ++b) {
      seen["overlapping vpcs"] += n.vpcs[a].ipv4_cidrs[0].Overlaps(n.vpcs[b].ipv4_cidrs[0]);
    }
  }
  for (const model::Subnet& s : n.subnets) seen["IPv6-only subnet"] += !s.has_ipv4;
  for (const model::RouteTable& t : n.route_tables) {
    seen["explicit route table"] += !t.IsMain();
    for (const model::Route& r : t.routes) {
      seen[std::string("route to ") + model::TargetKindName(r.target_kind)] += 1;
      seen["blackhole route"] += r.state == model::RouteState::kBlackhole;
      seen["prefix-list route"] += !r.prefix_list_id.empty();
      seen["propagated route"] += r.route_origin == model::RouteOrigin::kPropagated;
    }
  }
  for (const model::InternetGateway& g : n.internet_gateways) {
    seen[g.egress_only           ? "egress-only gateway"
         : g.attachments.empty() ? "detached igw"
                                 : "attached igw"] += 1;
  }
  for (const model::NatGateway& g : n.nat_gateways) {
    seen[g.Available() ? "available NAT" : "unavailable NAT"] += 1;
    seen[g.IsPublic() ? "public NAT" : "private NAT"] += 1;
    seen["NAT with a secondary address"] += g.addresses.size() > 1;
  }
  for (const model::VpcPeering& p : n.peerings) {
    seen[p.Active() ? "active peering" : "inactive peering"] += 1;
    seen["peering to a VPC outside the snapshot"] += p.accepter.vpc == model::kNone;
    seen["cross-region peering"] += p.requester.region != p.accepter.region;
  }
  for (const model::SecurityGroup& g : n.security_groups) {
    seen["group without rules"] += g.HasNoRules();
    for (const model::SgRule& r : g.ingress) {
      seen[r.peer_kind == model::PeerKind::kCidr         ? "cidr rule"
           : r.peer_kind == model::PeerKind::kPrefixList ? "prefix-list rule"
                                                         : "group rule"] += 1;
      seen["group rule across a peering"] += !r.group_vpc_id.empty();
    }
  }
  for (const model::NetworkAcl& a : n.network_acls) {
    for (const model::AclEntry& e : a.inbound) seen["ACL deny entry"] += !e.allow && e.rule_number < 32767;
  }
  for (const model::NetworkInterface& i : n.interfaces) {
    seen["interface with a secondary address"] += i.private_addresses.size() > 1;
    seen["interface with IPv6"] += !i.ipv6_addresses.empty();
    seen["source/dest check off"] += !i.source_dest_check;
    seen["interface not in use"] += !i.InUse();
    seen["NAT's own interface"] += i.interface_type == "nat_gateway";
    for (const model::PrivateAddress& p : i.private_addresses)
      seen["public address"] += p.public_ip.has_value();
  }
  for (const model::Instance& i : n.instances) {
    seen[i.Running() ? "running instance" : "stopped instance"] += 1;
    seen["instance with two interfaces"] += i.interfaces.size() > 1;
  }
  seen["elastic ip"] += static_cast<int>(n.elastic_ips.size());
}

TEST_CASE("random networks: reproducible, small, valid, every feature") {
  RandomNetworkOptions options;
  std::map<std::string, int> seen;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    std::vector<std::string> first_diagnostics;
    std::vector<std::string> second_diagnostics;
    const model::Network first = MakeRandomNetwork(seed, options, first_diagnostics);
    const model::Network second = MakeRandomNetwork(seed, options, second_diagnostics);
    CountFeatures(first, seen);
    INFO("seed " << seed << "\n" << DescribeNetwork(first));
    CHECK(DescribeNetwork(first) == DescribeNetwork(second));
    CHECK(first_diagnostics == second_diagnostics);
    CHECK(first.vpcs.size() >= static_cast<std::size_t>(options.min_vpcs));
    CHECK(first.vpcs.size() <= static_cast<std::size_t>(options.max_vpcs));
    std::size_t hosts = 0;
    for (const model::NetworkInterface& eni : first.interfaces) hosts += eni.interface_type != "nat_gateway";
    CHECK(hosts <= static_cast<std::size_t>(options.max_interfaces));
    for (const model::Subnet& s : first.subnets) {
      CHECK(s.route_table != model::kNone);
      CHECK(s.network_acl != model::kNone);
    }
    for (const std::string& d : first_diagnostics) {
      // The only expected notes: a peering to a VPC of an account outside the snapshot.
      CHECK(d.rfind("input-external-ref", 0) == 0);
    }
  }
  static const char* const kFeatures[] = {"vpc with a secondary block",
                                          "vpc with IPv6",
                                          "vpc of another account",
                                          "overlapping vpcs",
                                          "IPv6-only subnet",
                                          "explicit route table",
                                          "route to internet-gateway",
                                          "route to egress-only-internet-gateway",
                                          "route to nat-gateway",
                                          "route to vpc-peering-connection",
                                          "route to network-interface",
                                          "route to instance",
                                          "route to transit-gateway",
                                          "route to gateway-endpoint",
                                          "blackhole route",
                                          "prefix-list route",
                                          "propagated route",
                                          "egress-only gateway",
                                          "detached igw",
                                          "attached igw",
                                          "available NAT",
                                          "unavailable NAT",
                                          "public NAT",
                                          "private NAT",
                                          "NAT with a secondary address",
                                          "active peering",
                                          "inactive peering",
                                          "peering to a VPC outside the snapshot",
                                          "cross-region peering",
                                          "group without rules",
                                          "cidr rule",
                                          "prefix-list rule",
                                          "group rule",
                                          "group rule across a peering",
                                          "ACL deny entry",
                                          "interface with a secondary address",
                                          "interface with IPv6",
                                          "source/dest check off",
                                          "interface not in use",
                                          "NAT's own interface",
                                          "public address",
                                          "running instance",
                                          "stopped instance",
                                          "instance with two interfaces",
                                          "elastic ip"};
  for (const char* feature : kFeatures) {
    INFO(feature);
    CHECK(seen[feature] > 0);
  }
  // Different seeds give different networks.
  std::vector<std::string> unused;
  CHECK(DescribeNetwork(MakeRandomNetwork(1, options, unused)) !=
        DescribeNetwork(MakeRandomNetwork(2, options, unused)));
}

TEST_CASE("differential: the comparison catches a reference that sees another network") {
  auto open_acls = [](model::Network& n) {
    for (model::NetworkAcl& acl : n.network_acls) {
      for (std::vector<model::AclEntry>* entries : {&acl.inbound, &acl.outbound}) {
        for (model::AclEntry& e : *entries) e.allow = true;
      }
    }
  };
  auto no_source_dest_check = [](model::Network& n) {
    for (model::NetworkInterface& eni : n.interfaces) eni.source_dest_check = false;
  };
  for (const auto& skew : {std::function<void(model::Network&)>(open_acls),
                           std::function<void(model::Network&)>(no_source_dest_check)}) {
    int mismatches = 0;
    for (std::uint64_t seed = 1; seed <= 15 && mismatches == 0; ++seed) {
      mismatches += differential::RunSeed(seed, 24, false, skew).mismatches;
    }
    CHECK(mismatches > 0);
  }
  int exposure_mismatches = 0;
  for (std::uint64_t seed = 1; seed <= 15 && exposure_mismatches == 0; ++seed) {
    exposure_mismatches += differential::RunExposureSeed(seed, 40, false, open_acls).mismatches;
  }
  CHECK(exposure_mismatches > 0);
}

TEST_CASE("differential: the engine agrees with the reference evaluator on random networks") {
  const long only = EnvNumber("REACHCHECK_DIFF_SEED", -1);
  const long seeds = EnvNumber("REACHCHECK_DIFF_SEEDS", kDefaultSeeds);
  const long packets = EnvNumber("REACHCHECK_DIFF_PACKETS", 32);
  const auto start = std::chrono::steady_clock::now();
  SeedReport total;
  std::string details;
  int failing_seeds = 0;
  const std::uint64_t first = only >= 0 ? static_cast<std::uint64_t>(only) : 1;
  const std::uint64_t last = only >= 0 ? first : static_cast<std::uint64_t>(seeds);
  for (std::uint64_t seed = first; seed <= last; ++seed) {
    const SeedReport report = differential::RunSeed(seed, static_cast<int>(packets), failing_seeds < 3);
    total.questions += report.questions;
    total.packets += report.packets;
    total.outside_packets += report.outside_packets;
    total.mismatches += report.mismatches;
    for (const auto& [signature, count] : report.signatures) total.signatures[signature] += count;
    for (const auto& [outcome, count] : report.outcomes) total.outcomes[outcome] += count;
    if (report.mismatches > 0) {
      ++failing_seeds;
      if (failing_seeds <= 3) details += report.details;
      details += "seed " + std::to_string(seed) + ": " + std::to_string(report.mismatches) +
                 " mismatches (replay: REACHCHECK_DIFF_SEED=" + std::to_string(seed) + ")\n";
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "differential: %llu seeds, %d questions, %d packets (+%d outside the questions), "
      "%d mismatches in %d seeds, %.1f s\n",
      static_cast<unsigned long long>(last - first + 1), total.questions, total.packets,
      total.outside_packets, total.mismatches, failing_seeds, seconds);
  if (EnvNumber("REACHCHECK_DIFF_COVERAGE", 0) != 0) {
    for (const auto& [outcome, count] : total.outcomes)
      std::printf("  outcome %6d x %s\n", count, outcome.c_str());
  }
  for (const auto& [signature, count] : total.signatures) {
    std::printf("  %6d x %s\n", count, signature.c_str());
  }
  INFO(details);
  CHECK(total.packets > 0);
  CHECK(total.mismatches == 0);
}

TEST_CASE("differential: exposure agrees with the reference evaluator on random networks") {
  const long only = EnvNumber("REACHCHECK_DIFF_SEED", -1);
  const long seeds = EnvNumber("REACHCHECK_DIFF_SEEDS", kDefaultSeeds) / 4;
  SeedReport total;
  std::string details;
  const std::uint64_t first = only >= 0 ? static_cast<std::uint64_t>(only) : 1;
  const std::uint64_t last = only >= 0 ? first : static_cast<std::uint64_t>(seeds);
  for (std::uint64_t seed = first; seed <= last; ++seed) {
    const SeedReport report = differential::RunExposureSeed(seed, 40, total.mismatches == 0);
    total.packets += report.packets;
    total.outside_packets += report.outside_packets;
    total.mismatches += report.mismatches;
    details += report.details;
    for (const auto& [signature, count] : report.signatures) total.signatures[signature] += count;
    for (const auto& [outcome, count] : report.outcomes) total.outcomes[outcome] += count;
    if (report.mismatches > 0) details += "seed " + std::to_string(seed) + ": exposure mismatches\n";
  }
  std::printf(
      "exposure: %llu seeds, %d sampled packets, %d packets searching listed entries, %d mismatches\n",
      static_cast<unsigned long long>(last - first + 1), total.packets, total.outside_packets,
      total.mismatches);
  for (const auto& [signature, count] : total.signatures)
    std::printf("  %6d x %s\n", count, signature.c_str());
  if (EnvNumber("REACHCHECK_DIFF_COVERAGE", 0) != 0) {
    for (const auto& [outcome, count] : total.outcomes) std::printf("  %6d x %s\n", count, outcome.c_str());
  }
  INFO(details);
  CHECK(total.mismatches == 0);
}

}  // namespace
}  // namespace reachcheck::testing
