// SPDX-License-Identifier: Apache-2.0
// bench/reachcheck_bench: loads a snapshot and times each stage of reachcheck on it (load,
// graph build, point queries, `why <interface> 0.0.0.0/0`, exposure, lint, a load from the
// model cache), with peak RSS; prints one JSON object. Queries run on one thread, warm, after
// the load; exposure and lint use both cores.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "bench_measure.h"
#include "reachcheck/base/diagnostic.h"
#include "reachcheck/cache/cached_load.h"
#include "reachcheck/ingest/load.h"

#include "reachcheck/analysis/endpoint.h"
#include "reachcheck/analysis/engine.h"
#include "reachcheck/lint/linter.h"

namespace {

using Json = nlohmann::ordered_json;
using reachcheck::bench::Median;
using reachcheck::bench::Percentile;
using reachcheck::bench::Seconds;
using reachcheck::bench::Stopwatch;

struct Options {
  std::vector<std::string> snapshot;
  std::string size;
  int queries = 10000;
  int why_runs = 7;
  std::uint64_t seed = 1;
  bool lint = true;
  std::string cache_dir;      ///< "" = a fresh folder in the temp directory, removed at the end
  bool cached_start = false;  ///< only time a second run's start from --cache-dir
  bool first_run = false;     ///< only time a first run's start into the empty --cache-dir
};

int Usage(const char* message) {
  if (message != nullptr) std::fprintf(stderr, "reachcheck_bench: %s\n", message);
  std::fputs(
      "usage: reachcheck_bench --snapshot PATH [--snapshot PATH]... [--size NAME] [--queries N]\n"
      "                        [--why-runs N] [--seed N] [--no-lint]\n"
      "                        [--cache-dir DIR]\n"
      "       reachcheck_bench --cached-start --snapshot PATH... --cache-dir DIR\n"
      "       reachcheck_bench --first-run --snapshot PATH... --cache-dir EMPTY_DIR\n",
      stderr);
  return 2;
}

// Stores the snapshot in an empty model cache (a full load plus the write), then loads it
// from there in this process: cache_store_s, cache_file_bytes, cached_model_s (the model from
// the cache) and cached_load_s (that plus the graph build). A process that has held the first
// load reuses its memory, so bench/run also times the start in a process of its own
// (--cached-start), which is what a user's second run is.
void MeasureCachedLoad(const Options& options, const reachcheck::model::Network& loaded, Json& out) {
  namespace fs = std::filesystem;
  using namespace reachcheck;
  const bool own_dir = options.cache_dir.empty();
  const fs::path dir =
      own_dir ? fs::temp_directory_path() / ("reachcheck-bench-cache-" + std::to_string(::getpid()))
              : fs::path(options.cache_dir);
  std::error_code ec;
  cache::CacheOptions cache_options{true, dir.string()};
  base::Diagnostics store_diagnostics;
  ingest::LoadStats store_stats;
  cache::CacheOutcome store_outcome = cache::CacheOutcome::kDisabled;
  Stopwatch store_watch;
  cache::LoadSnapshotCached(options.snapshot, store_diagnostics, cache_options, &store_stats, {},
                            &store_outcome);
  out["cache_store_s"] = Seconds(store_watch.Seconds());
  if (store_outcome == cache::CacheOutcome::kHit) {
    out["cache_store"] = "the cache folder already held this snapshot";
  }
  const std::string file = cache::CacheFilePath(dir.string(), store_stats.content_key);
  const std::uintmax_t file_bytes = fs::file_size(file, ec);
  out["cache_file_bytes"] = ec ? Json(nullptr) : Json(file_bytes);
  base::Diagnostics cached_diagnostics;
  cache::CacheOutcome outcome = cache::CacheOutcome::kDisabled;
  Stopwatch cached_watch;
  model::Network cached =
      cache::LoadSnapshotCached(options.snapshot, cached_diagnostics, cache_options, nullptr, {}, &outcome);
  const double cached_model_s = cached_watch.Seconds();
  {
    const analysis::Engine ready(cached);  // a run answers questions once its graph is built
  }
  const double cached_s = cached_watch.Seconds();
  const bool hit = outcome == cache::CacheOutcome::kHit &&
                   cached.interfaces.size() == loaded.interfaces.size() &&
                   cached_diagnostics.All().size() == store_diagnostics.All().size();
  out["cached_load_s"] = hit ? Json(Seconds(cached_s)) : Json(nullptr);
  out["cached_model_s"] = hit ? Json(Seconds(cached_model_s)) : Json(nullptr);
  if (!hit) out["cached_load"] = "the second load was not served from the cache";
  if (own_dir) fs::remove_all(dir, ec);
}

// A run's start as the executable makes it: the model through the cache folder (a hit, or
// a load that stores it), then the graph build. The model and the engine are kept for the
// process's exit, as in the executable.
struct TimedStart {
  std::unique_ptr<reachcheck::model::Network> network;
  std::unique_ptr<reachcheck::analysis::Engine> engine;
  reachcheck::cache::CacheOutcome outcome = reachcheck::cache::CacheOutcome::kDisabled;
  reachcheck::ingest::LoadStats stats;
  double model_s = 0;  ///< the model, from the start
  double start_s = 0;  ///< the model and the graph, from the start
};

TimedStart TimeStart(const Options& options) {
  using namespace reachcheck;
  const cache::CacheOptions cache_options{true, options.cache_dir};
  base::Diagnostics diagnostics;
  TimedStart run;
  Stopwatch watch;
  run.network = std::make_unique<model::Network>(
      cache::LoadSnapshotCached(options.snapshot, diagnostics, cache_options, &run.stats, {}, &run.outcome));
  run.model_s = watch.Seconds();
  run.engine = std::make_unique<analysis::Engine>(*run.network);
  run.start_s = watch.Seconds();
  return run;
}

[[noreturn]] void PrintAndExit(const Json& out) {
  std::printf("%s\n", out.dump(1).c_str());
  std::fflush(stdout);
  std::_Exit(0);  // no teardown of the model and the engine, as in the executable
}

// A second run's start, in a process of its own (as a user's next command is): the model
// from the cache that an earlier driver run left in --cache-dir, then the graph build.
// Prints cached_start_s, cached_start_model_s, whether it was a hit, the files read for the
// key and the peak RSS.
int MeasureCachedStart(const Options& options) {
  if (options.cache_dir.empty()) return Usage("--cached-start needs --cache-dir");
  const TimedStart run = TimeStart(options);
  Json out;
  out["cached_start_hit"] = run.outcome == reachcheck::cache::CacheOutcome::kHit;
  out["cached_start_s"] = Seconds(run.start_s);
  out["cached_start_model_s"] = Seconds(run.model_s);
  out["cached_start_key_files_read"] = run.stats.key_files_read;
  out["cached_start_peak_rss_bytes"] = reachcheck::bench::PeakRssBytes();
  PrintAndExit(out);
}

// A first run's start on a snapshot the cache folder does not hold, in a process of its own
// (as a user's first command is): the load, the model stored in the cache, then the graph
// build. Prints first_run_s, first_run_load_s (the loader's read + parse, model and
// validate), first_run_cache_s (the rest before the graph: the content key, the encoding and
// the write), whether it stored, and the peak RSS. Fails when the folder already held the
// snapshot.
int MeasureFirstRun(const Options& options) {
  if (options.cache_dir.empty()) return Usage("--first-run needs --cache-dir");
  const TimedStart run = TimeStart(options);
  if (run.outcome == reachcheck::cache::CacheOutcome::kHit) {
    return Usage("--first-run: the cache folder already held the snapshot");
  }
  const double load_s = run.stats.parse_s + run.stats.model_s + run.stats.validate_s;
  Json out;
  out["first_run_stored"] = run.outcome == reachcheck::cache::CacheOutcome::kStored;
  out["first_run_s"] = Seconds(run.start_s);
  out["first_run_load_s"] = Seconds(load_s);
  out["first_run_cache_s"] = Seconds(run.model_s - load_s);
  out["first_run_graph_s"] = Seconds(run.start_s - run.model_s);
  out["first_run_peak_rss_bytes"] = reachcheck::bench::PeakRssBytes();
  PrintAndExit(out);
}

}  // namespace

namespace reachcheck::bench {
// bench_queries.cpp
void MeasureQueries(const model::Network& network, const analysis::Engine& engine, int queries, int why_runs,
                    std::uint64_t seed, nlohmann::ordered_json& out);
}  // namespace reachcheck::bench

int main(int argc, char** argv) {
  using namespace reachcheck;
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--snapshot" && has_value) {
      options.snapshot.push_back(argv[++i]);
    } else if (arg == "--size" && has_value) {
      options.size = argv[++i];
    } else if (arg == "--queries" && has_value) {
      options.queries = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--why-runs" && has_value) {
      options.why_runs = std::max(0, std::atoi(argv[++i]));  // 0: no why runs
    } else if (arg == "--seed" && has_value) {
      options.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--no-lint") {
      options.lint = false;
    } else if (arg == "--cache-dir" && has_value) {
      options.cache_dir = argv[++i];
    } else if (arg == "--cached-start") {
      options.cached_start = true;
    } else if (arg == "--first-run") {
      options.first_run = true;
    } else {
      return Usage(("unknown or incomplete argument " + arg).c_str());
    }
  }
  if (options.snapshot.empty()) return Usage("--snapshot is required");
  if (options.cached_start) return MeasureCachedStart(options);
  if (options.first_run) return MeasureFirstRun(options);

  Json out;
  out["size"] = options.size.empty() ? Json(nullptr) : Json(options.size);
  out["snapshot"] = options.snapshot.size() == 1 ? Json(options.snapshot[0]) : Json(options.snapshot);
  const std::uint64_t rss_start = bench::CurrentRssBytes();

  // Load, as the issue counts it: read + parse, model, validate (the loader times its phases),
  // then the graph (the engine's index).
  base::Diagnostics diagnostics;
  ingest::LoadStats stats;
  Stopwatch load_watch;
  model::Network network = ingest::LoadSnapshot(options.snapshot, diagnostics, &stats);
  const double ingest_s = load_watch.Seconds();
  const std::uint64_t rss_after_ingest = bench::CurrentRssBytes();
  Stopwatch graph_watch;
  auto engine = std::make_unique<analysis::Engine>(network);
  const double graph_s = graph_watch.Seconds();
  const double load_s = load_watch.Seconds();
  const std::uint64_t load_peak_rss = bench::PeakRssBytes();
  out["files"] = stats.files_read;
  out["input_bytes"] = stats.bytes_read;
  out["load_s"] = Seconds(load_s);
  out["load_mb_per_s"] =
      load_s > 0 ? Json(static_cast<double>(stats.bytes_read) / 1e6 / load_s) : Json(nullptr);
  out["load_ingest_s"] = Seconds(ingest_s);
  out["load_parse_s"] = Seconds(stats.parse_s);
  out["load_model_s"] = Seconds(stats.model_s);
  out["load_validate_s"] = Seconds(stats.validate_s);
  out["graph_build_s"] = Seconds(graph_s);
  out["load_split"] =
      "load_s is ingest::LoadSnapshot (load_ingest_s) followed by building analysis::Engine "
      "(graph_build_s); load_parse_s (reading the files and the JSON parse), load_model_s "
      "(routing into the model, post-pass, line:column of diagnostics) and load_validate_s "
      "(model::Validate) are the loader's own timings";
  out["load_peak_rss_bytes"] = load_peak_rss;
  Json counts = Json::object();
  for (const auto& [type, count] : network.Counts(model::kNone)) counts[type] = count;
  out["model_counts"] = counts;
  out["diagnostics"] = {{"error", diagnostics.Count(base::Severity::kError)},
                        {"warning", diagnostics.Count(base::Severity::kWarning)},
                        {"note", diagnostics.Count(base::Severity::kNote)}};
  std::map<std::string, std::size_t> codes;
  for (const base::Diagnostic& d : diagnostics.All()) ++codes[d.code];
  out["diagnostic_codes"] = codes;
  out["rss_after_load_bytes"] = rss_after_ingest;
  out["rss_after_graph_bytes"] = bench::CurrentRssBytes();
  out["rss_start_bytes"] = rss_start;
  bench::MeasureQueries(network, *engine, options.queries, options.why_runs, options.seed, out);

  if (options.lint) {
    base::Diagnostics lint_diagnostics;
    lint::LintConfig config;
    Stopwatch watch;
    const std::vector<lint::Rule> rules = lint::SelectRules(lint::RuleSelection{}, config, lint_diagnostics);
    const lint::LintReport report = lint::RunLint(network, rules, config);
    out["lint_s"] = Seconds(watch.Seconds());
    out["lint_rules"] = rules.size();
    out["lint_findings"] = report.findings.size();
  } else {
    out["lint_s"] = nullptr;
  }

  out["peak_rss_bytes"] = bench::PeakRssBytes();
  MeasureCachedLoad(options, network, out);
  std::printf("%s\n", out.dump(1).c_str());
  return 0;
}
