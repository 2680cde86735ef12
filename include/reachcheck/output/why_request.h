// SPDX-License-Identifier: Apache-2.0
// The `why` question as the user asked it, echoed back by every `why` formatter.
#pragma once

#include <cstddef>
#include <string>

namespace reachcheck::output {

/// The query in the user's words (normalised), for the "query" object and the verdict line.
struct WhyRequest {
  std::string source;                       ///< SRC as typed
  std::string destination;                  ///< DST as typed
  std::string protocol = "all";             ///< "all", "tcp", "17", ...
  std::string ports = "0-65535";            ///< destination ports, "N" or "A-B"
  std::string source_ports = "1024-65535";  ///< source ports, "N" or "A-B"
};

/// How much of a long answer the text and DOT formats show.
struct WhyDisplayOptions {
  bool all = false;             ///< --all: every class and every CIDR
  std::size_t max_classes = 5;  ///< classes shown without --all
  std::size_t max_cidrs = 6;    ///< CIDRs of one address list shown without --all
};

}  // namespace reachcheck::output
