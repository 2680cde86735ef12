// SPDX-License-Identifier: Apache-2.0
// The parsed body of a rule: a native check with its parameters, or a reachability intent.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "lint/checks/check.h"
#include "lint/intent.h"
#include "reachcheck/lint/rule.h"

namespace reachcheck::lint {

struct RuleBody {
  const NativeCheck* check = nullptr;  ///< kCheck
  nlohmann::json parameters;           ///< kCheck: every parameter, defaults filled in
  std::optional<Intent> intent;        ///< kIntent
};

}  // namespace reachcheck::lint
