// SPDX-License-Identifier: Apache-2.0
// JsonPointer: the RFC 6901 pointer of a place in the input, its text kept for the life of
// the process in a shared arena. Every element, rule, route, hop and diagnostic holds one;
// copying one is copying a pointer, and a model's millions of them take no allocation each.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>

namespace reachcheck::base {

class JsonPointer {
 public:
  /// The empty pointer (the whole document).
  JsonPointer();
  /// A copy of `text` in the arena (thread-safe; never freed: a run's pointers are those of
  /// the snapshots it loads, and live as long as the results that name them).
  JsonPointer(std::string_view text);  // NOLINT(google-explicit-constructor): text is a pointer
  JsonPointer(const std::string& text) : JsonPointer(std::string_view(text)) {}  // NOLINT
  JsonPointer(const char* text) : JsonPointer(std::string_view(text)) {}         // NOLINT
  /// The pointer whose text is the block at `block` (its size as a 32-bit little-endian
  /// integer, then its bytes), not copied: the block must outlive every copy of the pointer,
  /// as the bytes of a cache file kept mapped for the rest of the process do.
  static JsonPointer Borrow(const char* block) {
    JsonPointer pointer;
    pointer.block_ = block;
    return pointer;
  }

  std::string_view view() const {
    std::uint32_t size = 0;
    std::memcpy(&size, block_, sizeof size);
    return {block_ + sizeof size, size};
  }
  std::string str() const { return std::string(view()); }
  operator std::string_view() const { return view(); }  // NOLINT(google-explicit-constructor)
  bool empty() const { return view().empty(); }
  std::size_t size() const { return view().size(); }

  friend bool operator==(const JsonPointer& a, const JsonPointer& b) {
    return a.block_ == b.block_ || a.view() == b.view();
  }
  friend bool operator==(const JsonPointer& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const JsonPointer& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const JsonPointer& a, const char* b) { return a.view() == b; }
  friend std::string operator+(const std::string& a, const JsonPointer& b) {
    return a + std::string(b.view());
  }
  friend std::string operator+(const char* a, const JsonPointer& b) { return a + std::string(b.view()); }
  friend std::string operator+(const JsonPointer& a, const std::string& b) {
    return std::string(a.view()) + b;
  }
  friend std::string operator+(const JsonPointer& a, const char* b) { return std::string(a.view()) + b; }
  friend std::ostream& operator<<(std::ostream& out, const JsonPointer& pointer) {
    return out << pointer.view();
  }

 private:
  const char* block_;  ///< the text's size (a std::uint32_t, unaligned), then its bytes
};

}  // namespace reachcheck::base
