// SPDX-License-Identifier: Apache-2.0
// `exposure` as text and JSON.
#include "reachcheck/output/exposure_format.h"

#include <algorithm>
#include <tuple>

#include "output/json_util.h"
#include "reachcheck/output/text_util.h"

namespace reachcheck::output {
namespace {

// Intervals as plain tuples so that sets compare lexicographically.
template <typename T>
std::vector<std::pair<T, T>> Key(const net::IntervalSet<T>& set) {
  std::vector<std::pair<T, T>> key;
  for (const auto& i : set.Intervals()) key.emplace_back(i.lo, i.hi);
  return key;
}

}  // namespace

std::vector<analysis::Exposure> SortedExposures(std::vector<analysis::Exposure> exposures) {
  std::stable_sort(exposures.begin(), exposures.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.interface_id, a.address, Key(a.protocols), Key(a.ports)) <
           std::make_tuple(b.interface_id, b.address, Key(b.protocols), Key(b.ports));
  });
  return exposures;
}

std::string FormatExposureText(const std::vector<analysis::Exposure>& exposures, const std::string& scope) {
  std::vector<analysis::Exposure> sorted = SortedExposures(exposures);
  if (sorted.empty()) return "No interface is reachable from the internet (" + scope + ").\n";
  std::string text =
      Count(sorted.size(), "exposure", "exposures") + " reachable from the internet (" + scope + "):\n";
  for (const analysis::Exposure& e : sorted) {
    std::string owner = e.instance_id.empty() ? "" : " (" + e.instance_id + ")";
    text += "\nEXPOSED  " + e.interface_id + owner + " at " + e.address.ToString() + "  " +
            ServiceText(e.protocols, e.ports) + "\n";
    text += HopListText(e.path, "    ");
  }
  return text;
}

std::string FormatExposureJson(const std::vector<analysis::Exposure>& exposures) {
  Json array = Json::array();
  for (const analysis::Exposure& e : SortedExposures(exposures)) {
    Json item;
    item["interface"] = e.interface_id;
    item["instance"] = e.instance_id;
    item["address"] = e.address.ToString();
    item["protocol"] = net::ProtocolSetToString(e.protocols);
    item["ports"] = PortArray(e.ports);
    if (!e.ports.IsAll()) {
      if (e.protocols.Contains(net::kIcmp)) item["icmp"] = net::IcmpSetToString(e.ports, false);
      if (e.protocols.Contains(net::kIcmpv6)) item["icmpv6"] = net::IcmpSetToString(e.ports, true);
    }
    item["path"] = HopArray(e.path);
    array.push_back(item);
  }
  Json json;
  json["exposed"] = array;
  return Dump(json);
}

}  // namespace reachcheck::output
