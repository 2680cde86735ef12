// SPDX-License-Identifier: Apache-2.0
// The engine's private state and the steps of answering a question: sources, destinations,
// walking, merging pieces into classes, ordering them and suggesting fixes.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "analysis/index.h"
#include "analysis/internet_hosts.h"
#include "analysis/walker.h"
#include "reachcheck/analysis/engine.h"

namespace reachcheck::analysis {

struct Engine::Impl {
  Impl(const model::Network& n, const SweepProgress& progress);
  const model::Network& network;
  detail::Index index;
  net::AddressSet outside;   ///< internet plus the modelled public addresses: walked in its place
  net::AddressSet internet;  ///< the `internet` set: outside without the modelled public addresses
  detail::InternetHosts internet_hosts{index.modelled_public};
};

namespace detail {

/// A source with the addresses it sends from.
struct SourcePart {
  SourceInfo info;
  net::AddressSet addresses;
};

/// The sources an endpoint stands for (notes explain empty answers).
/// An `internet` or internet-gateway source is one coarse part: the `outside` set,
/// narrowed after the walk.
std::vector<SourcePart> SourcesOf(const Index& index, const net::AddressSet& outside,
                                  const Endpoint& endpoint, std::set<std::string>& notes);
/// What counts as delivered and which addresses are asked about, for one source.
TargetInfo TargetOf(const Endpoint& endpoint);
net::AddressSet DestinationAddresses(const Index& index, const net::AddressSet& internet,
                                     const Endpoint& endpoint, const SourceInfo& source);

/// Walks every packet of the question from one source.
void WalkSource(const Index& index, const SourcePart& source, const TargetInfo& target,
                const net::AddressSet& destinations, const Query& query, std::vector<Final>& out,
                std::set<std::string>& notes);

/// A class and how important it is (0 internet, 1 a peered VPC, 2 the source's own VPC).
struct RankedClass {
  int category = 0;
  PacketClass cls;
};
/// Merges pieces with one outcome and path into classes (fewest boxes).
std::vector<RankedClass> BuildClasses(const Index& index, const SourcePart& source,
                                      std::vector<Final> finals);
/// The order of the classes (indexes into them, stable): internet destinations, then peered
/// VPCs, then the own VPC, by address.
std::vector<std::uint32_t> ClassOrder(const std::vector<RankedClass>& classes);
/// The smallest fix for a class blocked by one component ("" when none is known).
std::string Suggest(const Index& index, const SourcePart& source, const PacketClass& cls,
                    const BlockerNote& note);

/// Sets equal-ness and hashing helpers for merging.
std::size_t HashBoxExcept(const Box& box, int dim);
bool EqualExcept(const Box& a, const Box& b, int dim);
/// Merges boxes that differ in one dimension until none can be merged.
void MergeBoxes(std::vector<Box>& boxes);

}  // namespace detail
}  // namespace reachcheck::analysis
