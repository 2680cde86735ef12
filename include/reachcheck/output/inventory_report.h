// SPDX-License-Identifier: Apache-2.0
// `reachcheck inventory`: what was loaded, per account and region, and the diagnostics.
#pragma once

#include <cstddef>
#include <string>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::output {

struct InventorySource {
  std::size_t files_read = 0;
  std::size_t bytes_read = 0;
};

/// Counts per resource type for every (account, region), totals, and a diagnostics summary.
std::string InventoryText(const model::Network& network, const base::Diagnostics& diagnostics,
                          const InventorySource& source);

/// The same as one JSON object (schema "reachcheck/v1"), diagnostics included in full.
std::string InventoryJson(const model::Network& network, const base::Diagnostics& diagnostics,
                          const InventorySource& source);

/// One diagnostic as a JSON object text: severity, code, message, file, pointer, line, column.
std::string DiagnosticJson(const base::Diagnostic& diagnostic);

}  // namespace reachcheck::output
