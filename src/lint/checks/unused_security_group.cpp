// SPDX-License-Identifier: Apache-2.0
// unused-security-group: a security group attached to no network interface and no VPC
// endpoint (skipped when the snapshot has no interfaces or instances at all).
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "lint/checks/builtin_checks.h"
#include "lint/lint_util.h"

namespace reachcheck::lint::checks {
namespace unused_security_group {

class Check : public NativeCheck {
 public:
  const char* Name() const override { return "unused-security-group"; }
  const char* Summary() const override { return "security groups attached to nothing"; }
  std::vector<ParamSpec> Parameters() const override {
    return {{"ignore_default", ParamType::kBool, "true",
             "skip each VPC's \"default\" group, which AWS creates and cannot delete"}};
  }
  void Run(const CheckContext& context, std::vector<Finding>& out) const override {
    const model::Network& network = context.network();
    if (network.interfaces.empty() && network.instances.empty()) return;  // nothing to judge by
    std::set<model::Handle> used;
    for (const model::NetworkInterface& eni : network.interfaces) {
      used.insert(eni.groups.begin(), eni.groups.end());
      for (const base::Text& id : eni.group_ids) used.insert(network.FindSecurityGroup(id, eni.scope));
    }
    for (const model::VpcEndpoint& endpoint : network.endpoints) {
      for (const base::Text& id : endpoint.group_ids)
        used.insert(network.FindSecurityGroup(id, endpoint.scope));
    }
    // Which groups' rules name each group id (built once: one pass over every rule).
    std::unordered_map<std::string, std::set<std::string>> referencing;
    for (const model::SecurityGroup& other : network.security_groups) {
      for (const auto* rules : {&other.ingress, &other.egress}) {
        for (const model::SgRule& rule : *rules) {
          if (rule.peer_kind == model::PeerKind::kSecurityGroup && rule.group_id != other.id) {
            referencing[rule.group_id].insert(other.id);
          }
        }
      }
    }
    const std::set<std::string> none;
    bool ignore_default = context.Flag("ignore_default");
    for (model::Handle h = 0; h < network.security_groups.size(); ++h) {
      const model::SecurityGroup& sg = network.security_groups[h];
      if (used.count(h) != 0) continue;
      if (ignore_default && sg.name == "default") continue;
      auto found = referencing.find(sg.id);
      const std::set<std::string>& referenced_by = found == referencing.end() ? none : found->second;
      std::string name = sg.name.empty() ? sg.id.str() : sg.id + " (" + sg.name + ")";
      std::string message = name + " is attached to no network interface or VPC endpoint";
      if (!referenced_by.empty()) {
        message += "; it is still referenced by rules of " +
                   JoinComma(std::vector<std::string>(referenced_by.begin(), referenced_by.end())) +
                   ", which therefore match nothing";
      }
      out.push_back(context.Make({sg.id}, message, sg.origin));
    }
  }
};

}  // namespace unused_security_group

const NativeCheck& UnusedSecurityGroup() {
  static const unused_security_group::Check kCheck;
  return kCheck;
}

}  // namespace reachcheck::lint::checks
