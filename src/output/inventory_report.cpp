// SPDX-License-Identifier: Apache-2.0
// Text and JSON renderings of the inventory report.
#include "reachcheck/output/inventory_report.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <vector>

namespace reachcheck::output {
namespace {

// Scopes in a stable order: by account, then region.
std::vector<model::Handle> SortedScopes(const model::Network& network) {
  std::vector<model::Handle> order(network.scopes.size());
  for (model::Handle i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](model::Handle a, model::Handle b) { return network.scopes[a] < network.scopes[b]; });
  return order;
}

std::string Or(const std::string& value, const char* fallback) { return value.empty() ? fallback : value; }

std::size_t Total(const std::map<std::string, std::size_t>& counts) {
  std::size_t total = 0;
  for (const auto& [key, count] : counts) total += count;
  return total;
}

}  // namespace

std::string InventoryText(const model::Network& network, const base::Diagnostics& diagnostics,
                          const InventorySource& source) {
  std::set<std::string> accounts, regions;
  std::map<std::string, std::size_t> totals;
  const std::vector<std::map<std::string, std::size_t>> by_scope = network.CountsByScope();
  for (model::Handle scope = 0; scope < network.scopes.size(); ++scope) {
    const std::map<std::string, std::size_t>& counts = by_scope[scope];
    if (Total(counts) == 0) continue;
    accounts.insert(Or(network.scopes[scope].account, "(unknown)"));
    regions.insert(Or(network.scopes[scope].region, "(unknown)"));
    for (const auto& [key, count] : counts) totals[key] += count;
  }
  std::ostringstream out;
  out << "Loaded " << Total(totals) << " resource" << (Total(totals) == 1 ? "" : "s") << " from "
      << source.files_read << " file" << (source.files_read == 1 ? "" : "s") << " (" << source.bytes_read
      << " bytes): " << accounts.size() << " account" << (accounts.size() == 1 ? "" : "s") << ", "
      << regions.size() << " region" << (regions.size() == 1 ? "" : "s") << "\n";
  for (model::Handle scope : SortedScopes(network)) {
    const std::map<std::string, std::size_t>& counts = by_scope[scope];
    if (Total(counts) == 0) continue;
    out << "\naccount " << Or(network.scopes[scope].account, "(unknown)") << "  region "
        << Or(network.scopes[scope].region, "(unknown)") << "\n";
    for (const auto& [key, count] : counts) {
      if (count == 0) continue;
      std::string label = key;
      std::replace(label.begin(), label.end(), '_', ' ');
      out << "  " << label << std::string(label.size() < 36 ? 36 - label.size() : 1, ' ') << count << "\n";
    }
  }
  out << "\nDiagnostics: " << diagnostics.Count(base::Severity::kError) << " error(s), "
      << diagnostics.Count(base::Severity::kWarning) << " warning(s), "
      << diagnostics.Count(base::Severity::kNote) << " note(s)"
      << (diagnostics.Empty() ? "" : " (listed on stderr)") << "\n";
  return out.str();
}

std::string DiagnosticJson(const base::Diagnostic& d) {
  nlohmann::ordered_json j;
  j["severity"] = base::SeverityName(d.severity);
  j["code"] = d.code;
  j["message"] = d.message;
  j["file"] = d.where.file;
  j["pointer"] = d.where.pointer;
  j["line"] = d.where.line;
  j["column"] = d.where.column;
  return j.dump();
}

std::string InventoryJson(const model::Network& network, const base::Diagnostics& diagnostics,
                          const InventorySource& source) {
  nlohmann::ordered_json j;
  j["schema"] = "reachcheck/v1";
  j["files_read"] = source.files_read;
  j["bytes_read"] = source.bytes_read;
  std::set<std::string> accounts, regions;
  std::map<std::string, std::size_t> totals;
  nlohmann::ordered_json scopes = nlohmann::ordered_json::array();
  const std::vector<std::map<std::string, std::size_t>> by_scope = network.CountsByScope();
  for (model::Handle scope : SortedScopes(network)) {
    const std::map<std::string, std::size_t>& counts = by_scope[scope];
    if (Total(counts) == 0) continue;
    accounts.insert(network.scopes[scope].account);
    regions.insert(network.scopes[scope].region);
    nlohmann::ordered_json entry;
    entry["account"] = network.scopes[scope].account;
    entry["region"] = network.scopes[scope].region;
    entry["counts"] = nlohmann::ordered_json::object();
    for (const auto& [key, count] : counts) {
      entry["counts"][key] = count;
      totals[key] += count;
    }
    scopes.push_back(entry);
  }
  j["accounts"] = accounts;
  j["regions"] = regions;
  j["scopes"] = scopes;
  j["totals"] = totals;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const base::Diagnostic& d : diagnostics.Sorted()) {
    list.push_back(nlohmann::ordered_json::parse(DiagnosticJson(d)));
  }
  j["diagnostics"] = list;
  j["summary"] = {{"error", diagnostics.Count(base::Severity::kError)},
                  {"warning", diagnostics.Count(base::Severity::kWarning)},
                  {"note", diagnostics.Count(base::Severity::kNote)}};
  return j.dump(2) + "\n";
}

}  // namespace reachcheck::output
