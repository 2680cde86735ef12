// SPDX-License-Identifier: Apache-2.0
// The loader's JSON parser: simdjson's DOM, reused from file to file, with ParseJsonText
// (nlohmann/json) behind it for whatever simdjson rejects, so that diagnostics and accepted
// documents stay exactly those of ParseJsonText.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>

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

  /// Parses `text` (the whole file). No copy is made when `text` has SIMDJSON_PADDING bytes
  /// of spare capacity (ReadSnapshotFile leaves them).
  ParsedDocument Parse(const std::string& text);

 private:
  ParsedDocument ParseAgain(const std::string& text);

  simdjson::dom::parser parser_;
  std::unique_ptr<simdjson::dom::parser> fallback_;  ///< for ParseAgain, made on first use
};

}  // namespace reachcheck::ingest
