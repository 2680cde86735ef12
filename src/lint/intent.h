// SPDX-License-Identifier: Apache-2.0
// Reachability intents: rules written entirely in JSON ("from" / "to" selectors, protocol
// and ports, expect reachable or unreachable, optional "through" and "except"), in the
// spirit of AWS Network Access Analyzer scopes, evaluated exhaustively with the engine.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <string>
#include <vector>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/lint/finding.h"
#include "reachcheck/lint/rule.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::lint {

class StrictReader;

/// One selector string: an endpoint of the `why` contract (id, address, CIDR, `internet`,
/// `tag:KEY=REGEX`) or `type:instance|network-interface|subnet`. In "through", an id matches
/// a path component and `type:T` a hop type (e.g. `type:nat-gateway`).
struct Selector {
  enum class Kind { kEndpoint, kTag, kType };
  Kind kind = Kind::kEndpoint;
  std::string text;
  std::string tag_key;
  std::shared_ptr<const RE2> tag_value;  ///< full match
  std::string type;
};

/// A path condition of "except": every field given must match.
struct PathCondition {
  std::vector<Selector> from, to, through;
};

struct Intent {
  std::vector<Selector> from, to;
  net::ProtocolSet protocols = net::ProtocolSet::All();
  net::PortSet ports = net::PortSet::All();
  std::string protocol_text = "all";
  std::string ports_text = "0-65535";
  bool expect_reachable = false;
  std::vector<Selector> through;      ///< only paths through one of these count
  std::vector<PathCondition> except;  ///< paths matching any of these are ignored
};

/// Parses the "intent" object of a rule file at `pointer`. False with errors when invalid.
bool ParseIntent(const nlohmann::json& value, const std::string& pointer, StrictReader& reader,
                 Intent* intent);

/// Evaluates the intent over every (source, destination) pair it selects.
void EvaluateIntent(const Intent& intent, const RuleInfo& rule, const model::Network& network,
                    const analysis::Engine& engine, std::vector<Finding>& out);

}  // namespace reachcheck::lint
