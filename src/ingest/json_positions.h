// SPDX-License-Identifier: Apache-2.0
// JSON pointer -> line:column. The parsers' DOMs keep no positions, so a small tokenizer walks
// the text once and records where the value at each requested pointer starts. It runs only
// for files that have a diagnostic, once per file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reachcheck::ingest {

/// 1-based line and byte column; 0/0 when unknown.
struct LineColumn {
  int line = 0;
  int column = 0;
};

/// The line and column of byte `offset` of `text` (offset == size: just past the end).
LineColumn LineColumnAt(std::string_view text, std::size_t offset);

/// For each pointer, where the value it names starts in `text` (valid JSON); a pointer that
/// names nothing (e.g. a missing member) gets the position of its nearest existing ancestor.
/// Linear in the text; containers off every requested path are skipped without decoding.
/// Iterative: nesting depth costs heap, not stack.
std::vector<LineColumn> ResolvePointers(std::string_view text, const std::vector<std::string>& pointers);

}  // namespace reachcheck::ingest
