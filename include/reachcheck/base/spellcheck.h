// SPDX-License-Identifier: Apache-2.0
// "Did you mean" suggestions from an edit distance, for unknown ids, keys and flags.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reachcheck::base {

/// Levenshtein distance between two strings.
std::size_t EditDistance(std::string_view a, std::string_view b);

/// The closest candidate within `max_distance` edits (ties: the first in sorted order).
std::optional<std::string> ClosestMatch(std::string_view word, const std::vector<std::string>& candidates,
                                        std::size_t max_distance = 3);

}  // namespace reachcheck::base
