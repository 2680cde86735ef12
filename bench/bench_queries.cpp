// SPDX-License-Identifier: Apache-2.0
// The query part of the benchmark: point queries (random source interface, destination
// address and port; p50/p99 warm, and of the first pass), `why <interface> 0.0.0.0/0` over every protocol and
// port, and the exposure of the whole estate. Endpoints are resolved before timing.
#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_measure.h"
#include "reachcheck/analysis/endpoint.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::bench {
namespace {

using Json = nlohmann::ordered_json;

const int kWellKnownPorts[] = {22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9200, 27017, 53, 123};

struct Candidates {
  std::vector<model::Handle> sources;  ///< in-use interfaces with a subnet and an IPv4 address
  std::unordered_map<model::Handle, std::vector<model::Handle>> by_vpc;
  std::vector<net::IpAddress> public_addresses;
};

Candidates FindCandidates(const model::Network& network) {
  Candidates c;
  for (model::Handle h = 0; h < network.interfaces.size(); ++h) {
    const model::NetworkInterface& eni = network.interfaces[h];
    if (!eni.InUse() || eni.subnet == model::kNone || eni.private_addresses.empty()) continue;
    if (!eni.private_addresses[0].address.is_v4()) continue;
    c.sources.push_back(h);
    c.by_vpc[eni.vpc].push_back(h);
    for (const model::PrivateAddress& address : eni.private_addresses) {
      if (address.public_ip) c.public_addresses.push_back(*address.public_ip);
    }
  }
  return c;
}

template <typename T>
const T& PickFrom(const std::vector<T>& items, std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

// The destination of a point query: an address of an interface in the source's VPC (40 %),
// of any interface (20 %), a public address of an interface (20 %), or an internet host.
std::string RandomDestination(const model::Network& network, const Candidates& c, model::Handle source,
                              std::mt19937_64& rng) {
  const double kind = std::uniform_real_distribution<double>(0, 1)(rng);
  if (kind < 0.4) {
    const auto& same = c.by_vpc.at(network.interfaces[source].vpc);
    return network.interfaces[PickFrom(same, rng)].private_addresses[0].address.ToString();
  }
  if (kind < 0.6) return network.interfaces[PickFrom(c.sources, rng)].private_addresses[0].address.ToString();
  if (kind < 0.8 && !c.public_addresses.empty()) return PickFrom(c.public_addresses, rng).ToString();
  std::uniform_int_distribution<int> octet(1, 223);
  int first = octet(rng);
  while (first == 10 || first == 100 || first == 127 || first == 172 || first == 192) first = octet(rng);
  return std::to_string(first) + "." + std::to_string(octet(rng)) + "." + std::to_string(octet(rng)) + "." +
         std::to_string(octet(rng));
}

const char* VerdictKey(analysis::Verdict verdict) { return analysis::VerdictName(verdict); }

struct WhyRuns {
  std::vector<double> ms;
  std::vector<double> classes;
  std::vector<std::string> sources;
};

// `why <source> <destination>` over every protocol and port, timed for each source but the
// first (a warm-up).
WhyRuns MeasureWhy(const model::Network& network, const analysis::Engine& engine,
                   const std::vector<model::Handle>& sources, const char* destination, std::size_t& sink) {
  WhyRuns runs;
  const analysis::EndpointResolution to = analysis::ResolveEndpoint(network, destination);
  if (!to.ok) return runs;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    analysis::EndpointResolution from = analysis::ResolveEndpoint(network, network.interfaces[sources[i]].id);
    if (!from.ok) continue;
    analysis::Query query;
    query.source = std::move(from.endpoint);
    query.destination = to.endpoint;
    Stopwatch watch;
    const analysis::QueryResult result = engine.Analyze(query);
    const double ms = watch.Seconds() * 1e3;
    sink += result.classes.size();
    if (i == 0) continue;
    runs.ms.push_back(ms);
    runs.classes.push_back(static_cast<double>(result.classes.size()));
    runs.sources.push_back(network.interfaces[sources[i]].id);
  }
  return runs;
}

}  // namespace

void MeasureQueries(const model::Network& network, const analysis::Engine& engine, int queries, int why_runs,
                    std::uint64_t seed, Json& out) {
  std::mt19937_64 rng(seed);
  const Candidates c = FindCandidates(network);
  out["source_interfaces"] = c.sources.size();
  if (c.sources.empty()) {
    for (const char* key : {"point_queries", "point_p50_us", "point_p99_us", "point_max_us", "why_all_ms",
                            "why_all_max_ms", "why_all_classes", "why_internet_ms", "why_internet_classes",
                            "exposure_s", "exposure_first_s", "exposures"}) {
      out[key] = nullptr;
    }
    return;
  }

  // Point queries, resolved up front.
  std::unordered_map<model::Handle, analysis::Endpoint> source_endpoints;
  std::vector<analysis::Query> prepared;
  prepared.reserve(static_cast<std::size_t>(queries));
  std::size_t unresolved = 0;
  const net::ProtocolSet tcp = *net::ParseProtocol("tcp");
  const net::ProtocolSet udp = *net::ParseProtocol("udp");
  for (int i = 0; i < queries; ++i) {
    const model::Handle source = PickFrom(c.sources, rng);
    auto found = source_endpoints.find(source);
    if (found == source_endpoints.end()) {
      analysis::EndpointResolution resolved =
          analysis::ResolveEndpoint(network, network.interfaces[source].id);
      if (!resolved.ok) {
        ++unresolved;
        continue;
      }
      found = source_endpoints.emplace(source, std::move(resolved.endpoint)).first;
    }
    analysis::EndpointResolution destination =
        analysis::ResolveEndpoint(network, RandomDestination(network, c, source, rng));
    if (!destination.ok) {
      ++unresolved;
      continue;
    }
    analysis::Query query;
    query.source = found->second;
    query.destination = std::move(destination.endpoint);
    const bool is_tcp = std::uniform_real_distribution<double>(0, 1)(rng) < 0.8;
    query.protocols = is_tcp ? tcp : udp;
    const int port = std::uniform_real_distribution<double>(0, 1)(rng) < 0.7
                         ? kWellKnownPorts[std::uniform_int_distribution<int>(0, 11)(rng)]
                         : std::uniform_int_distribution<int>(1, 65535)(rng);
    query.ports = *net::ParsePortRange(std::to_string(port));
    prepared.push_back(std::move(query));
  }
  // A first pass over the same queries, timed too: it also compiles the route tables and
  // groups they reach (the engine compiles those on first use), so it is the cold figure.
  std::size_t sink = 0;
  std::vector<double> cold;
  cold.reserve(prepared.size());
  for (const analysis::Query& query : prepared) {
    Stopwatch watch;
    sink += engine.Analyze(query).classes.size();
    cold.push_back(watch.Seconds() * 1e6);
  }
  std::vector<double> latencies;
  latencies.reserve(prepared.size());
  std::map<std::string, std::size_t> verdicts;
  for (const analysis::Query& query : prepared) {
    Stopwatch watch;
    const analysis::QueryResult result = engine.Analyze(query);
    latencies.push_back(watch.Seconds() * 1e6);
    ++verdicts[VerdictKey(result.verdict)];
  }
  out["point_queries"] = prepared.size();
  out["point_unresolved"] = unresolved;
  out["point_verdicts"] = verdicts;
  out["point_p50_us"] = std::round(Percentile(latencies, 0.50) * 100) / 100;
  out["point_p99_us"] = std::round(Percentile(latencies, 0.99) * 100) / 100;
  out["point_max_us"] = std::round(Percentile(latencies, 1.0) * 100) / 100;
  out["point_cold_p50_us"] = std::round(Percentile(cold, 0.50) * 100) / 100;
  out["point_cold_p99_us"] = std::round(Percentile(cold, 0.99) * 100) / 100;

  // why <interface> 0.0.0.0/0 and why <interface> internet, every protocol and port, from the
  // same random interfaces (the first one warms up). 0.0.0.0/0 also holds the estate's own
  // public addresses, each of which has classes of its own.
  std::vector<model::Handle> why_sources;
  for (int run = -1; why_runs > 0 && run < why_runs; ++run) why_sources.push_back(PickFrom(c.sources, rng));
  WhyRuns all = MeasureWhy(network, engine, why_sources, "0.0.0.0/0", sink);
  out["why_all_runs"] = all.ms.size();
  out["why_all_each_ms"] = all.ms;  // in run order, before the percentiles below sort them
  out["why_all_each_classes"] = all.classes;
  out["why_all_each_source"] = all.sources;
  out["why_all_ms"] = all.ms.empty() ? Json(nullptr) : Json(std::round(Median(all.ms) * 1000) / 1000);
  out["why_all_max_ms"] =
      all.ms.empty() ? Json(nullptr) : Json(std::round(Percentile(all.ms, 1.0) * 1000) / 1000);
  out["why_all_classes"] = all.classes.empty() ? Json(nullptr) : Json(Median(all.classes));
  WhyRuns internet = MeasureWhy(network, engine, why_sources, "internet", sink);
  out["why_internet_ms"] =
      internet.ms.empty() ? Json(nullptr) : Json(std::round(Median(internet.ms) * 1000) / 1000);
  out["why_internet_classes"] = internet.classes.empty() ? Json(nullptr) : Json(Median(internet.classes));

  // Exposure of the whole estate: the median of three runs at every size (the first, which
  // also compiles what the queries before it did not reach, is reported apart), so that
  // sizes compare alike.
  std::vector<double> exposure_s;
  std::size_t exposures = 0;
  for (int run = 0; run < 3; ++run) {
    Stopwatch watch;
    const std::vector<analysis::Exposure> found =
        engine.Exposures(net::ProtocolSet::All(), net::PortSet::All());
    exposure_s.push_back(watch.Seconds());
    exposures = found.size();
  }
  out["exposure_s"] = Seconds(Median(exposure_s));
  out["exposure_first_s"] = Seconds(exposure_s.front());
  out["exposures"] = exposures;
  out["checksum"] = sink;
}

}  // namespace reachcheck::bench
