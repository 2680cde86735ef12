// SPDX-License-Identifier: Apache-2.0
// The differential test's machinery: random questions about a random network, their header
// space computed from the semantics page, and the packet-by-packet comparison.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/model/network.h"
#include "reachcheck/net/address_set.h"
#include "support/packet_sampler.h"
#include "support/random_network.h"
#include "support/reference_evaluator.h"

namespace reachcheck::testing::differential {

/// `why SOURCE DESTINATION [--proto P] [--port A-B] [--src-port C-D]` ("" = default).
struct QuerySpec {
  std::string source;
  std::string destination;
  std::string proto;
  std::string port;
  std::string src_port;
  std::string Text() const;
};

/// One sender of the question, with the source addresses it sends from.
struct Sender {
  SenderKind kind = SenderKind::kOutsideHost;
  model::Handle interface = model::kNone;
  model::Handle subnet = model::kNone;
  model::Handle vpc = model::kNone;  ///< kNone for outside hosts
  net::AddressSet addresses;
  model::Handle entry_gateway = model::kNone;  ///< `igw-` source: the gateway it comes in by
};

/// A question with its header space: senders, and what counts as the destination.
struct Question {
  QuerySpec spec;
  analysis::Query query;
  std::vector<Sender> senders;
  DestinationSpec destination;
  net::AddressSet destination_addresses;  ///< subnet / address / igw- / nat- destinations
  /// The destination addresses `sender` asks about.
  net::AddressSet DestinationFor(const model::Network& network, const Sender& sender) const;
};

/// Random questions about `network`: interface to 0.0.0.0/0 and ::/0, interface/instance to
/// interface/instance, subnet to CIDR, internet to interface, address to address, CIDR to
/// interface, interface to subnet and to internet, internet/subnet to subnet, 0.0.0.0/0 or
/// ::/0 to interface/subnet, interface/subnet to igw-/nat-/pcx-, igw- to interface/subnet;
/// some with --proto/--port/--src-port.
std::vector<QuerySpec> MakeQuerySpecs(const model::Network& network, SeededRandom& rng);

/// Resolves `spec` (through the engine's endpoint parser) and computes its header space
/// independently; false with `error` set when an endpoint does not resolve.
bool MakeQuestion(const model::Network& network, const QuerySpec& spec, Question& question,
                  std::string& error);

struct SeedReport {
  int questions = 0;
  int packets = 0;
  int outside_packets = 0;  ///< packets just outside the question, which no class may hold
  int mismatches = 0;
  std::string details;  ///< the first mismatches in full, and the network dump
  /// "reference {codes} / engine {codes}" -> how often, to see patterns across seeds.
  std::map<std::string, int> signatures;
  /// Reference outcome -> how often ("reachable", or the blocker codes), to show coverage.
  std::map<std::string, int> outcomes;
};

/// Builds the network of `seed`, asks its questions, compares `packets_per_question` packets
/// each. `verbose`: write the first mismatches in full into `details`. `skew`, when set,
/// edits the reference's copy of the network (same elements), to show that the comparison
/// catches a difference.
SeedReport RunSeed(std::uint64_t seed, int packets_per_question, bool verbose,
                   const std::function<void(model::Network&)>& skew = {});

/// The exposure list of the network of `seed` against the reference: `packets` packets from
/// outside hosts to public and IPv6 addresses (reachable => listed), and a few listed
/// entries (listed => reachable from some outside host, searched exhaustively by piece).
SeedReport RunExposureSeed(std::uint64_t seed, int packets, bool verbose,
                           const std::function<void(model::Network&)>& skew = {});

}  // namespace reachcheck::testing::differential
