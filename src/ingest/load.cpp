// SPDX-License-Identifier: Apache-2.0
// Snapshot loading: walks the given paths for *.json (sorted), reads each file once, takes
// account/region from Batfish-style folders, routes the document by its keys, runs the
// post-pass and model::Validate, then resolves line:column for every diagnostic.
#include "reachcheck/ingest/load.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>
#include <utility>

#include "ingest/aws/loader.h"
#include "ingest/json_document.h"
#include "ingest/json_positions.h"
#include "reachcheck/model/validate.h"

namespace reachcheck::ingest {
namespace {

namespace fs = std::filesystem;
using aws::FolderScope;
using aws::SnapshotState;

bool IsAccountNumber(const std::string& name) {
  return name.size() == 12 && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
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

// Reads a whole regular file; an error message on failure.
bool ReadFile(const std::string& path, std::string& text, std::string& error) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    error = "not a regular file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::error_code(errno, std::generic_category()).message();
    return false;
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

// Parses one document and routes it; false when it held no describe-* data.
bool LoadText(std::string_view text, const std::string& file, FolderScope folder,
              SnapshotState& state) {
  ParsedJson parsed = ParseJsonText(text);
  if (!parsed.ok) {
    base::SourceRef where{file, "", parsed.line, parsed.column};
    state.diagnostics.Error(parsed.code, parsed.message, where);
    return true;
  }
  aws::FileContext context(state, file, std::move(folder));
  return aws::LoadAwsDocument(parsed.value, "", context);
}

std::size_t ResourceCount(const model::Network& n) {
  return n.vpcs.size() + n.subnets.size() + n.route_tables.size() + n.internet_gateways.size() +
         n.nat_gateways.size() + n.peerings.size() + n.security_groups.size() +
         n.network_acls.size() + n.interfaces.size() + n.instances.size() +
         n.elastic_ips.size() + n.prefix_lists.size() + n.endpoints.size() + n.unanalysed.size();
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
void Finish(SnapshotState& state, const std::string& empty_where, std::size_t errors_before) {
  aws::FinishSnapshot(state);
  if (ResourceCount(state.network) == 0 && !empty_where.empty() &&
      state.diagnostics.Count(base::Severity::kError) == errors_before) {
    state.diagnostics.Error("input-empty-snapshot", "no AWS resources found in " + empty_where,
                            base::SourceRef{});
  }
  model::Validate(state.network, state.diagnostics);
}

}  // namespace

model::Network LoadSnapshot(const std::vector<std::string>& paths, base::Diagnostics& diagnostics,
                            LoadStats* stats) {
  LoadStats local;
  LoadStats& counts = stats != nullptr ? *stats : local;
  SnapshotState state(diagnostics);
  const std::size_t errors_before = diagnostics.Count(base::Severity::kError);
  std::string empty_where;
  bool all_found = true;
  for (const std::string& root : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.Error("input-not-found", "snapshot path " + Quoted(root, 0) + " does not exist",
                        base::SourceRef{});
      all_found = false;
      continue;
    }
    empty_where += (empty_where.empty() ? "" : ", ") + Quoted(root, 0);
    std::vector<fs::path> files;
    if (fs::is_directory(status)) {
      auto options = fs::directory_options::skip_permission_denied;
      for (fs::recursive_directory_iterator it(root, options, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".json" && !it->is_directory(type_ec)) files.push_back(it->path());
      }
      if (ec) {
        diagnostics.Error("input-unreadable",
                          "cannot walk " + Quoted(root, 0) + ": " + ec.message(), base::SourceRef{});
      }
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(root);  // a single file is read whatever its name
    }
    for (const fs::path& path : files) {
      const std::string file = path.string();
      std::string text, error;
      if (!ReadFile(file, text, error)) {
        diagnostics.Error("input-unreadable", "cannot read file: " + error,
                          base::SourceRef{file, "", 0, 0});
        continue;
      }
      ++counts.files_read;
      counts.bytes_read += text.size();
      if (!LoadText(text, file, ScopeFromFolders(path), state)) ++counts.files_ignored;
    }
  }
  Finish(state, all_found ? empty_where : std::string(), errors_before);
  ResolvePositions(diagnostics, [](const std::string& file, std::string& text) {
    std::string error;
    return ReadFile(file, text, error);
  });
  return std::move(state.network);
}

model::Network LoadDocument(const std::string& text, const std::string& file_name,
                            base::Diagnostics& diagnostics) {
  SnapshotState state(diagnostics);
  const std::size_t errors_before = diagnostics.Count(base::Severity::kError);
  LoadText(text, file_name, ScopeFromFolders(fs::path(file_name)), state);
  Finish(state, Quoted(file_name, 0), errors_before);
  ResolvePositions(diagnostics, [&](const std::string& file, std::string& out) {
    if (file != file_name) return false;
    out = text;
    return true;
  });
  return std::move(state.network);
}

}  // namespace reachcheck::ingest
