// SPDX-License-Identifier: Apache-2.0
// Edit distance and closest-match search for "did you mean" hints.
#include "reachcheck/base/spellcheck.h"

#include <algorithm>

namespace reachcheck::base {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> ClosestMatch(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t max_distance) {
  std::vector<std::string> sorted = candidates;
  std::sort(sorted.begin(), sorted.end());
  // Short words get fewer edits, so that "ab" never suggests an unrelated "xyz".
  const std::size_t limit = std::min(max_distance, std::max<std::size_t>(1, word.size() / 3));
  std::optional<std::string> best;
  std::size_t best_distance = limit;
  bool found = false;
  for (const std::string& candidate : sorted) {
    std::size_t distance = EditDistance(word, candidate);
    if (distance <= best_distance && (!found || distance < best_distance)) {
      found = true;
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace reachcheck::base
