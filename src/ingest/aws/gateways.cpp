// SPDX-License-Identifier: Apache-2.0
// describe-internet-gateways and describe-egress-only-internet-gateways, with attachments.
#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

void ParseGateway(const Node& element, FileContext& context, std::string_view id_key, bool egress_only) {
  element.ExpectObject(egress_only ? "an egress-only internet gateway" : "an internet gateway");
  model::InternetGateway gateway;
  gateway.id = element.String(id_key);
  gateway.egress_only = egress_only;
  gateway.owner_id = element.StringOr("OwnerId");
  if (std::optional<Node> list = element.OptArray("Attachments")) {
    gateway.attachments.reserve(list->Size());
    for (const Node& attachment : list->Elements()) {
      attachment.ExpectObject("a gateway attachment");
      model::GatewayAttachment out;
      out.vpc_id = attachment.String("VpcId");
      out.state = attachment.StringOr("State");
      gateway.attachments.push_back(std::move(out));
    }
  }
  gateway.tags = ReadTags(element);
  gateway.scope = context.ScopeOf(gateway.owner_id, "");
  gateway.origin = context.Ref(element.Pointer());
  context.network().internet_gateways.push_back(std::move(gateway));
}

}  // namespace

void ParseInternetGateway(const Node& element, FileContext& context) {
  ParseGateway(element, context, "InternetGatewayId", false);
}

void ParseEgressOnlyInternetGateway(const Node& element, FileContext& context) {
  ParseGateway(element, context, "EgressOnlyInternetGatewayId", true);
}

}  // namespace reachcheck::ingest::aws
