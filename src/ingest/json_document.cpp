// SPDX-License-Identifier: Apache-2.0
// A SAX handler that builds the nlohmann DOM like json::parse does, but stops at
// kMaxJsonDepth, and records parse errors instead of throwing them.
#include "ingest/json_document.h"

#include <cstdlib>
#include <utility>
#include <vector>

#include "ingest/json_positions.h"

namespace reachcheck::ingest {
namespace {

using Json = nlohmann::json;

class DomBuilder {
 public:
  explicit DomBuilder(Json& root) : root_(root) { stack_.reserve(32); }

  bool null() { return Put(Json(nullptr)); }
  bool boolean(bool value) { return Put(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return Put(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return Put(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) { return Put(Json(value)); }
  bool string(Json::string_t& value) { return Put(Json(std::move(value))); }
  bool binary(Json::binary_t& /*value*/) { return false; }  // not produced by text input

  bool start_object(std::size_t /*size*/) { return Open(Json::value_t::object); }
  bool key(Json::string_t& key) {
    member_ = &(*stack_.back())[std::move(key)];
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*size*/) { return Open(Json::value_t::array); }
  bool end_array() {
    stack_.pop_back();
    return true;
  }

  template <typename Exception>
  bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
    error_ = ex.what();
    error_position_ = position;
    error_token_size_ = token.size();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& error() const { return error_; }
  /// Offset just past the token the error is about, and that token's length.
  std::size_t error_position() const { return error_position_; }
  std::size_t error_token_size() const { return error_token_size_; }

 private:
  // Stores `value` where the parser is and returns a pointer to the stored value.
  Json* Store(Json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& top = *stack_.back();
    if (top.is_array()) {
      Json::array_t& array = top.get_ref<Json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    *member_ = std::move(value);
    return member_;
  }
  bool Put(Json&& value) {
    Store(std::move(value));
    return true;
  }
  bool Open(Json::value_t type) {
    if (stack_.size() >= kMaxJsonDepth) {
      too_deep_ = true;
      return false;
    }
    stack_.push_back(Store(Json(type)));
    return true;
  }

  Json& root_;
  std::vector<Json*> stack_;
  Json* member_ = nullptr;
  bool too_deep_ = false;
  std::string error_;
  std::size_t error_position_ = 0;
  std::size_t error_token_size_ = 0;
};

// Reads the decimal number that follows `marker` in `text`, or 0.
int NumberAfter(const std::string& text, const std::string& marker, std::size_t* end) {
  std::size_t at = text.find(marker);
  if (at == std::string::npos) return 0;
  at += marker.size();
  long value = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && value < 100000000) {
    value = value * 10 + (text[at] - '0');
    ++at;
  }
  *end = at;
  return static_cast<int>(value);
}

// The byte offset where nesting first exceeds kMaxJsonDepth (strings are skipped).
std::size_t TooDeepOffset(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return text.size();
}

// Length of the valid UTF-8 sequence at text[i], or 0.
std::size_t Utf8Length(std::string_view text, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// nlohmann quotes the last token read, raw: escape bytes that are not UTF-8 and keep the
// message short, so that hostile input cannot garble or flood the output.
std::string Printable(std::string_view text) {
  constexpr std::size_t kMax = 240;
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMax;) {
    std::size_t n = Utf8Length(text, i);
    if (n == 0) {
      static const char* kHex = "0123456789ABCDEF";
      unsigned char c = static_cast<unsigned char>(text[i]);
      out += "<0x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      out += '>';
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
    if (out.size() >= kMax && i < text.size()) out += "...";
  }
  return out;
}

}  // namespace

ParsedJson ParseJsonText(std::string_view text) {
  ParsedJson out;
  DomBuilder builder(out.value);
  bool ok = false;
  try {
    ok = Json::sax_parse(text.begin(), text.end(), &builder, Json::input_format_t::json, true);
  } catch (const std::exception& ex) {  // e.g. a failed allocation; never escapes
    out.code = "input-bad-json";
    out.message = "invalid JSON: " + Printable(ex.what());
    out.value = nullptr;
    return out;
  }
  if (ok) {
    out.ok = true;
    return out;
  }
  out.value = nullptr;
  if (builder.too_deep()) {
    out.code = "input-too-deep";
    out.message = "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels; file ignored";
    LineColumn position = LineColumnAt(text, TooDeepOffset(text));
    out.line = position.line;
    out.column = position.column;
    return out;
  }
  // "[json.exception.parse_error.101] parse error at line 3, column 7: syntax error ...", or
  // for a number that overflows a double (1e400), with no position in the text:
  // "[json.exception.out_of_range.406] number overflow parsing '1e400'".
  std::string_view what = builder.error();
  std::size_t bracket = what.find("] ");
  if (what.substr(0, 1) == "[" && bracket != std::string_view::npos) what.remove_prefix(bracket + 2);
  out.code = "input-bad-json";
  std::size_t end = 0;
  const std::string what_text(what);
  out.line = NumberAfter(what_text, " at line ", &end);
  out.column = NumberAfter(what_text, ", column ", &end);
  if (out.line > 0 && what.substr(0, 11) == "parse error") {
    std::size_t colon = what.find(": ", end);
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  } else {
    std::size_t position = builder.error_position();
    std::size_t size = builder.error_token_size();
    LineColumn start = LineColumnAt(text, position >= size ? position - size : position);
    out.line = start.line;
    out.column = start.column;
  }
  out.message = "invalid JSON: " + Printable(what);
  return out;
}

}  // namespace reachcheck::ingest
