// SPDX-License-Identifier: Apache-2.0
// `reachcheck why SRC DST`: every packet from SRC to DST, partitioned into explained classes.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command_context.h"
#include "cli/query_flags.h"
#include "reachcheck/analysis/endpoint.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/base/exit_status.h"
#include "reachcheck/output/why_dot.h"
#include "reachcheck/output/why_json.h"
#include "reachcheck/output/why_text.h"

namespace reachcheck::cli {
namespace {

struct WhyOptions {
  std::string source;
  std::string destination;
  std::string protocol = "all";
  std::string port = "0-65535";
  std::string source_port = "1024-65535";
  std::string format = "text";
  bool all = false;
};

int ExitStatusOf(analysis::Verdict verdict) {
  switch (verdict) {
    case analysis::Verdict::kReachable:
      return base::kExitSuccess;
    case analysis::Verdict::kUnreachable:
      return base::kExitNegative;
    case analysis::Verdict::kPartial:
      return base::kExitPartial;
  }
  return base::kExitInternal;
}

void RunWhy(CommandContext& context, const WhyOptions& options) {
  // Flags first: a bad flag needs no snapshot to be reported.
  std::optional<net::ProtocolSet> protocols = ParseProtoFlag(context, options.protocol);
  if (!protocols) return;
  std::optional<net::PortSet> ports = ParsePortFlag(context, "--port", options.port);
  if (!ports) return;
  std::optional<net::PortSet> source_ports = ParsePortFlag(context, "--src-port", options.source_port);
  if (!source_ports) return;

  const model::Network* network = context.Load();
  if (!network) return;

  analysis::EndpointResolution source = analysis::ResolveEndpoint(*network, options.source);
  if (!source.ok) {
    context.UsageError(source.code, "source: " + source.error);
    return;
  }
  analysis::EndpointResolution destination = analysis::ResolveEndpoint(*network, options.destination);
  if (!destination.ok) {
    context.UsageError(destination.code, "destination: " + destination.error);
    return;
  }

  const analysis::Engine* engine = context.BuildEngine(*network);
  analysis::Query query;
  query.source = source.endpoint;
  query.destination = destination.endpoint;
  query.protocols = *protocols;
  query.ports = *ports;
  query.source_ports = *source_ports;
  analysis::QueryResult result = engine->Analyze(query);

  output::WhyRequest request;
  request.source = options.source;
  request.destination = options.destination;
  request.protocol = net::ProtocolSetToString(*protocols);
  request.ports = net::PortSetToString(*ports);
  request.source_ports = net::PortSetToString(*source_ports);
  output::WhyDisplayOptions display;
  display.all = options.all;

  if (options.format == "json") {
    output::WriteWhyJson(context.out, result, request);
  } else if (options.format == "dot") {
    context.out << output::FormatWhyDot(engine->GetTopology(), result, request, display);
  } else {
    context.out << output::FormatWhyText(result, request, display);
  }
  context.exit_status = ExitStatusOf(result.verdict);
}

}  // namespace

void AddWhyCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<WhyOptions>();
  CLI::App* sub =
      app.add_subcommand("why",
                         "Explain every packet from SRC to DST: reachable classes with their path, "
                         "unreachable ones with every blocking component");
  sub->add_option("SRC", options->source,
                  "Source: i-, eni-, subnet-, address, CIDR, internet, tag:KEY=REGEX, igw-/nat-/pcx-")
      ->required();
  sub->add_option("DST", options->destination, "Destination (same forms as SRC)")->required();
  sub->add_option("--proto", options->protocol,
                  "tcp, udp, icmp, icmpv6, all or a protocol number (default all)");
  sub->add_option("--port", options->port,
                  "Destination port N or range A-B; for ICMP, type*256+code (default all)");
  sub->add_option("--src-port", options->source_port, "Source port N or range A-B (default 1024-65535)");
  sub->add_option("--format", options->format, "text (default), json or dot")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  sub->add_flag("--all", options->all, "Show every class and every CIDR (text and dot)");
  sub->callback([&context, options] { RunWhy(context, *options); });
}

}  // namespace reachcheck::cli
