// SPDX-License-Identifier: Apache-2.0
// `reachcheck graph`: the topology (or the part around one id) as Graphviz DOT or JSON.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>

#include "cli/command_context.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/base/spellcheck.h"
#include "reachcheck/output/graph_format.h"

namespace reachcheck::cli {
namespace {

struct GraphOptions {
  std::string format = "dot";
  std::string focus;
};

void RunGraph(CommandContext& context, const GraphOptions& options) {
  const model::Network* network = context.Load();
  if (!network) return;
  if (!options.focus.empty()) {
    std::vector<std::string> ids = network->AllIds();
    if (!std::binary_search(ids.begin(), ids.end(), options.focus)) {
      std::string message = "unknown --focus id '" + options.focus + "'";
      if (auto hint = base::ClosestMatch(options.focus, ids)) {
        message += "; did you mean '" + *hint + "'?";
      }
      context.UsageError("query-unknown-endpoint", message);
      return;
    }
  }
  const analysis::Engine* engine = context.BuildEngine(*network);
  analysis::Topology topology = engine->GetTopology(options.focus);
  if (!options.focus.empty() && topology.nodes.empty()) {
    context.UsageError("query-focus-not-in-graph",
                       "'" + options.focus +
                           "' is not drawn in the graph (it shows VPCs, subnets, route tables, "
                           "gateways, peering connections and interfaces)");
    return;
  }
  context.out << (options.format == "json" ? output::FormatGraphJson(topology)
                                           : output::FormatGraphDot(topology));
}

}  // namespace

void AddGraphCommand(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<GraphOptions>();
  CLI::App* sub = app.add_subcommand(
      "graph", "The topology, or the part around --focus ID, for Graphviz (dot) or as JSON");
  sub->add_option("--format", options->format, "dot (default) or json")
      ->check(CLI::IsMember({"dot", "json"}));
  sub->add_option("--focus", options->focus, "Only the part of the topology around this id");
  sub->callback([&context, options] { RunGraph(context, *options); });
}

}  // namespace reachcheck::cli
