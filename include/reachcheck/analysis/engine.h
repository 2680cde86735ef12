// SPDX-License-Identifier: Apache-2.0
// The reachability engine: built once from the model, then answers questions exhaustively.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "reachcheck/analysis/endpoint.h"
#include "reachcheck/analysis/result.h"
#include "reachcheck/model/network.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::analysis {

struct Query {
  Endpoint source;
  Endpoint destination;
  net::ProtocolSet protocols = net::ProtocolSet::All();
  net::PortSet ports = net::PortSet::All();  ///< destination ports / ICMP type-code
  net::PortSet source_ports = net::EphemeralPorts();
  /// Whether the address sets of classes about `internet` leave out the estate's own public
  /// addresses exactly. That costs O(public addresses) per class; callers that read only
  /// verdicts, paths and blockers (lint) may turn it off: the classes are the same, their
  /// `internet` side then also lists the public addresses no class holds a packet for.
  bool exact_internet_addresses = true;
};

/// One internet-reachable (interface, address, protocol, ports) with its path.
struct Exposure {
  model::Handle interface = model::kNone;
  std::string interface_id;
  std::string instance_id;
  net::IpAddress address;  ///< the public (or IPv6) address it is reached at
  net::ProtocolSet protocols;
  net::PortSet ports;
  Path path;
};

/// Called as a sweep advances (from one thread at a time, maybe not the caller's).
using SweepProgress = std::function<void(std::size_t done, std::size_t total)>;

/// A node or edge of the topology, for `graph`.
struct TopologyNode {
  std::string id;
  std::string type;    ///< "vpc", "subnet", "route-table", "internet-gateway", ...
  std::string label;   ///< e.g. "subnet-1\n10.0.1.0/24 us-east-1a"
  std::string parent;  ///< containing VPC/subnet id for clustering, or ""
};
struct TopologyEdge {
  std::string from;
  std::string to;
  std::string label;
};
struct Topology {
  std::vector<TopologyNode> nodes;
  std::vector<TopologyEdge> edges;
};

class Engine {
 public:
  /// Builds the graph from a validated network; the network must outlive the engine.
  /// `progress` counts the steps of the build.
  explicit Engine(const model::Network& network, const SweepProgress& progress = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  const model::Network& network() const;

  /// Every packet of the question, partitioned into classes.
  QueryResult Analyze(const Query& query) const;

  /// Every interface, address, protocol and port reachable from the internet. The walks
  /// (one per subnet and set of security groups) use the machine's cores; `progress` counts them.
  std::vector<Exposure> Exposures(const net::ProtocolSet& protocols, const net::PortSet& ports,
                                  const SweepProgress& progress = {}) const;

  /// The topology, or the part around `focus` (an id) when not empty.
  Topology GetTopology(const std::string& focus = "") const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace reachcheck::analysis
