// SPDX-License-Identifier: Apache-2.0
// Snapshot loading: walks the given paths for *.json (sorted), reads each file once, takes
// account/region from Batfish-style folders, routes the document by its keys, runs the
// post-pass and model::Validate, then resolves line:column for every diagnostic; times each
// phase and keys the snapshot by its contents.
#include "reachcheck/ingest/load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "ingest/aws/loader.h"
#include "ingest/json_parser.h"
#include "ingest/json_positions.h"
#include "reachcheck/base/parallel.h"
#include "reachcheck/ingest/snapshot_files.h"
#include "reachcheck/model/validate.h"

namespace reachcheck::ingest {
namespace {

namespace fs = std::filesystem;
using aws::FolderScope;
using aws::SnapshotState;

bool IsAccountNumber(const std::string& name) {
  return name.size() == 12 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Account and region from the folders of `file` (as the user spelled the path): the nearest
// folder named like a region; the account is the folder right above that one when it is a
// 12-digit number or sits in an "accounts" folder (aws_configs/accounts/<name>/<region>),
// else the nearest 12-digit folder.
FolderScope ScopeFromFolders(const fs::path& file) {
  std::vector<std::string> folders;
  for (const fs::path& part : file.parent_path()) folders.push_back(part.string());
  FolderScope scope;
  std::size_t region_at = folders.size();
  for (std::size_t i = folders.size(); i-- > 0;) {
    if (aws::IsRegionName(folders[i])) {
      scope.region = folders[i];
      region_at = i;
      break;
    }
  }
  if (region_at != folders.size() && region_at >= 2 && folders[region_at - 2] == "accounts") {
    scope.account = folders[region_at - 1];
    return scope;
  }
  for (std::size_t i = std::min(region_at, folders.size()); i-- > 0;) {
    if (IsAccountNumber(folders[i])) {
      scope.account = folders[i];
      break;
    }
  }
  return scope;
}

using Clock = std::chrono::steady_clock;
double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Parses one document with `parser` and routes it; false when it held no describe-* data.
// The time spent parsing and routing is added to `stats`.
// `allocated`: the bytes from the text's start that may be read (padding for the parser).
bool LoadText(std::string_view text, std::size_t allocated, const std::string& file, FolderScope folder,
              SnapshotState& state, JsonParser& parser, LoadStats& stats) {
  Clock::time_point start = Clock::now();
  ParsedDocument parsed = parser.Parse(text, allocated);
  stats.parse_s += SecondsSince(start);
  if (!parsed.ok) {
    base::SourceRef where{file, "", parsed.line, parsed.column};
    state.diagnostics.Error(parsed.code, parsed.message, where);
    return true;
  }
  start = Clock::now();
  bool recognised = false;
  {
    aws::FileContext context(state, file, std::move(folder));
    recognised = aws::LoadAwsDocument(parsed.root, "", context);
  }
  stats.model_s += SecondsSince(start);
  return recognised;
}

// A file's own snapshot state, with the sink its diagnostics go to while it is read.
struct FileState {
  FileState() = default;
  FileState(const FileState&) = delete;
  FileState& operator=(const FileState&) = delete;

  base::Diagnostics diagnostics;
  SnapshotState state{diagnostics};

  /// Whether the file added nothing but diagnostics (every element has a scope).
  bool NoElements() const {
    return state.network.scopes.empty() && state.tags.empty() && state.prefix_list_entries.empty() &&
           state.instances_without_interfaces.empty() && state.prefix_list_sources.empty();
  }
};

// One file read and modelled on its own (on any thread), merged in walk order afterwards.
// A file that added no elements keeps no state: a snapshot of many such files costs little.
struct FileLoad {
  const std::string* file = nullptr;
  bool read = false;
  std::string read_error;
  std::size_t bytes = 0;
  ContentKey::FileDigest digest;
  bool recognised = false;
  std::vector<base::Diagnostic> diagnostics;  ///< the file's own, in the order they came
  std::unique_ptr<FileState> added;           ///< nullptr when the file added no elements
  double parse_s = 0;
  double model_s = 0;
};

// Snapshots of fewer files are read on one thread: a thread costs more than it saves there.
constexpr std::size_t kMinFilesForThreads = 4;

std::size_t ResourceCount(const model::Network& n) {
  return n.vpcs.size() + n.subnets.size() + n.route_tables.size() + n.internet_gateways.size() +
         n.nat_gateways.size() + n.peerings.size() + n.security_groups.size() + n.network_acls.size() +
         n.interfaces.size() + n.instances.size() + n.elastic_ips.size() + n.prefix_lists.size() +
         n.endpoints.size() + n.unanalysed.size();
}

// Fills line/column of every diagnostic that has a file and a pointer but no position yet,
// reading each such file once (`text_of` returns its text, or false).
template <typename TextOf>
void ResolvePositions(base::Diagnostics& diagnostics, TextOf&& text_of) {
  std::map<std::string, std::vector<base::Diagnostic*>> by_file;
  for (base::Diagnostic& d : diagnostics.Mutable()) {
    if (!d.where.file.empty() && d.where.line == 0) by_file[d.where.file].push_back(&d);
  }
  for (auto& [file, items] : by_file) {
    std::string text;
    if (!text_of(file, text)) continue;
    std::vector<std::string> pointers;
    pointers.reserve(items.size());
    for (const base::Diagnostic* d : items) pointers.push_back(d->where.pointer.str());
    std::vector<LineColumn> positions = ResolvePointers(text, pointers);
    for (std::size_t i = 0; i < items.size(); ++i) {
      items[i]->where.line = positions[i].line;
      items[i]->where.column = positions[i].column;
    }
  }
}

// `errors_before`: the sink's error count before loading. A snapshot that yields nothing
// because its elements were rejected is explained by those errors already.
void Finish(SnapshotState& state, const std::string& empty_where, std::size_t errors_before,
            LoadStats& stats) {
  Clock::time_point start = Clock::now();
  aws::FinishSnapshot(state);
  if (ResourceCount(state.network) == 0 && !empty_where.empty() &&
      state.diagnostics.Count(base::Severity::kError) == errors_before) {
    state.diagnostics.Error("input-empty-snapshot", "no AWS resources found in " + empty_where,
                            base::SourceRef{});
  }
  stats.model_s += SecondsSince(start);
  start = Clock::now();
  model::Validate(state.network, state.diagnostics);
  stats.validate_s += SecondsSince(start);
  stats.resources_modelled = ResourceCount(state.network);
}

}  // namespace

model::Network LoadSnapshot(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                            LoadStats* stats, const LoadProgressCallback& progress) {
  LoadStats local;
  LoadStats& counts = stats != nullptr ? *stats : local;
  SnapshotState state(diagnostics);
  const std::size_t errors_before = diagnostics.Count(base::Severity::kError);
  const std::vector<SnapshotRoot> roots = ListSnapshotFiles(paths);

  // Every file is read, hashed, parsed and modelled into a state of its own, on every core;
  // each thread keeps one parser (and its buffers) for all of its files.
  std::vector<FileLoad> loads;
  for (const SnapshotRoot& root : roots) {
    for (const std::string& file : root.files) {
      loads.emplace_back();
      loads.back().file = &file;
    }
  }
  const unsigned threads = base::WorkerThreads(loads.size(), kMinFilesForThreads);
  counts.threads = threads;
  counts.files_hashed.clear();
  counts.files_hashed.reserve(loads.size());
  std::atomic<std::size_t> bytes_done{0}, resources_done{0};
  {
    std::vector<std::optional<JsonParser>> parsers(threads);
    std::vector<base::FileBuffer> buffers(threads);  // one file buffer per thread, reused
    auto load_one = [&](unsigned worker, std::size_t i) {
      FileLoad& load = loads[i];
      base::FileBuffer& text = buffers[worker];
      Clock::time_point read_start = Clock::now();
      load.read = ReadSnapshotFile(*load.file, text, load.read_error);
      load.parse_s = SecondsSince(read_start);
      if (!load.read) return;
      load.bytes = text.size();
      load.digest = ContentKey::Digest(text.view());
      if (!parsers[worker]) parsers[worker].emplace();
      load.added = std::make_unique<FileState>();
      LoadStats times;
      load.recognised = LoadText(text.view(), text.capacity(), *load.file, ScopeFromFolders(*load.file),
                                 load.added->state, *parsers[worker], times);
      load.parse_s += times.parse_s;
      load.model_s = times.model_s;
      bytes_done += load.bytes;
      resources_done += ResourceCount(load.added->state.network);
      load.diagnostics = std::move(load.added->diagnostics.Mutable());
      if (load.added->NoElements()) load.added.reset();
    };
    base::TaskProgress report;
    if (progress) {
      report = [&](std::size_t done, std::size_t total) {
        progress(LoadProgress{done, total, bytes_done.load(), resources_done.load()});
      };
    }
    Clock::time_point files_start = Clock::now();
    base::ForEachOnThreads(loads.size(), threads, load_one, report);
    // The phase's wall time, split between reading/parsing and modelling as the files' own
    // times are: with two threads those add up to about twice the wall time.
    double parse_s = 0, model_s = 0;
    for (const FileLoad& load : loads) {
      parse_s += load.parse_s;
      model_s += load.model_s;
    }
    const double wall_s = SecondsSince(files_start);
    const double busy_s = parse_s + model_s;
    counts.parse_s += busy_s > 0 ? wall_s * parse_s / busy_s : wall_s;
    counts.model_s += busy_s > 0 ? wall_s * model_s / busy_s : 0;
  }  // the parsers and file buffers go before the post-pass allocates

  // Merged in walk order: diagnostics, scopes and elements come out as a one-by-one read
  // gives them.
  Clock::time_point merge_start = Clock::now();
  {
    std::vector<const SnapshotState*> states;
    for (const FileLoad& load : loads) {
      if (load.added) states.push_back(&load.added->state);
    }
    aws::ReserveForFiles(state, states);
  }
  ContentKey key;
  std::string empty_where;
  bool all_found = true;
  bool complete = true;
  std::size_t next = 0;
  for (const SnapshotRoot& root : roots) {
    key.AddRoot(root);
    if (!root.exists) {
      diagnostics.Error("input-not-found", "snapshot path " + Quoted(root.path, 0) + " does not exist",
                        base::SourceRef{});
      all_found = false;
      complete = false;
      continue;
    }
    empty_where += (empty_where.empty() ? "" : ", ") + Quoted(root.path, 0);
    if (!root.walk_error.empty()) {
      diagnostics.Error("input-unreadable", "cannot walk " + Quoted(root.path, 0) + ": " + root.walk_error,
                        base::SourceRef{});
      complete = false;
    }
    for (std::size_t f = 0; f < root.files.size(); ++f) {
      FileLoad& load = loads[next++];
      if (!load.read) {
        diagnostics.Error("input-unreadable", "cannot read file: " + load.read_error,
                          base::SourceRef{*load.file, "", 0, 0});
        complete = false;
        continue;
      }
      key.AddFile(*load.file, load.bytes, load.digest);
      counts.files_hashed.push_back(LoadStats::FileRead{*load.file, load.bytes, load.digest});
      ++counts.files_read;
      counts.bytes_read += load.bytes;
      if (!load.recognised) ++counts.files_ignored;
      diagnostics.Mutable().insert(diagnostics.Mutable().end(), std::make_move_iterator(load.diagnostics.begin()),
                                   std::make_move_iterator(load.diagnostics.end()));
      load.diagnostics = {};
      if (!load.added) continue;
      aws::MergeFileState(state, std::move(load.added->state));
      load.added.reset();
    }
  }
  counts.model_s += SecondsSince(merge_start);
  Finish(state, all_found ? empty_where : std::string(), errors_before, counts);
  Clock::time_point positions_start = Clock::now();
  ResolvePositions(diagnostics, [](const std::string& file, std::string& text) {
    std::string error;
    return ReadSnapshotFile(file, text, error);
  });
  counts.model_s += SecondsSince(positions_start);
  counts.content_key = complete ? key.Hex() : std::string();
  return std::move(state.network);
}

model::Network LoadDocument(const std::string& text, const std::string& file_name,
                            base::Diagnostics& diagnostics) {
  SnapshotState state(diagnostics);
  LoadStats stats;
  const std::size_t errors_before = diagnostics.Count(base::Severity::kError);
  JsonParser parser;
  LoadText(text, text.capacity(), file_name, ScopeFromFolders(fs::path(file_name)), state, parser, stats);
  Finish(state, Quoted(file_name, 0), errors_before, stats);
  ResolvePositions(diagnostics, [&](const std::string& file, std::string& out) {
    if (file != file_name) return false;
    out = text;
    return true;
  });
  return std::move(state.network);
}

}  // namespace reachcheck::ingest
