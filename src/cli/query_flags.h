// SPDX-License-Identifier: Apache-2.0
// Parsing of the --proto / --port / --src-port flags shared by `why` and `exposure`.
#pragma once

#include <optional>
#include <string>

#include "cli/command_context.h"
#include "reachcheck/net/port_set.h"
#include "reachcheck/net/protocol.h"

namespace reachcheck::cli {

/// The --proto value, or nothing after a usage error (exit 2) naming the bad value.
std::optional<net::ProtocolSet> ParseProtoFlag(CommandContext& context, const std::string& text);

/// A --port / --src-port value (`flag` names it in the message), or nothing after a usage error.
std::optional<net::PortSet> ParsePortFlag(CommandContext& context, const std::string& flag,
                                          const std::string& text);

}  // namespace reachcheck::cli
