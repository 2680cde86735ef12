// SPDX-License-Identifier: Apache-2.0
// Typed, pointer-aware reading of one JSON element of a simdjson DOM: getters throw InputError
// naming the JSON pointer of the offending field, and the per-element loop turns that into a
// diagnostic.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reachcheck/net/cidr.h"
#include "reachcheck/net/ip_address.h"

namespace reachcheck::ingest {

/// A value of a parsed document (see json_parser.h); valid until its parser parses again.
using JsonValue = simdjson::dom::element;

/// A problem with the element being read; caught per element, which is then skipped.
struct InputError {
  std::string code;
  std::string message;
  std::string pointer;
};

/// Appends one RFC 6901 reference token (escaping '~' and '/') to `pointer`.
void AppendPointerToken(std::string& pointer, std::string_view token);
/// "a string", "a number", "an object", "an array", "a boolean", "null".
const char* JsonTypeName(JsonValue value);
/// The number of elements of `array` (simdjson's count saturates at 2^24 - 1).
std::size_t ArraySize(simdjson::dom::array array);
/// `text` in single quotes for a message: control characters escaped, text longer than
/// `max_bytes` cut (at a UTF-8 character boundary) with "...", so that hostile values cannot
/// flood the output. `max_bytes` 0: never cut (file paths).
std::string Quoted(std::string_view text, std::size_t max_bytes = 80);

class NodeRange;

/// A JSON value together with where it is: its parent node and its key or index. Pointers
/// are only spelled out when needed (an error, or an element's origin), so reading a field
/// allocates nothing. Nodes live on the stack; a child must not outlive its parent, nor the
/// key it was given.
///
/// Objects read as nlohmann/json reads them: a member that appears twice has its last value.
class Node {
 public:
  /// The root of a document; `base` is "" or the pointer of an unwrapped payload ("/data").
  Node(JsonValue value, const std::string& base) : value_(value), base_(&base) {}
  Node(JsonValue value, const Node& parent, std::string_view key)
      : value_(value), parent_(&parent), key_(key) {}
  Node(JsonValue value, const Node& parent, std::size_t index)
      : value_(value), parent_(&parent), index_(index), is_index_(true) {}

  JsonValue value() const { return value_; }
  /// The RFC 6901 pointer of this value.
  std::string Pointer() const;
  /// The pointer of member `key` (present or not).
  std::string PointerTo(std::string_view key) const;

  /// Throws `input-wrong-type` unless this value is an object ("expected an object for
  /// 'what', found ...").
  void ExpectObject(std::string_view what) const;

  /// The member `key` (its last value when repeated), or nothing when absent or JSON null
  /// (AWS writes null for "none").
  std::optional<JsonValue> Find(std::string_view key) const;
  /// Whether Find(key) finds a value.
  bool Has(std::string_view key) const { return Find(key).has_value(); }

  /// Required string member (`input-missing-field`, `input-wrong-type`).
  std::string_view String(std::string_view key) const;
  /// Optional string member: nothing when absent/null; `input-wrong-type` otherwise.
  std::optional<std::string_view> OptString(std::string_view key) const;
  /// This value as a string (`input-wrong-type`, "expected a string, found ...").
  std::string_view AsString() const;
  /// Optional string member, "" when absent.
  std::string StringOr(std::string_view key) const;
  /// Optional boolean member.
  std::optional<bool> OptBool(std::string_view key) const;
  /// Required boolean member.
  bool Bool(std::string_view key) const;
  /// Optional integer member in [lo, hi]: `input-wrong-type` for a non-number or a
  /// fraction, `out_of_range_code` ("N in 'key' is out of range lo-hi") otherwise.
  std::optional<std::int64_t> OptInt(std::string_view key, std::int64_t lo, std::int64_t hi,
                                     const char* out_of_range_code = "input-out-of-range") const;
  /// Optional array member, as a child node: nothing when absent/null; `input-wrong-type`
  /// otherwise.
  std::optional<Node> OptArray(std::string_view key) const;
  /// Optional object member, as a child node: nothing when absent/null; `input-wrong-type`
  /// otherwise.
  std::optional<Node> OptObject(std::string_view key) const;

  /// The number of elements of this array (0 for any other value).
  std::size_t Size() const;
  /// The elements of this array, each a child node with its index; `input-wrong-type` when
  /// this value is not an array.
  NodeRange Elements() const;

  /// Required CIDR member of `family` (`input-bad-cidr`); host bits set give a warning
  /// through `warn(code, message, pointer)`.
  template <typename Warn>
  net::Cidr Cidr(std::string_view key, net::Family family, Warn&& warn) const;
  /// Parses `text` found at member `key` ("" = this value) as a CIDR (see Cidr()).
  template <typename Warn>
  net::Cidr ParseCidrAt(std::string_view text, std::string_view key, net::Family family, Warn&& warn) const;
  /// Optional IP address member (`input-bad-address`), of `family` when given.
  std::optional<net::IpAddress> OptAddress(std::string_view key,
                                           std::optional<net::Family> family = {}) const;

  /// Throws InputError{code, message, PointerTo(key)} (key "" = this value).
  [[noreturn]] void Fail(const char* code, std::string message, std::string_view key = {}) const;
  /// `input-wrong-type`: "expected EXPECTED for 'key', found TYPE".
  [[noreturn]] void WrongType(std::string_view key, const char* expected, JsonValue found) const;

 private:
  void AppendTo(std::string& out) const;

  JsonValue value_;
  const Node* parent_ = nullptr;
  const std::string* base_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
  /// The object's members, listed on the first Find: parsers ask an element for a dozen
  /// keys, and walking simdjson's tape for each costs more than one walk and a flat scan.
  mutable std::vector<std::pair<std::string_view, JsonValue>> members_;
  mutable bool listed_ = false;
};

/// The elements of an array node, visited in order as child nodes.
class NodeRange {
 public:
  class Iterator {
   public:
    Iterator(simdjson::dom::array::iterator at, const Node* list, std::size_t index)
        : at_(at), list_(list), index_(index) {}
    Node operator*() const { return Node(*at_, *list_, index_); }
    Iterator& operator++() {
      ++at_;
      ++index_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return at_ != other.at_; }

   private:
    simdjson::dom::array::iterator at_;
    const Node* list_;
    std::size_t index_;
  };

  NodeRange(simdjson::dom::array array, const Node& list) : array_(array), list_(&list) {}
  Iterator begin() const { return Iterator(array_.begin(), list_, 0); }
  Iterator end() const { return Iterator(array_.end(), list_, 0); }

 private:
  simdjson::dom::array array_;
  const Node* list_;
};

/// "invalid CIDR '::/0': expected an IPv4 block here".
std::string WrongFamilyMessage(std::string_view text, net::Family family);
/// Text of a CIDR rejection, "invalid CIDR '10.0.0.0/33': prefix length 33 is out of range 0-32".
std::string BadCidrMessage(std::string_view text, const net::CidrParse& parse);

template <typename Warn>
net::Cidr Node::ParseCidrAt(std::string_view text, std::string_view key, net::Family family,
                            Warn&& warn) const {
  net::CidrParse parse = net::ParseCidr(text);
  if (!parse.cidr) Fail("input-bad-cidr", BadCidrMessage(text, parse), key);
  if (parse.cidr->family() != family) Fail("input-bad-cidr", WrongFamilyMessage(text, family), key);
  if (parse.host_bits_set) {
    warn("input-host-bits-set",
         "CIDR " + Quoted(text) + " has host bits set; using " + parse.cidr->ToString(), PointerTo(key));
  }
  return *parse.cidr;
}

template <typename Warn>
net::Cidr Node::Cidr(std::string_view key, net::Family family, Warn&& warn) const {
  return ParseCidrAt(String(key), key, family, warn);
}

}  // namespace reachcheck::ingest
