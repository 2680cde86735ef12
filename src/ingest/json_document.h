// SPDX-License-Identifier: Apache-2.0
// Parses one file's text into an nlohmann/json DOM with a nesting limit, turning every failure
// (syntax, bad UTF-8, too deep) into a message with line and column instead of an exception.
// The loader parses with JsonParser (json_parser.h), which comes here for what it rejects.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace reachcheck::ingest {

/// Deeper documents are rejected before they are built: nlohmann's DOM destructor and our
/// own walkers stay far from the stack limit, and no describe-* output nests beyond ~10.
inline constexpr std::size_t kMaxJsonDepth = 256;

struct ParsedJson {
  bool ok = false;
  nlohmann::json value;
  std::string code;     ///< "input-bad-json" or "input-too-deep" when !ok
  std::string message;  ///< "invalid JSON: syntax error while parsing ..."
  int line = 0;         ///< 1-based position of the problem
  int column = 0;
};

/// Parses `text` (the whole file). Memory: the DOM takes roughly 2.5x the text, and the text
/// is held meanwhile, so a file needs about 3.5x its size in free memory; larger files are out
/// of scope. Numbers too large for 64 bits become doubles (checked where they are read).
ParsedJson ParseJsonText(std::string_view text);

}  // namespace reachcheck::ingest
