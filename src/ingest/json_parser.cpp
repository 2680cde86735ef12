// SPDX-License-Identifier: Apache-2.0
// JsonParser: simdjson first; ParseJsonText for the files simdjson rejects.
#include "ingest/json_parser.h"

#include "ingest/json_document.h"

namespace reachcheck::ingest {
namespace json_parser {

// simdjson counts a scalar inside the deepest container as one more level, so with
// max_depth = kMaxJsonDepth it rejects every document nested deeper than kMaxJsonDepth
// containers (and a few at exactly kMaxJsonDepth, which ParseAgain then takes).
constexpr std::size_t kFastDepth = kMaxJsonDepth;
// Enough for every document ParseJsonText accepts (at most kMaxJsonDepth containers).
constexpr std::size_t kFallbackDepth = kMaxJsonDepth + 8;
constexpr std::size_t kInitialCapacity = 1 << 16;

}  // namespace json_parser

JsonParser::JsonParser() = default;

JsonParser::~JsonParser() = default;

ParsedDocument JsonParser::Parse(std::string_view text, std::size_t allocated) {
  // Until allocated, simdjson's parser would take its default depth (1024): allocate it here.
  // A parser that grows for a larger file keeps its max_depth.
  if (parser_.max_depth() != json_parser::kFastDepth &&
      parser_.allocate(json_parser::kInitialCapacity, json_parser::kFastDepth) != simdjson::SUCCESS) {
    return ParseAgain(text);
  }
  ParsedDocument out;
  const bool padded = allocated >= text.size() + simdjson::SIMDJSON_PADDING;
  simdjson::simdjson_result<simdjson::dom::element> result = parser_.parse(text.data(), text.size(), !padded);
  if (result.error() == simdjson::SUCCESS) {
    out.ok = true;
    out.root = result.value_unsafe();
    return out;
  }
  return ParseAgain(text);
}

ParsedDocument JsonParser::ParseAgain(std::string_view text) {
  ParsedDocument out;
  ParsedJson parsed = ParseJsonText(text);
  if (!parsed.ok) {
    out.code = std::move(parsed.code);
    out.message = std::move(parsed.message);
    out.line = parsed.line;
    out.column = parsed.column;
    return out;
  }
  // nlohmann/json took it: its DOM, serialised, is plain JSON that simdjson reads back to the
  // same values (numbers beyond 64 bits are doubles already, printed to round-trip).
  std::string canonical = parsed.value.dump();
  parsed.value = nullptr;
  if (!fallback_) {
    fallback_ = std::make_unique<simdjson::dom::parser>();
    if (fallback_->allocate(canonical.size(), json_parser::kFallbackDepth) != simdjson::SUCCESS) {
      fallback_.reset();
      out.code = "input-bad-json";
      out.message = "invalid JSON: out of memory";
      return out;
    }
  }
  simdjson::simdjson_result<simdjson::dom::element> result = fallback_->parse(canonical);
  if (result.error() != simdjson::SUCCESS) {  // not expected: a message rather than a crash
    out.code = "input-bad-json";
    out.message = std::string("invalid JSON: ") + simdjson::error_message(result.error());
    return out;
  }
  out.ok = true;
  out.root = result.value_unsafe();
  return out;
}

}  // namespace reachcheck::ingest
