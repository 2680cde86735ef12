// SPDX-License-Identifier: Apache-2.0
// describe-tags: {"Tags": [{"ResourceId", "ResourceType", "Key", "Value"}]}, kept aside and
// merged into the elements they name once every file is read (finish.cpp).
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {

void ParseTagDescription(const Node& element, FileContext& context) {
  element.ExpectObject("a tag description");
  TagRecord record;
  record.resource_id = element.String("ResourceId");
  record.tag.key = element.String("Key");
  record.tag.value = element.StringOr("Value");
  record.scope = context.ScopeOf("", "");
  context.state().tags.push_back(std::move(record));
}

}  // namespace reachcheck::ingest::aws
