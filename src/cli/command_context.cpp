// SPDX-License-Identifier: Apache-2.0
// Snapshot loading and error reporting shared by the subcommands.
#include "cli/command_context.h"

#include "reachcheck/base/exit_status.h"
#include "reachcheck/cache/cached_load.h"
#include "reachcheck/cli/progress.h"

namespace reachcheck::cli {

const model::Network* CommandContext::Load(bool keep_on_error, base::Diagnostics* diagnostics_out,
                                           ingest::LoadStats* stats) {
  base::Diagnostics diagnostics;
  cache::CacheOptions cache_options = cache::CacheOptionsFromEnvironment();
  if (no_cache) cache_options.enabled = false;
  model::Network network;
  {
    ProgressLine progress(err, StderrIsTerminal(err));
    network = cache::LoadSnapshotCached(snapshot_paths, diagnostics, cache_options, stats,
                                        [&progress](const ingest::LoadProgress& p) {
                                          progress.Update([&p] { return FormatLoadProgress(p); });
                                        });
  }
  for (const base::Diagnostic& d : diagnostics.Sorted()) err << d.ToString() << "\n";
  bool failed = diagnostics.HasErrors();
  if (diagnostics_out != nullptr) diagnostics_out->Append(diagnostics);
  if (failed) {
    err << "reachcheck: " << diagnostics.Count(base::Severity::kError)
        << " input error(s); fix them or remove the offending elements\n";
    exit_status = base::kExitBadInput;
    if (!keep_on_error) return nullptr;
  }
  network_ = std::make_unique<model::Network>(std::move(network));
  return network_.get();
}

const analysis::Engine* CommandContext::BuildEngine(const model::Network& network) {
  ProgressLine progress(err, StderrIsTerminal(err));
  engine_ = std::make_unique<analysis::Engine>(network, [&progress](std::size_t done, std::size_t total) {
    progress.Update([=] { return FormatSweepProgress("building the graph", done, total, "steps"); });
  });
  return engine_.get();
}

void CommandContext::UsageError(const std::string& code, const std::string& message) {
  err << "reachcheck: error: " << message << " [" << code << "]\n";
  exit_status = base::kExitBadInput;
}

}  // namespace reachcheck::cli
