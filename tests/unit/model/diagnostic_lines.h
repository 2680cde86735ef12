// SPDX-License-Identifier: Apache-2.0
// Test helper: diagnostics as one comparable line each, in the order they were reported:
// "<severity> <code> <file>#<pointer>: <message>".
#pragma once

#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"

namespace reachcheck::model {

inline std::vector<std::string> Lines(const base::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const base::Diagnostic& d : diagnostics.All()) {
    out.push_back(std::string(base::SeverityName(d.severity)) + " " + d.code + " " + d.where.ToString() +
                  ": " + d.message);
  }
  return out;
}

using LineList = std::vector<std::string>;

}  // namespace reachcheck::model
