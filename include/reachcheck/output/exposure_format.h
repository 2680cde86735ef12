// SPDX-License-Identifier: Apache-2.0
// `exposure` as text and JSON: every interface, address and service reachable from the internet.
#pragma once

#include <string>
#include <vector>

#include "reachcheck/analysis/engine.h"

namespace reachcheck::output {

/// The exposures sorted by (interface, address, protocols, ports), the order both formats use.
std::vector<analysis::Exposure> SortedExposures(std::vector<analysis::Exposure> exposures);

/// Text report: a summary line, then each exposure with its path hop by hop. `scope` is the
/// queried service in words ("all protocols, all ports").
std::string FormatExposureText(const std::vector<analysis::Exposure>& exposures, const std::string& scope);

/// {"exposed": [{"interface", "instance", "address", "protocol", "ports", "path"}]}, sorted.
std::string FormatExposureJson(const std::vector<analysis::Exposure>& exposures);

}  // namespace reachcheck::output
