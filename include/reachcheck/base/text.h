// SPDX-License-Identifier: Apache-2.0
// Text: an immutable string of the model (an id, a name, a description), its bytes kept for
// the life of the process in the text arena. It is a pointer and a 32-bit size, 12 bytes
// 4-byte aligned (packed: the model's records hold several texts each), and copying it is
// copying them; a model's millions of ids and names take no allocation each and no string
// header.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace reachcheck::base {

class [[gnu::packed, gnu::aligned(4)]] Text {
 public:
  /// The empty text.
  Text() = default;
  /// A copy of `text` in the arena (thread-safe; never freed: a run's texts are those of the
  /// snapshots it loads, and live as long as the model and results that hold them). Throws
  /// std::length_error beyond 4 GiB.
  Text(std::string_view text);                                     // NOLINT(google-explicit-constructor)
  Text(const std::string& text) : Text(std::string_view(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}         // NOLINT(google-explicit-constructor)
  /// The text of `bytes`, not copied: they must outlive every copy of the text, as the
  /// bytes of a cache file kept mapped for the rest of the process do. At most 4 GiB (the
  /// model cache writes a text's size in 32 bits).
  static Text Borrow(std::string_view bytes) {
    Text text;
    text.data_ = bytes.data();
    text.size_ = static_cast<std::uint32_t>(bytes.size());
    return text;
  }

  std::string_view view() const { return {data_, size_}; }
  std::string str() const { return std::string(data_, size_); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  /// A copy, for the callers that need a std::string of their own (messages, JSON, maps).
  operator std::string() const { return str(); }  // NOLINT(google-explicit-constructor)
  const char* data() const { return data_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const char* begin() const { return data_; }
  const char* end() const { return data_ + size_; }
  char operator[](std::size_t i) const { return data_[i]; }
  bool starts_with(std::string_view prefix) const { return view().starts_with(prefix); }
  bool ends_with(std::string_view suffix) const { return view().ends_with(suffix); }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(const Text& a, std::string_view b) { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(const Text& a, const std::string& b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Text& a, const char* b) {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const std::string& a, const Text& b) { return a + std::string(b.view()); }
  friend std::string operator+(std::string&& a, const Text& b) { return std::move(a.append(b.view())); }
  friend std::string operator+(const char* a, const Text& b) { return a + std::string(b.view()); }
  friend std::string operator+(const Text& a, const std::string& b) { return std::string(a.view()) + b; }
  friend std::string operator+(const Text& a, const char* b) { return std::string(a.view()) + b; }
  friend std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

 private:
  const char* data_ = "";
  std::uint32_t size_ = 0;
};
static_assert(sizeof(Text) == 12 && alignof(Text) == 4);

}  // namespace reachcheck::base

template <>
struct std::hash<reachcheck::base::Text> {
  std::size_t operator()(const reachcheck::base::Text& text) const noexcept {
    return std::hash<std::string_view>()(text.view());
  }
};
