// SPDX-License-Identifier: Apache-2.0
// FileName: a file path interned for the life of the process. Every element, rule, route,
// hop and diagnostic names the file it came from; with a name per file shared by all of
// them, copying one is copying a pointer, and a model holds each path once.
#pragma once

#include <compare>
#include <ostream>
#include <string>
#include <string_view>

namespace reachcheck::base {

namespace file_name_detail {
/// The empty name's string, never destroyed (names may be used until the process ends).
/// Inline, so that default-constructing the SourceRef of every element is not a call.
inline const std::string* EmptyName() {
  static const std::string* const empty = new std::string();
  return empty;
}
}  // namespace file_name_detail

class FileName {
 public:
  /// The empty name.
  FileName() : text_(file_name_detail::EmptyName()) {}
  /// The interned copy of `path` (the first call for a path copies it, under a lock; the
  /// paths of a run are few, one per file read, and are never freed).
  FileName(std::string_view path);  // NOLINT(google-explicit-constructor): a path is a name
  FileName(const std::string& path) : FileName(std::string_view(path)) {}  // NOLINT
  FileName(const char* path) : FileName(std::string_view(path)) {}         // NOLINT

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }  // NOLINT
  bool empty() const { return text_->empty(); }

  /// Equal names are one interned string: comparing is comparing pointers.
  friend bool operator==(const FileName& a, const FileName& b) { return a.text_ == b.text_; }
  friend bool operator==(const FileName& a, const std::string& b) { return *a.text_ == b; }
  friend bool operator==(const FileName& a, std::string_view b) { return *a.text_ == b; }
  friend bool operator==(const FileName& a, const char* b) { return *a.text_ == b; }
  /// By the text of the path.
  friend std::strong_ordering operator<=>(const FileName& a, const FileName& b) {
    return a.text_ == b.text_ ? std::strong_ordering::equal : a.text_->compare(*b.text_) <=> 0;
  }
  friend std::string operator+(const FileName& a, std::string_view b) { return *a.text_ + std::string(b); }
  friend std::string operator+(std::string_view a, const FileName& b) { return std::string(a) + *b.text_; }
  friend std::ostream& operator<<(std::ostream& out, const FileName& name) { return out << *name.text_; }

 private:
  const std::string* text_;
};

}  // namespace reachcheck::base
