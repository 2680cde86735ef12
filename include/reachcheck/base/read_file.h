// SPDX-License-Identifier: Apache-2.0
// Reading a whole file into memory, with a reason when it cannot be read.
#pragma once

#include <cstddef>
#include <string>

namespace reachcheck::base {

/// Reads the regular file at `path` into `text` in large blocks, leaving at least
/// `spare_capacity` bytes of capacity beyond its size (for parsers that read past the end).
/// On failure returns false and sets `error` ("not a regular file", the system's message, or
/// "read error").
bool ReadFile(const std::string& path, std::string& text, std::string& error, std::size_t spare_capacity = 0);

}  // namespace reachcheck::base
