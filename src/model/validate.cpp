// SPDX-License-Identifier: Apache-2.0
// model::Validate: runs the resolution passes in order, and the helpers they share.
#include "reachcheck/model/validate.h"

#include "validate_internal.h"

namespace reachcheck::model {

namespace detail {

void Checker::Dangling(const base::SourceRef& where, const std::string& referrer, std::string_view relation,
                       std::string_view kind, std::string_view id) {
  std::string message = referrer;
  message += ' ';
  message += relation;
  message += ' ';
  message += Named(kind, id);
  message += " which is not in the snapshot";
  diagnostics.Warning("input-dangling-ref", std::move(message), where);
}

void Checker::Conflict(const base::SourceRef& where, std::string message) {
  diagnostics.Warning("input-conflicting-association", std::move(message), where);
}

std::string Named(std::string_view kind, std::string_view id) {
  std::string out(kind);
  out += " '";
  out += id;
  out += '\'';
  return out;
}

std::string QuotedList(const std::vector<std::string>& ids, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < ids.size() && i < max; ++i) {
    if (i > 0) out += ", ";
    out += '\'' + ids[i] + '\'';
  }
  if (ids.size() > max) out += ", and " + std::to_string(ids.size() - max) + " more";
  return out;
}

std::string InScopeText(const Network& network, Handle scope) {
  if (scope >= network.scopes.size()) return "";
  const Scope& s = network.scopes[scope];
  std::string out;
  if (!s.account.empty()) out += " account " + s.account;
  if (!s.region.empty()) out += " region " + s.region;
  return out.empty() ? out : " in" + out;
}

std::string VpcKey(Handle vpc, Handle scope, const std::string& vpc_id) {
  if (vpc != kNone) return "#" + std::to_string(vpc);
  return std::to_string(scope) + "/" + vpc_id;
}

void SubnetsByVpc::Add(const Network& network, Handle subnet) {
  const Subnet& s = network.subnets[subnet];
  if (s.vpc_id.empty()) {
    without_vpc_.push_back(subnet);
    return;
  }
  auto [it, inserted] = groups_.try_emplace(VpcKey(s.vpc, s.scope, s.vpc_id));
  if (inserted) keys_.push_back(it->first);
  it->second.push_back(subnet);
}

void SubnetsByVpc::Report(Checker& checker, const char* code, std::string_view what,
                          std::string_view no_vpc_what) const {
  const Network& n = checker.network;
  for (Handle s : without_vpc_) {
    const Subnet& subnet = n.subnets[s];
    checker.diagnostics.Warning(code, Named("subnet", subnet.id) + " " + std::string(no_vpc_what),
                                subnet.origin);
  }
  for (const std::string& key : keys_) {
    const std::vector<Handle>& subnets = groups_.at(key);
    const Subnet& first = n.subnets[subnets.front()];
    std::vector<std::string> ids;
    ids.reserve(subnets.size());
    for (Handle s : subnets) ids.push_back(n.subnets[s].id);
    const base::SourceRef& where = first.vpc != kNone ? n.vpcs[first.vpc].origin : first.origin;
    checker.diagnostics.Warning(
        code, Named("VPC", first.vpc_id) + " " + std::string(what) + ": " + QuotedList(ids), where);
  }
}

}  // namespace detail

void Validate(Network& network, base::Diagnostics& diagnostics) {
  detail::Checker checker{network, diagnostics};
  detail::RemoveDuplicates(checker);
  detail::ResolveVpcReferences(checker);
  detail::ResolveGateways(checker);
  detail::ResolveRouteTargets(checker);
  detail::ResolveSubnetRouteTables(checker);
  detail::ResolveSubnetAcls(checker);
  detail::ResolveSecurityGroupRules(checker);
  detail::ResolveInterfaces(checker);
  detail::ResolveInstances(checker);
  detail::MergeElasticIps(checker);
}

}  // namespace reachcheck::model
