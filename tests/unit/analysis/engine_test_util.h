// SPDX-License-Identifier: Apache-2.0
// Short ways for the engine's tests to ask a question and find the class of one packet.
#pragma once

#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "reachcheck/analysis/endpoint.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"
#include "support/model_builder.h"

namespace reachcheck::analysis::testutil {

inline Endpoint Resolve(const model::Network& network, std::string_view text) {
  EndpointResolution r = ResolveEndpoint(network, text);
  INFO("endpoint " << text << ": " << r.error);
  REQUIRE(r.ok);
  return r.endpoint;
}

/// `why SRC DST --proto P --port A-B --src-port C-D` ("" keeps the default).
inline QueryResult Why(const Engine& engine, std::string_view src, std::string_view dst,
                       std::string_view proto = "all", std::string_view port = "",
                       std::string_view src_port = "") {
  Query q;
  q.source = Resolve(engine.network(), src);
  q.destination = Resolve(engine.network(), dst);
  std::optional<net::ProtocolSet> protocols = net::ParseProtocol(proto);
  REQUIRE(protocols);
  q.protocols = *protocols;
  if (!port.empty()) {
    std::optional<net::PortSet> ports = net::ParsePortRange(port);
    REQUIRE(ports);
    q.ports = *ports;
  }
  if (!src_port.empty()) {
    std::optional<net::PortSet> ports = net::ParsePortRange(src_port);
    REQUIRE(ports);
    q.source_ports = *ports;
  }
  return engine.Analyze(q);
}

/// Everything about a result, for failure messages.
inline std::string Dump(const QueryResult& r) {
  std::string out = std::string("verdict ") + VerdictName(r.verdict) + "\n";
  for (const std::string& note : r.notes) out += "note: " + note + "\n";
  for (const PacketClass& c : r.classes) {
    out += std::string(c.reachable ? "REACHABLE " : "UNREACHABLE ") + c.source + " " +
           c.source_addresses.ToString() + " -> " + c.destination.ToString() + " " +
           net::ServiceMatch{c.protocols, c.ports}.ToString() + " sport " +
           net::PortSetToString(c.source_ports) + " delivered_to=" + c.delivered_to + "\n";
    for (const Hop& h : c.forward) out += "   > " + h.component + " [" + h.type + "] " + h.detail + "\n";
    for (const Hop& h : c.reply) out += "   < " + h.component + " [" + h.type + "] " + h.detail + "\n";
    for (const Blocker& b : c.blocked_by) {
      out += "   X " + b.code + " " + b.component + " " + b.direction + (b.return_path ? " (return)" : "") +
             ": " + b.detail + "\n";
    }
    if (!c.suggestion.empty()) out += "   fix: " + c.suggestion + "\n";
  }
  return out;
}

/// The class holding one packet, or nullptr; at most one class may hold it.
inline const PacketClass* ClassOf(const QueryResult& r, model::Handle iface, std::string_view src,
                                  std::string_view dst, std::uint8_t proto, std::uint16_t src_port,
                                  std::uint16_t dst_port) {
  const net::IpAddress s = testing::IpOf(src);
  const net::IpAddress d = testing::IpOf(dst);
  const PacketClass* found = nullptr;
  for (const PacketClass& c : r.classes) {
    if (!c.Contains(iface, s, d, proto, src_port, dst_port)) continue;
    INFO(Dump(r));
    REQUIRE(found == nullptr);
    found = &c;
  }
  return found;
}

/// The (code, return_path) pairs of a class.
inline std::set<std::pair<std::string, bool>> Codes(const PacketClass& c) {
  std::set<std::pair<std::string, bool>> out;
  for (const Blocker& b : c.blocked_by) out.insert({b.code, b.return_path});
  return out;
}

/// Whether some hop of the path mentions `text`.
inline bool PathMentions(const Path& hops, std::string_view text) {
  for (const Hop& h : hops) {
    if (h.detail.find(text) != std::string::npos || h.component == text) return true;
  }
  return false;
}

inline model::Handle Eni(const model::Network& n, std::string_view id) {
  const model::Handle h = n.FindInterface(id, model::kNone);
  REQUIRE(h != model::kNone);
  return h;
}

using CodeSet = std::set<std::pair<std::string, bool>>;
inline constexpr bool kFwd = false;
inline constexpr bool kRet = true;

}  // namespace reachcheck::analysis::testutil
