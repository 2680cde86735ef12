// SPDX-License-Identifier: Apache-2.0
// `reachcheck inventory`: counts per resource type, accounts, regions, and every diagnostic.
#include <CLI/CLI.hpp>
#include <memory>

#include "cli/command_context.h"
#include "reachcheck/output/inventory_report.h"

namespace reachcheck::cli {

void AddInventoryCommand(CLI::App& app, CommandContext& context) {
  CLI::App* sub = app.add_subcommand(
      "inventory", "What was loaded: counts per resource type, accounts, regions, diagnostics");
  auto format = std::make_shared<std::string>("text");
  sub->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json"}));
  sub->callback([&context, format] {
    base::Diagnostics diagnostics;
    ingest::LoadStats stats;
    const model::Network* network = context.Load(true, &diagnostics, &stats);
    if (!network) return;
    output::InventorySource source{stats.files_read, stats.bytes_read};
    if (*format == "json") {
      context.out << output::InventoryJson(*network, diagnostics, source);
    } else {
      context.out << output::InventoryText(*network, diagnostics, source);
    }
  });
}

}  // namespace reachcheck::cli
