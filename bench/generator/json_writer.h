// SPDX-License-Identifier: Apache-2.0
// A streaming JSON writer (no DOM) that prints exactly like the AWS CLI's `--output json`
// (Python's json.dumps with an indent: "key": value, empty containers as [] / {}), or minified.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace reachcheck::bench {

class JsonWriter {
 public:
  /// indent 0 writes everything on one line without spaces.
  JsonWriter(std::FILE* out, int indent);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  /// The next value's key (inside an object).
  void Key(std::string_view key);

  void String(std::string_view text);
  void Int(std::int64_t value);
  void Bool(bool value);
  /// A string value built in place: call Begin, append raw (already safe) text, then End.
  void BeginString();
  void Raw(std::string_view text) { buffer_.append(text); }
  void RawChar(char c) { buffer_.push_back(c); }
  void EndString() { buffer_.push_back('"'); }

  void Field(std::string_view key, std::string_view text) {
    Key(key);
    String(text);
  }
  void Field(std::string_view key, const char* text) {
    Key(key);
    String(text);
  }
  void Field(std::string_view key, const std::string& text) {
    Key(key);
    String(text);
  }
  void FieldInt(std::string_view key, std::int64_t value) {
    Key(key);
    Int(value);
  }
  void FieldBool(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void EmptyArray(std::string_view key) {
    Key(key);
    BeginArray();
    EndArray();
  }

  /// Writes the closing newline and flushes; the writer must be at depth 0.
  void Finish();
  std::uint64_t bytes_written() const { return written_ + buffer_.size(); }

 private:
  void BeforeValue();
  void NewLine(std::size_t depth);
  void MaybeFlush() {
    if (buffer_.size() >= kFlushAt) Flush();
  }
  void Flush();

  static constexpr std::size_t kFlushAt = 1 << 20;
  std::FILE* out_;
  int indent_;
  std::string buffer_;
  std::vector<std::uint32_t> counts_;  ///< elements written so far, per open container
  bool after_key_ = false;
  std::uint64_t written_ = 0;
};

}  // namespace reachcheck::bench
