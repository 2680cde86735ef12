// SPDX-License-Identifier: Apache-2.0
// Snapshot loading: walks the given paths for *.json (sorted), reads each file once, takes
// account/region from Batfish-style folders, routes the document by its keys, runs the
// post-pass and model::Validate, then resolves line:column for every diagnostic; times each
// phase and keys the snapshot by its contents.
#include "reachcheck/ingest/load.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "ingest/aws/loader.h"
#include "ingest/json_parser.h"
#include "ingest/json_positions.h"
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
bool LoadText(const std::string& text, const std::string& file, FolderScope folder, SnapshotState& state,
              JsonParser& parser, LoadStats& stats) {
  Clock::time_point start = Clock::now();
  ParsedDocument parsed = parser.Parse(text);
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
    for (const base::Diagnostic* d : items) pointers.push_back(d->where.pointer);
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
  std::string empty_where;
  bool all_found = true;
  bool complete = true;
  ContentKey key;
  std::optional<JsonParser> parser(std::in_place);  // its buffers serve every file
  const std::vector<SnapshotRoot> roots = ListSnapshotFiles(paths);
  LoadProgress done;
  for (const SnapshotRoot& root : roots) done.files_total += root.files.size();
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
    for (const std::string& file : root.files) {
      std::string text, error;
      Clock::time_point read_start = Clock::now();
      const bool read = ReadSnapshotFile(file, text, error);
      counts.parse_s += SecondsSince(read_start);
      ++done.files_done;
      if (!read) {
        diagnostics.Error("input-unreadable", "cannot read file: " + error, base::SourceRef{file, "", 0, 0});
        complete = false;
        if (progress) progress(done);
        continue;
      }
      key.AddFile(file, text);
      ++counts.files_read;
      counts.bytes_read += text.size();
      if (!LoadText(text, file, ScopeFromFolders(file), state, *parser, counts)) ++counts.files_ignored;
      done.bytes_read = counts.bytes_read;
      done.resources_modelled = ResourceCount(state.network);
      if (progress) progress(done);
    }
  }
  Clock::time_point release_start = Clock::now();
  parser.reset();  // the parser's buffers, before the post-pass allocates
  counts.parse_s += SecondsSince(release_start);
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
  LoadText(text, file_name, ScopeFromFolders(fs::path(file_name)), state, parser, stats);
  Finish(state, Quoted(file_name, 0), errors_before, stats);
  ResolvePositions(diagnostics, [&](const std::string& file, std::string& out) {
    if (file != file_name) return false;
    out = text;
    return true;
  });
  return std::move(state.network);
}

}  // namespace reachcheck::ingest
