// SPDX-License-Identifier: Apache-2.0
// Transit gateway, VPN, Direct Connect and similar resources: recorded with their id and
// place, counted, and reported once per file and key as not analysed yet.
#include "ingest/aws/aws_keys.h"
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseUnanalysed(const Node& element, std::string_view type, FileContext& context) {
  element.ExpectObject("an element");
  model::UnanalysedResource resource;
  resource.type = std::string(type);
  for (const UnanalysedKey& key : kUnanalysedKeys) {
    if (key.key == type) {
      resource.id = element.StringOr(key.id_field);
      break;
    }
  }
  resource.scope = context.ScopeOf(element.StringOr("OwnerId"), "");
  resource.origin = context.Ref(element.Pointer());
  context.network().unanalysed.push_back(std::move(resource));
}

}  // namespace reachcheck::ingest::aws
