// SPDX-License-Identifier: Apache-2.0
// What a native check is given: parameters, the shared engine, finding construction.
#include "lint/checks/check.h"

namespace reachcheck::lint {

net::PortSet CheckContext::Ports(const std::string& name) const {
  net::PortSet ports;
  for (const nlohmann::json& item : parameters_.at(name)) {
    if (item.is_string()) {
      if (auto range = net::ParsePortRange(item.get<std::string>())) ports = ports.Union(*range);
    } else {
      ports = ports.Union(net::PortSet::Single(item.get<std::uint16_t>()));
    }
  }
  return ports;
}

std::vector<std::string> CheckContext::Strings(const std::string& name) const {
  return parameters_.at(name).get<std::vector<std::string>>();
}

bool CheckContext::Flag(const std::string& name) const { return parameters_.at(name).get<bool>(); }

std::int64_t CheckContext::Integer(const std::string& name) const {
  return parameters_.at(name).get<std::int64_t>();
}

Finding CheckContext::Make(std::vector<std::string> resources, std::string message,
                           base::SourceRef location) const {
  Finding finding;
  finding.rule = rule_.id;
  finding.severity = rule_.severity;
  finding.resources = std::move(resources);
  finding.message = std::move(message);
  finding.location = std::move(location);
  return finding;
}

}  // namespace reachcheck::lint
