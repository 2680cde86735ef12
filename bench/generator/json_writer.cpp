// SPDX-License-Identifier: Apache-2.0
// Streaming JSON writer: buffered, flushed in 1 MiB blocks, AWS CLI layout.
#include "generator/json_writer.h"

#include <charconv>

namespace reachcheck::bench {

JsonWriter::JsonWriter(std::FILE* out, int indent) : out_(out), indent_(indent) {
  buffer_.reserve(kFlushAt + 4096);
}

JsonWriter::~JsonWriter() { Flush(); }

void JsonWriter::NewLine(std::size_t depth) {
  if (indent_ == 0) return;
  buffer_.push_back('\n');
  buffer_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;
  if (counts_.back()++ > 0) buffer_.push_back(',');
  NewLine(counts_.size());
}

void JsonWriter::Key(std::string_view key) {
  BeforeValue();
  buffer_.push_back('"');
  buffer_.append(key);
  buffer_.append(indent_ == 0 ? "\":" : "\": ");
  after_key_ = true;
}

void JsonWriter::BeginObject() {
  BeforeValue();
  buffer_.push_back('{');
  counts_.push_back(0);
}

void JsonWriter::EndObject() {
  if (counts_.back() > 0) NewLine(counts_.size() - 1);
  counts_.pop_back();
  buffer_.push_back('}');
  MaybeFlush();
}

void JsonWriter::BeginArray() {
  BeforeValue();
  buffer_.push_back('[');
  counts_.push_back(0);
}

void JsonWriter::EndArray() {
  if (counts_.back() > 0) NewLine(counts_.size() - 1);
  counts_.pop_back();
  buffer_.push_back(']');
  MaybeFlush();
}

void JsonWriter::BeginString() {
  BeforeValue();
  buffer_.push_back('"');
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  buffer_.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        buffer_.append("\\\"");
        break;
      case '\\':
        buffer_.append("\\\\");
        break;
      case '\n':
        buffer_.append("\\n");
        break;
      default:
        buffer_.push_back(c);
    }
  }
  buffer_.push_back('"');
}

void JsonWriter::Int(std::int64_t value) {
  BeforeValue();
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  (void)ec;
  buffer_.append(digits, end);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  buffer_.append(value ? "true" : "false");
}

void JsonWriter::Finish() {
  buffer_.push_back('\n');
  Flush();
  std::fflush(out_);
}

void JsonWriter::Flush() {
  if (buffer_.empty()) return;
  std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
  written_ += buffer_.size();
  buffer_.clear();
}

}  // namespace reachcheck::bench
