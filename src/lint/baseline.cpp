// SPDX-License-Identifier: Apache-2.0
// Baseline files: writing, strict reading, and marking findings new or unchanged.
#include "reachcheck/lint/baseline.h"

#include <algorithm>

#include "lint/strict_json.h"

namespace reachcheck::lint {

std::string BaselineText(const std::vector<Finding>& findings) {
  std::vector<const Finding*> sorted;
  for (const Finding& f : findings) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(),
            [](const Finding* a, const Finding* b) { return a->fingerprint < b->fingerprint; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  std::string last;
  for (const Finding* f : sorted) {
    if (f->fingerprint == last) continue;
    last = f->fingerprint;
    list.push_back({{"fingerprint", f->fingerprint},
                    {"rule", f->rule},
                    {"resources", f->resources},
                    {"message", f->message}});
  }
  nlohmann::ordered_json root = {{"version", 1}, {"findings", list}};
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool ParseBaseline(const std::string& text, const std::string& file, Baseline* baseline,
                   base::Diagnostics& diagnostics) {
  StrictReader reader(file, text, "baseline", diagnostics);
  Json root;
  if (!reader.Parse(&root)) return false;
  if (!reader.CheckObject(root, "", "a baseline file", {"version", "findings"}, {"version", "findings"}))
    return false;
  if (root["version"] != 1) {
    reader.Error("bad-value", "/version",
                 "unsupported baseline version " + root["version"].dump() + " (expected 1)");
    return false;
  }
  const Json& list = root["findings"];
  if (!list.is_array()) {
    reader.Error("bad-type", "/findings", "'findings' must be an array, not " + JsonTypeName(list));
    return false;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string at = ChildPointer("/findings", i);
    if (!reader.CheckObject(list[i], at, "a baseline entry", {"fingerprint", "rule", "resources", "message"},
                            {"fingerprint"})) {
      continue;
    }
    std::string fingerprint;
    if (reader.String(list[i], at, "fingerprint", &fingerprint)) baseline->fingerprints.insert(fingerprint);
  }
  return reader.ok();
}

void ApplyBaseline(const Baseline& baseline, std::vector<Finding>& findings) {
  for (Finding& f : findings) {
    f.baseline =
        baseline.fingerprints.count(f.fingerprint) != 0 ? BaselineState::kUnchanged : BaselineState::kNew;
  }
}

}  // namespace reachcheck::lint
