// SPDX-License-Identifier: Apache-2.0
// The loader's JSON parser: simdjson's DOM, reused from file to file, with ParseJsonText
// (nlohmann/json) behind it for whatever simdjson rejects, so that diagnostics and accepted
// documents stay exactly those of ParseJsonText.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <string_view>

namespace reachcheck::ingest {

/// A parsed file: the root of a simdjson DOM, or the problem exactly as ParseJsonText
/// reports it (code, message, line, column).
struct ParsedDocument {
  bool ok = false;
  simdjson::dom::element root;  ///< valid until the parser's next Parse()
  std::string code;             ///< "input-bad-json" or "input-too-deep" when !ok
  std::string message;
  int line = 0;
  int column = 0;
};

/// Parses describe-* files with simdjson. It accepts exactly the documents ParseJsonText
/// accepts, with the same values:
///  - whatever simdjson rejects (a syntax error, bad UTF-8, nesting past kMaxJsonDepth, but
///    also what nlohmann/json takes and simdjson does not: integers beyond 64 bits, which
///    become doubles, a UTF-8 byte-order mark, a NUL after the document) is parsed again by
///    ParseJsonText: its error is reported, or its DOM is serialised and parsed by simdjson;
///  - simdjson rejects everything nlohmann/json rejects (surrogate escapes, control
///    characters, numbers and nesting are checked at least as strictly).
/// Repeated object keys stay in the DOM; readers keep the last (see Node::Find).
/// Memory: simdjson's buffers grow to the largest file read: about 14 bytes per byte of its
/// text are reserved (8 for the tape), of which only the pages the document's values and
/// strings need are touched (about 1.2 bytes per byte for describe-* output).
class JsonParser {
 public:
  JsonParser();
  ~JsonParser();
  JsonParser(const JsonParser&) = delete;
  JsonParser& operator=(const JsonParser&) = delete;

  /// Parses `text` (the whole file), of which `allocated` bytes from its start may be read.
  /// No copy is made when that leaves SIMDJSON_PADDING bytes after the text
  /// (ReadSnapshotFile leaves them).
  ParsedDocument Parse(std::string_view text, std::size_t allocated);

 private:
  ParsedDocument ParseAgain(std::string_view text);

  simdjson::dom::parser parser_;
  std::unique_ptr<simdjson::dom::parser> fallback_;  ///< for ParseAgain, made on first use
};

}  // namespace reachcheck::ingest
