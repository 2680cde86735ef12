// SPDX-License-Identifier: Apache-2.0
// JSON pieces shared by the JSON formatters.
#include "output/json_util.h"

#include "reachcheck/output/text_util.h"

namespace reachcheck::output {

Json CidrArray(const net::AddressSet& addresses) {
  Json array = Json::array();
  for (const net::Cidr& cidr : addresses.ToCidrs()) array.push_back(cidr.ToString());
  return array;
}

Json PortArray(const net::PortSet& ports) {
  Json array = Json::array();
  for (const std::string& range : net::PortRanges(ports)) array.push_back(range);
  return array;
}

Json HopJson(const analysis::Hop& hop) {
  Json json = {{"component", hop.component}, {"type", hop.type}, {"detail", hop.detail}};
  std::string where = WhereText(hop.where);
  if (!where.empty()) json["where"] = where;
  return json;
}

Json HopArray(const analysis::Path& hops) {
  Json array = Json::array();
  for (const analysis::Hop& hop : hops) array.push_back(HopJson(hop));
  return array;
}

Json BlockerJson(const analysis::Blocker& blocker) {
  Json json = {{"component", blocker.component},
               {"code", blocker.code},
               {"direction", blocker.direction},
               {"return_path", blocker.return_path},
               {"detail", blocker.detail}};
  std::string where = WhereText(blocker.where);
  if (!where.empty()) json["where"] = where;
  return json;
}

std::string DumpValue(const Json& json) { return json.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string Dump(const Json& json) { return DumpValue(json) + "\n"; }

}  // namespace reachcheck::output
