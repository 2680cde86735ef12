// SPDX-License-Identifier: Apache-2.0
// JSON pieces shared by the JSON formatters (private to the output stage).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reachcheck/analysis/result.h"
#include "reachcheck/net/address_set.h"
#include "reachcheck/net/port_set.h"

namespace reachcheck::output {

using Json = nlohmann::ordered_json;

/// Every CIDR of the set, IPv4 first, ascending.
Json CidrArray(const net::AddressSet& addresses);
/// Every port range as "N" or "A-B".
Json PortArray(const net::PortSet& ports);
/// {"component", "type", "detail"} plus "where" when the place is known.
Json HopJson(const analysis::Hop& hop);
Json HopArray(const analysis::Path& hops);
/// {"component", "code", "direction", "return_path", "detail"} plus "where" when known.
Json BlockerJson(const analysis::Blocker& blocker);

/// Pretty-printed (2 spaces); invalid UTF-8 is replaced, not thrown.
std::string DumpValue(const Json& json);
/// The same with a trailing newline: a whole document.
std::string Dump(const Json& json);

}  // namespace reachcheck::output
