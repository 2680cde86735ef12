// SPDX-License-Identifier: Apache-2.0
// The interface of a native check (a rule implemented in C++), its parameters, and what it
// is given when it runs.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "reachcheck/analysis/engine.h"
#include "reachcheck/lint/finding.h"
#include "reachcheck/lint/rule.h"
#include "reachcheck/model/network.h"
#include "reachcheck/net/port_set.h"

namespace reachcheck::lint {

enum class ParamType {
  kPortList,    ///< array of port numbers 0-65535 and "A-B" strings
  kStringList,  ///< array of non-empty strings
  kBool,
  kInteger,  ///< non-negative
};

/// A parameter a check accepts in its rule file's "parameters", with its default.
struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kBool;
  std::string default_json;  ///< the default as JSON text
  std::string doc;
};

/// The engine the rules of one run share, built on first use by whichever rule asks first
/// (rules run concurrently).
class SharedEngine {
 public:
  explicit SharedEngine(const model::Network& network, analysis::SweepProgress progress = {})
      : network_(network), progress_(std::move(progress)) {}
  const analysis::Engine& Get() const {
    std::call_once(once_,
                   [this] { engine_ = std::make_unique<const analysis::Engine>(network_, progress_); });
    return *engine_;
  }

 private:
  const model::Network& network_;
  analysis::SweepProgress progress_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<const analysis::Engine> engine_;
};

/// What a check sees: the network, the shared engine, its rule and its parameters
/// (validated, defaults filled in).
class CheckContext {
 public:
  CheckContext(const model::Network& network, const SharedEngine& engine, const RuleInfo& rule,
               const nlohmann::json& parameters)
      : network_(network), engine_(engine), rule_(rule), parameters_(parameters) {}

  const model::Network& network() const { return network_; }
  const analysis::Engine& engine() const { return engine_.Get(); }
  const RuleInfo& rule() const { return rule_; }

  net::PortSet Ports(const std::string& name) const;
  std::vector<std::string> Strings(const std::string& name) const;
  bool Flag(const std::string& name) const;
  std::int64_t Integer(const std::string& name) const;

  /// A finding of this rule at its default severity.
  Finding Make(std::vector<std::string> resources, std::string message, base::SourceRef location) const;

 private:
  const model::Network& network_;
  const SharedEngine& engine_;
  const RuleInfo& rule_;
  const nlohmann::json& parameters_;
};

class NativeCheck {
 public:
  virtual ~NativeCheck() = default;
  /// The name a rule file gives in "check".
  virtual const char* Name() const = 0;
  /// One line for docs and `rules list --verbose`.
  virtual const char* Summary() const = 0;
  virtual std::vector<ParamSpec> Parameters() const { return {}; }
  virtual void Run(const CheckContext& context, std::vector<Finding>& out) const = 0;
};

/// The check registered under `name`, or nullptr.
const NativeCheck* FindNativeCheck(const std::string& name);
/// Every registered check, in name order.
const std::vector<const NativeCheck*>& AllNativeChecks();

}  // namespace reachcheck::lint
