// SPDX-License-Identifier: Apache-2.0
// Maps RFC 6901 JSON pointers to the line and column of their values in a JSON text (with
// // and /* */ comments), for precise diagnostics and SARIF regions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reachcheck::lint {

struct TextPosition {
  int line = 0;    ///< 1-based; 0 when not found
  int column = 0;  ///< 1-based, in bytes
};

/// Where the value named by `pointer` starts in `text`; {0, 0} when the text does not parse
/// that far or the pointer names nothing. The empty pointer is the document itself.
TextPosition LocatePointer(std::string_view text, const std::string& pointer);

/// LocatePointer for many pointers of one text in a single pass (result i is for
/// pointers[i]): the scan descends only into containers on the way to a requested pointer.
std::vector<TextPosition> LocatePointers(std::string_view text, const std::vector<std::string>& pointers);

/// Line and column of byte `offset` in `text` (clamped to the end).
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

}  // namespace reachcheck::lint
