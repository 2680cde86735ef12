// SPDX-License-Identifier: Apache-2.0
// Typed getters over a simdjson DOM that report the JSON pointer of whatever is wrong.
#include "ingest/json_read.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

namespace reachcheck::ingest {
namespace json_read {

using simdjson::dom::element_type;

// A number as the messages have always spelled it: nlohmann's dump() of the value ("80.5",
// "1e+30", "18446744073709551615").
std::string NumberText(JsonValue value) {
  switch (value.type()) {
    case element_type::INT64:
      return nlohmann::json(value.get_int64().value_unsafe()).dump();
    case element_type::UINT64:
      return nlohmann::json(value.get_uint64().value_unsafe()).dump();
    default:
      return nlohmann::json(value.get_double().value_unsafe()).dump();
  }
}

}  // namespace json_read

void AppendPointerToken(std::string& pointer, std::string_view token) {
  pointer += '/';
  // Runs without '~' or '/' (nearly every key) are appended whole.
  for (std::size_t at = 0; at < token.size();) {
    const std::size_t special = token.find_first_of("~/", at);
    pointer.append(token.substr(at, special - at));
    if (special == std::string_view::npos) break;
    pointer += token[special] == '~' ? "~0" : "~1";
    at = special + 1;
  }
}

const char* JsonTypeName(JsonValue value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::OBJECT:
      return "an object";
    case element_type::ARRAY:
      return "an array";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "an unsupported value";
}

std::size_t ArraySize(simdjson::dom::array array) {
  constexpr std::size_t kSaturated = 0xFFFFFF;  // simdjson's count field is 24 bits wide
  std::size_t size = array.size();
  if (size < kSaturated) return size;
  size = 0;
  for (auto it = array.begin(); it != array.end(); ++it) ++size;
  return size;
}

std::string Quoted(std::string_view text, std::size_t max_bytes) {
  bool cut = false;
  if (max_bytes != 0 && text.size() > max_bytes) {
    std::size_t end = max_bytes;
    // Back off UTF-8 continuation bytes so that the cut never splits a character.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
    cut = true;
  }
  std::string out = "'";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7F) {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  out += cut ? "...'" : "'";
  return out;
}

std::string BadCidrMessage(std::string_view text, const net::CidrParse& parse) {
  // A CIDR is at most 49 characters; do not echo a huge value twice.
  if (text.size() > 64) return "invalid CIDR " + Quoted(text) + ": too long to be a CIDR block";
  return "invalid CIDR " + Quoted(text) + ": " + parse.error;
}

std::string WrongFamilyMessage(std::string_view text, net::Family family) {
  return "invalid CIDR " + Quoted(text) + ": expected an " + (family == net::Family::kV4 ? "IPv4" : "IPv6") +
         " block here";
}

void Node::AppendTo(std::string& out) const {
  if (parent_ == nullptr) {
    out += *base_;
    return;
  }
  parent_->AppendTo(out);
  if (is_index_) {
    char digits[24];
    digits[0] = '/';
    const auto end = std::to_chars(digits + 1, digits + sizeof digits, index_).ptr;
    out.append(digits, end);
  } else {
    AppendPointerToken(out, key_);
  }
}

std::string Node::Pointer() const {
  std::string out;
  out.reserve(64);  // most element pointers fit: one allocation
  AppendTo(out);
  return out;
}

std::string Node::PointerTo(std::string_view key) const {
  std::string out = Pointer();
  if (!key.empty()) AppendPointerToken(out, key);
  return out;
}

void Node::Fail(const char* code, std::string message, std::string_view key) const {
  throw InputError{code, std::move(message), PointerTo(key)};
}

void Node::WrongType(std::string_view key, const char* expected, JsonValue found) const {
  std::string name;
  if (!key.empty()) {
    name = std::string(key);
  } else if (parent_ != nullptr && !is_index_) {
    name = std::string(key_);
  }
  std::string message = std::string("expected ") + expected;
  if (!name.empty()) message += " for '" + name + "'";
  message += std::string(", found ") + JsonTypeName(found);
  Fail("input-wrong-type", std::move(message), key);
}

void Node::ExpectObject(std::string_view what) const {
  if (value_.is_object()) return;
  std::string message = "expected an object";
  if (!what.empty()) message += " for " + std::string(what);
  message += std::string(", found ") + JsonTypeName(value_);
  Fail("input-wrong-type", std::move(message));
}

std::optional<JsonValue> Node::Find(std::string_view key) const {
  if (!listed_) {
    listed_ = true;
    simdjson::dom::object object;
    if (value_.get(object) != simdjson::SUCCESS) return std::nullopt;
    members_.reserve(object.size());
    for (simdjson::dom::key_value_pair member : object) members_.emplace_back(member.key, member.value);
  }
  // From the back: nlohmann/json keeps the last of repeated keys, and so do we.
  for (auto it = members_.rbegin(); it != members_.rend(); ++it) {
    if (it->first.size() != key.size() || it->first != key) continue;
    if (it->second.is_null()) return std::nullopt;
    return it->second;
  }
  return std::nullopt;
}

std::optional<std::string_view> Node::OptString(std::string_view key) const {
  std::optional<JsonValue> value = Find(key);
  if (!value) return std::nullopt;
  std::string_view text;
  if (value->get(text) != simdjson::SUCCESS) WrongType(key, "a string", *value);
  return text;
}

std::string_view Node::String(std::string_view key) const {
  std::optional<std::string_view> value = OptString(key);
  if (!value) Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  return *value;
}

std::string_view Node::AsString() const {
  std::string_view text;
  if (value_.get(text) != simdjson::SUCCESS) WrongType("", "a string", value_);
  return text;
}

std::string Node::StringOr(std::string_view key) const {
  std::optional<std::string_view> value = OptString(key);
  return value ? std::string(*value) : std::string();
}

std::optional<bool> Node::OptBool(std::string_view key) const {
  std::optional<JsonValue> value = Find(key);
  if (!value) return std::nullopt;
  bool flag = false;
  if (value->get(flag) != simdjson::SUCCESS) WrongType(key, "a boolean", *value);
  return flag;
}

bool Node::Bool(std::string_view key) const {
  std::optional<bool> value = OptBool(key);
  if (!value) Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  return *value;
}

std::optional<std::int64_t> Node::OptInt(std::string_view key, std::int64_t lo, std::int64_t hi,
                                         const char* out_of_range_code) const {
  using simdjson::dom::element_type;
  std::optional<JsonValue> value = Find(key);
  if (!value) return std::nullopt;
  bool in_range = false;
  std::int64_t result = 0;
  const element_type type = value->type();
  if (type == element_type::UINT64) {  // only numbers above INT64_MAX
    std::uint64_t u = value->get_uint64().value_unsafe();
    in_range = hi >= 0 && u <= static_cast<std::uint64_t>(hi) && static_cast<std::int64_t>(u) >= lo;
    result = in_range ? static_cast<std::int64_t>(u) : 0;
  } else if (type == element_type::INT64) {
    result = value->get_int64().value_unsafe();
    in_range = result >= lo && result <= hi;
  } else if (type == element_type::DOUBLE) {
    double d = value->get_double().value_unsafe();
    if (!std::isfinite(d)) {  // not produced by the parser (it rejects 1e400); kept as a guard
      Fail(out_of_range_code,
           "'" + std::string(key) + "' is out of range " + std::to_string(lo) + " to " + std::to_string(hi) +
               " (the number is too large to represent)",
           key);
    }
    if (d != std::floor(d)) {
      Fail("input-wrong-type",
           "expected an integer for '" + std::string(key) + "', found " + json_read::NumberText(*value), key);
    }
    // |d| < 2^53 keeps the comparison exact; anything larger is out of every range we use.
    in_range =
        std::fabs(d) < 9007199254740992.0 && d >= static_cast<double>(lo) && d <= static_cast<double>(hi);
    result = in_range ? static_cast<std::int64_t>(d) : 0;
  } else {
    WrongType(key, "an integer", *value);
  }
  if (!in_range) {
    Fail(out_of_range_code,
         json_read::NumberText(*value) + " in '" + std::string(key) + "' is out of range " +
             std::to_string(lo) + " to " + std::to_string(hi),
         key);
  }
  return result;
}

std::optional<Node> Node::OptArray(std::string_view key) const {
  std::optional<JsonValue> value = Find(key);
  if (!value) return std::nullopt;
  if (!value->is_array()) WrongType(key, "an array", *value);
  return Node(*value, *this, key);
}

std::optional<Node> Node::OptObject(std::string_view key) const {
  std::optional<JsonValue> value = Find(key);
  if (!value) return std::nullopt;
  if (!value->is_object()) WrongType(key, "an object", *value);
  return Node(*value, *this, key);
}

std::size_t Node::Size() const {
  simdjson::dom::array array;
  if (value_.get(array) != simdjson::SUCCESS) return 0;
  return ArraySize(array);
}

NodeRange Node::Elements() const {
  simdjson::dom::array array;
  if (value_.get(array) != simdjson::SUCCESS) WrongType("", "an array", value_);
  return NodeRange(array, *this);
}

std::optional<net::IpAddress> Node::OptAddress(std::string_view key,
                                               std::optional<net::Family> family) const {
  std::optional<std::string_view> text = OptString(key);
  if (!text) return std::nullopt;
  std::optional<net::IpAddress> address = net::ParseIpAddress(*text);
  if (!address) Fail("input-bad-address", "invalid IP address " + Quoted(*text), key);
  if (family && address->family != *family) {
    Fail("input-bad-address",
         "invalid IP address " + Quoted(*text) + ": expected an " +
             (*family == net::Family::kV4 ? "IPv4" : "IPv6") + " address here",
         key);
  }
  return address;
}

}  // namespace reachcheck::ingest
