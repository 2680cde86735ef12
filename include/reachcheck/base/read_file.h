// SPDX-License-Identifier: Apache-2.0
// Reading a whole file into memory, with a reason when it cannot be read.
#pragma once

#include <string>

namespace reachcheck::base {

/// Reads the regular file at `path` into `text` in large blocks. On failure returns false and
/// sets `error` ("not a regular file", the system's message, or "read error").
bool ReadFile(const std::string& path, std::string& text, std::string& error);

}  // namespace reachcheck::base
