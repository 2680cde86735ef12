// SPDX-License-Identifier: Apache-2.0
// Resolves the SRC and DST of a question (ids, addresses, CIDRs, `internet`, tags) against
// the model, with "did you mean" hints for unknown ids.
#include "reachcheck/analysis/endpoint.h"

#include <algorithm>
#include <string>
#include <utility>

#include <re2/re2.h>

#include "analysis/describe.h"
#include "analysis/index.h"
#include "reachcheck/base/spellcheck.h"
#include "reachcheck/net/cidr.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::analysis {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

EndpointResolution Failure(std::string code, std::string error) {
  EndpointResolution r;
  r.code = std::move(code);
  r.error = std::move(error);
  return r;
}

EndpointResolution Success(Endpoint endpoint) {
  EndpointResolution r;
  r.ok = true;
  r.endpoint = std::move(endpoint);
  return r;
}

EndpointResolution Unknown(const model::Network& network, const std::string& text) {
  const std::vector<std::string> ids = network.AllIds();
  if (std::binary_search(ids.begin(), ids.end(), text)) {
    if (StartsWith(text, "i-") || StartsWith(text, "eni-") || StartsWith(text, "subnet-") ||
        StartsWith(text, "igw-") || StartsWith(text, "eigw-") || StartsWith(text, "nat-") ||
        StartsWith(text, "pcx-")) {
      return Failure("query-bad-endpoint",
                     "endpoint '" + text + "' is ambiguous: several accounts or regions have that id");
    }
    return Failure("query-bad-endpoint",
                   "'" + text +
                       "' cannot be an endpoint (use an instance, interface, subnet, address, "
                       "CIDR, internet, tag:KEY=REGEX, or an igw-, nat- or pcx- id)");
  }
  std::string error = "unknown endpoint '" + text + "'";
  if (auto hint = base::ClosestMatch(text, ids)) error += "; did you mean '" + *hint + "'?";
  return Failure("query-unknown-endpoint", error);
}

EndpointResolution ResolveTag(const model::Network& network, const std::string& text) {
  const std::string spec = text.substr(4);
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    return Failure("query-bad-endpoint", "bad tag endpoint '" + text + "': expected tag:KEY=REGEX");
  }
  const std::string key = spec.substr(0, eq);
  const std::string pattern = spec.substr(eq + 1);
  RE2 re(pattern, RE2::Quiet);
  if (!re.ok()) {
    return Failure("query-bad-regex",
                   "bad regular expression '" + pattern + "' in '" + text + "': " + re.error());
  }
  Endpoint endpoint;
  endpoint.kind = EndpointKind::kTag;
  endpoint.text = text;
  auto matches = [&](const model::Element& element) {
    const base::Text* value = element.FindTag(key);
    return value != nullptr && RE2::FullMatch(value->view(), re);
  };
  for (const model::Instance& instance : network.instances) {
    if (!matches(instance)) continue;
    for (model::Handle h : instance.interfaces) {
      if (h != model::kNone) endpoint.interfaces.push_back(h);
    }
  }
  for (model::Handle h = 0; h < network.interfaces.size(); ++h) {
    if (matches(network.interfaces[h])) endpoint.interfaces.push_back(h);
  }
  std::sort(endpoint.interfaces.begin(), endpoint.interfaces.end());
  endpoint.interfaces.erase(std::unique(endpoint.interfaces.begin(), endpoint.interfaces.end()),
                            endpoint.interfaces.end());
  if (endpoint.interfaces.empty()) {
    return Failure("query-unknown-endpoint",
                   "no instance or interface has a tag '" + key + "' matching '" + pattern + "'");
  }
  return Success(std::move(endpoint));
}

}  // namespace

namespace detail {

net::AddressSet ModelledPublicAddresses(const model::Network& network) {
  std::vector<net::IpAddress> publics;
  for (const model::NetworkInterface& e : network.interfaces) {
    for (const model::PrivateAddress& a : e.private_addresses) {
      if (a.public_ip) publics.push_back(*a.public_ip);
    }
  }
  for (const model::NatGateway& nat : network.nat_gateways) {
    for (const model::NatAddress& a : nat.addresses) {
      if (a.public_ip) publics.push_back(*a.public_ip);
    }
  }
  for (const model::ElasticIp& eip : network.elastic_ips) publics.push_back(eip.public_ip);
  return SetOf(std::move(publics));
}

net::AddressSet VpcBlocks(const model::Network& network) {
  std::vector<net::Cidr> blocks;
  for (const model::Vpc& vpc : network.vpcs) {
    blocks.insert(blocks.end(), vpc.ipv4_cidrs.begin(), vpc.ipv4_cidrs.end());
    blocks.insert(blocks.end(), vpc.ipv6_cidrs.begin(), vpc.ipv6_cidrs.end());
  }
  return CidrSet(std::move(blocks));
}

net::AddressSet CoarseInternet(const model::Network& network) {
  return net::AddressSet::All().Subtract(Rfc1918()).Subtract(Rfc6598()).Subtract(VpcBlocks(network));
}

}  // namespace detail

net::AddressSet InternetAddresses(const model::Network& network) {
  return detail::CoarseInternet(network).Subtract(detail::ModelledPublicAddresses(network));
}

EndpointResolution ResolveEndpoint(const model::Network& network, std::string_view text_view) {
  const std::string text(text_view);
  if (text.empty()) return Failure("query-bad-endpoint", "empty endpoint");
  Endpoint endpoint;
  endpoint.text = text;
  if (text == "internet") {
    endpoint.kind = EndpointKind::kInternet;
    endpoint.addresses = InternetAddresses(network);
    return Success(std::move(endpoint));
  }
  if (StartsWith(text, "tag:")) return ResolveTag(network, text);
  if (auto address = net::ParseIpAddress(text)) {
    endpoint.kind = EndpointKind::kAddress;
    endpoint.addresses = net::AddressSet::Of(*address);
    return Success(std::move(endpoint));
  }
  if (text.find('/') != std::string::npos) {
    const net::CidrParse parse = net::ParseCidr(text);
    if (!parse.cidr) return Failure("query-bad-endpoint", "bad CIDR '" + text + "': " + parse.error);
    endpoint.kind = EndpointKind::kCidr;
    endpoint.addresses = net::AddressSet::Of(*parse.cidr);
    return Success(std::move(endpoint));
  }
  if (StartsWith(text, "i-")) {
    const model::Handle h = network.FindInstance(text, model::kNone);
    if (h == model::kNone) return Unknown(network, text);
    endpoint.kind = EndpointKind::kInstance;
    for (model::Handle e : network.instances[h].interfaces) {
      if (e != model::kNone) endpoint.interfaces.push_back(e);
    }
    if (endpoint.interfaces.empty()) {
      return Failure("query-bad-endpoint",
                     "instance '" + text + "' has no network interface in the snapshot");
    }
    return Success(std::move(endpoint));
  }
  if (StartsWith(text, "eni-")) {
    const model::Handle h = network.FindInterface(text, model::kNone);
    if (h == model::kNone) return Unknown(network, text);
    endpoint.kind = EndpointKind::kInterface;
    endpoint.interfaces.push_back(h);
    return Success(std::move(endpoint));
  }
  if (StartsWith(text, "subnet-")) {
    const model::Handle h = network.FindSubnet(text, model::kNone);
    if (h == model::kNone) return Unknown(network, text);
    endpoint.kind = EndpointKind::kSubnet;
    endpoint.subnet = h;
    return Success(std::move(endpoint));
  }
  model::Handle gateway = model::kNone;
  if (StartsWith(text, "igw-") || StartsWith(text, "eigw-")) {
    gateway = network.FindInternetGateway(text, model::kNone);
    endpoint.gateway_kind = "igw";
  } else if (StartsWith(text, "nat-")) {
    gateway = network.FindNatGateway(text, model::kNone);
    endpoint.gateway_kind = "nat";
  } else if (StartsWith(text, "pcx-")) {
    gateway = network.FindPeering(text, model::kNone);
    endpoint.gateway_kind = "pcx";
  }
  if (gateway == model::kNone) return Unknown(network, text);
  endpoint.kind = EndpointKind::kGateway;
  endpoint.gateway = gateway;
  return Success(std::move(endpoint));
}

}  // namespace reachcheck::analysis
