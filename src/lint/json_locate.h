// SPDX-License-Identifier: Apache-2.0
// Maps an RFC 6901 JSON pointer to the line and column of its value in a JSON text (with
// // and /* */ comments), for precise diagnostics and SARIF regions.
#pragma once

#include <string>
#include <string_view>

namespace reachcheck::lint {

struct TextPosition {
  int line = 0;    ///< 1-based; 0 when not found
  int column = 0;  ///< 1-based, in bytes
};

/// Where the value named by `pointer` starts in `text`; {0, 0} when the text does not parse
/// that far or the pointer names nothing. The empty pointer is the document itself.
TextPosition LocatePointer(std::string_view text, const std::string& pointer);

/// Line and column of byte `offset` in `text` (clamped to the end).
TextPosition PositionOfOffset(std::string_view text, std::size_t offset);

}  // namespace reachcheck::lint
