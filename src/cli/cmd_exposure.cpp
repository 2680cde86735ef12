// SPDX-License-Identifier: Apache-2.0
// `reachcheck exposure`: every interface, address and service reachable from the internet.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command_context.h"
#include "cli/query_flags.h"
#include "reachcheck/cli/progress.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/output/exposure_format.h"
#include "reachcheck/output/text_util.h"

namespace reachcheck::cli {
namespace {

struct ExposureOptions {
  std::string protocol = "all";
  std::string port = "0-65535";
  std::string format = "text";
};

void RunExposure(CommandContext& context, const ExposureOptions& options) {
  std::optional<net::ProtocolSet> protocols = ParseProtoFlag(context, options.protocol);
  if (!protocols) return;
  std::optional<net::PortSet> ports = ParsePortFlag(context, "--port", options.port);
  if (!ports) return;
  const model::Network* network = context.Load();
  if (!network) return;

  const analysis::Engine* engine = context.BuildEngine(*network);
  std::vector<analysis::Exposure> exposures;
  {
    ProgressLine progress(context.err, StderrIsTerminal(context.err));
    exposures = engine->Exposures(*protocols, *ports, [&progress](std::size_t done, std::size_t total) {
      progress.Update([=] { return FormatSweepProgress("exposure", done, total, "walks"); });
    });
  }
  if (options.format == "json") {
    context.out << output::FormatExposureJson(exposures);
  } else {
    std::string scope =
        output::QueryServiceText(net::ProtocolSetToString(*protocols), net::PortSetToString(*ports));
    context.out << output::FormatExposureText(exposures, scope);
  }
}

}  // namespace

void AddExposureCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ExposureOptions>();
  CLI::App* sub = app.add_subcommand(
      "exposure", "Everything reachable from the internet: interface, address, service, path");
  sub->add_option("--proto", options->protocol,
                  "tcp, udp, icmp, icmpv6, all or a protocol number (default all)");
  sub->add_option("--port", options->port, "Destination port N or range A-B (default all)");
  sub->add_option("--format", options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->callback([&context, options] { RunExposure(context, *options); });
}

}  // namespace reachcheck::cli
