// SPDX-License-Identifier: Apache-2.0
// Typed getters over nlohmann::json that report the JSON pointer of whatever is wrong.
#include "ingest/json_read.h"

#include <cmath>
#include <vector>

namespace reachcheck::ingest {
namespace {

std::string NumberText(const Json& value) { return value.dump(); }

}  // namespace

void AppendPointerToken(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

const char* JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::null:
      return "null";
    default:
      return "an unsupported value";
  }
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
    out += '/';
    out += std::to_string(index_);
  } else {
    AppendPointerToken(out, key_);
  }
}

std::string Node::Pointer() const {
  std::string out;
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

void Node::WrongType(std::string_view key, const char* expected, const Json& found) const {
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
  if (value_->is_object()) return;
  std::string message = "expected an object";
  if (!what.empty()) message += " for " + std::string(what);
  message += std::string(", found ") + JsonTypeName(*value_);
  Fail("input-wrong-type", std::move(message));
}

const Json* Node::Find(std::string_view key) const {
  if (!value_->is_object()) return nullptr;
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return nullptr;
  return &*it;
}

const std::string* Node::OptString(std::string_view key) const {
  const Json* value = Find(key);
  if (value == nullptr) return nullptr;
  if (!value->is_string()) WrongType(key, "a string", *value);
  return &value->get_ref<const std::string&>();
}

const std::string& Node::String(std::string_view key) const {
  const std::string* value = OptString(key);
  if (value == nullptr) Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  return *value;
}

std::string Node::StringOr(std::string_view key) const {
  const std::string* value = OptString(key);
  return value == nullptr ? std::string() : *value;
}

std::optional<bool> Node::OptBool(std::string_view key) const {
  const Json* value = Find(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) WrongType(key, "a boolean", *value);
  return value->get<bool>();
}

bool Node::Bool(std::string_view key) const {
  std::optional<bool> value = OptBool(key);
  if (!value) Fail("input-missing-field", "missing required field '" + std::string(key) + "'");
  return *value;
}

std::optional<std::int64_t> Node::OptInt(std::string_view key, std::int64_t lo, std::int64_t hi,
                                         const char* out_of_range_code) const {
  const Json* value = Find(key);
  if (value == nullptr) return std::nullopt;
  bool in_range = false;
  std::int64_t result = 0;
  if (value->is_number_unsigned()) {
    std::uint64_t u = value->get<std::uint64_t>();
    in_range = hi >= 0 && u <= static_cast<std::uint64_t>(hi) && static_cast<std::int64_t>(u) >= lo;
    result = in_range ? static_cast<std::int64_t>(u) : 0;
  } else if (value->is_number_integer()) {
    result = value->get<std::int64_t>();
    in_range = result >= lo && result <= hi;
  } else if (value->is_number_float()) {
    double d = value->get<double>();
    if (!std::isfinite(d)) {  // e.g. 1e400: the parser kept no digits to quote
      Fail(out_of_range_code,
           "'" + std::string(key) + "' is out of range " + std::to_string(lo) + " to " + std::to_string(hi) +
               " (the number is too large to represent)",
           key);
    }
    if (d != std::floor(d)) {
      Fail("input-wrong-type",
           "expected an integer for '" + std::string(key) + "', found " + NumberText(*value), key);
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
         NumberText(*value) + " in '" + std::string(key) + "' is out of range " + std::to_string(lo) +
             " to " + std::to_string(hi),
         key);
  }
  return result;
}

const Json* Node::OptArray(std::string_view key) const {
  const Json* value = Find(key);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) WrongType(key, "an array", *value);
  return value;
}

const Json* Node::OptObject(std::string_view key) const {
  const Json* value = Find(key);
  if (value == nullptr) return nullptr;
  if (!value->is_object()) WrongType(key, "an object", *value);
  return value;
}

std::optional<net::IpAddress> Node::OptAddress(std::string_view key,
                                               std::optional<net::Family> family) const {
  const std::string* text = OptString(key);
  if (text == nullptr) return std::nullopt;
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
