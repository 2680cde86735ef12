// SPDX-License-Identifier: Apache-2.0
// The pointer -> line:column tokenizer: walks the JSON text with an explicit stack, decoding
// only the keys on the way to a requested pointer.
#include "ingest/json_positions.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "ingest/json_read.h"

namespace reachcheck::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Walker {
 public:
  explicit Walker(std::string_view text) : text_(text) {}

  std::size_t SkipSpace(std::size_t pos) const {
    while (pos < text_.size() && IsSpace(text_[pos])) ++pos;
    return pos;
  }
  // pos at the opening quote; returns the position after the closing quote.
  std::size_t SkipString(std::size_t pos) const {
    for (++pos; pos < text_.size(); ++pos) {
      if (text_[pos] == '\\') {
        ++pos;
      } else if (text_[pos] == '"') {
        return pos + 1;
      }
    }
    return text_.size();
  }
  std::size_t SkipScalar(std::size_t pos) const {
    while (pos < text_.size()) {
      char c = text_[pos];
      if (c == ',' || c == ']' || c == '}' || IsSpace(c)) break;
      ++pos;
    }
    return pos;
  }
  // pos at '{' or '['; returns the position after the matching bracket.
  std::size_t SkipContainer(std::size_t pos) const {
    std::size_t depth = 0;
    while (pos < text_.size()) {
      char c = text_[pos];
      if (c == '"') {
        pos = SkipString(pos);
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return pos + 1;
      }
      ++pos;
    }
    return pos;
  }
  // pos at the opening quote; decodes the string into `out` (UTF-8).
  std::size_t ReadString(std::size_t pos, std::string& out) const {
    out.clear();
    for (++pos; pos < text_.size(); ++pos) {
      char c = text_[pos];
      if (c == '"') return pos + 1;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (++pos >= text_.size()) break;
      switch (text_[pos]) {
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          pos = ReadUnicode(pos, out);
          break;
        default:
          out += text_[pos];
          break;  // '"', '\\', '/'
      }
    }
    return text_.size();
  }

 private:
  // pos at 'u' of "\uXXXX"; appends the code point (joining surrogate pairs), returns the
  // position of its last hex digit.
  std::size_t ReadUnicode(std::size_t pos, std::string& out) const {
    std::uint32_t code = Hex4(pos + 1);
    pos += 4;
    if (code >= 0xD800 && code <= 0xDBFF && pos + 6 < text_.size() && text_[pos + 1] == '\\' &&
        text_[pos + 2] == 'u') {
      std::uint32_t low = Hex4(pos + 3);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        pos += 6;
      }
    }
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
    return std::min(pos, text_.size());
  }
  std::uint32_t Hex4(std::size_t pos) const {
    std::uint32_t value = 0;
    for (std::size_t i = pos; i < pos + 4 && i < text_.size(); ++i) {
      char c = text_[i];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<std::uint32_t>(c - 'A' + 10);
      }
    }
    return value;
  }

  std::string_view text_;
};

struct Frame {
  bool object;
  std::size_t index;
  std::size_t pointer_length;
};

// Records the start offset of the value at every pointer in `wanted` (first occurrence).
std::unordered_map<std::string, std::size_t> FindOffsets(std::string_view text,
                                                         const std::unordered_set<std::string>& wanted) {
  std::unordered_map<std::string, std::size_t> found;
  Walker walker(text);
  std::vector<Frame> stack;
  std::string pointer;
  std::string key;
  std::size_t pos = walker.SkipSpace(0);
  enum class State { kValue, kMember, kAfter, kDone } state = State::kValue;
  while (state != State::kDone) {
    if (pos >= text.size()) break;
    switch (state) {
      case State::kValue: {
        bool on_path = wanted.count(pointer) > 0;
        if (on_path) found.emplace(pointer, pos);
        char c = text[pos];
        if ((c == '{' || c == '[') && on_path) {
          stack.push_back(Frame{c == '{', 0, pointer.size()});
          pos = walker.SkipSpace(pos + 1);
          if (pos < text.size() && (text[pos] == '}' || text[pos] == ']')) {
            ++pos;
            stack.pop_back();
            state = State::kAfter;
          } else {
            state = State::kMember;
          }
        } else {
          pos = c == '{' || c == '[' ? walker.SkipContainer(pos)
                : c == '"'           ? walker.SkipString(pos)
                                     : walker.SkipScalar(pos);
          state = State::kAfter;
        }
        break;
      }
      case State::kMember: {
        Frame& frame = stack.back();
        pointer.resize(frame.pointer_length);
        if (frame.object) {
          if (text[pos] != '"') {
            state = State::kDone;
            break;
          }
          pos = walker.SkipSpace(walker.ReadString(pos, key));
          AppendPointerToken(pointer, key);
          if (pos >= text.size() || text[pos] != ':') {
            state = State::kDone;
            break;
          }
          pos = walker.SkipSpace(pos + 1);
        } else {
          pointer += '/';
          pointer += std::to_string(frame.index);
        }
        state = State::kValue;
        break;
      }
      case State::kAfter: {
        if (stack.empty()) {
          state = State::kDone;
          break;
        }
        pos = walker.SkipSpace(pos);
        if (pos >= text.size()) break;
        if (text[pos] == ',') {
          ++stack.back().index;
          pos = walker.SkipSpace(pos + 1);
          state = State::kMember;
        } else if (text[pos] == '}' || text[pos] == ']') {
          ++pos;
          stack.pop_back();
        } else {
          state = State::kDone;
        }
        break;
      }
      case State::kDone:
        break;
    }
  }
  return found;
}

}  // namespace

LineColumn LineColumnAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn out{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++out.line;
      line_start = i + 1;
    }
  }
  out.column = static_cast<int>(offset - line_start) + 1;
  return out;
}

std::vector<LineColumn> ResolvePointers(std::string_view text, const std::vector<std::string>& pointers) {
  // Every prefix (at token boundaries) of every pointer: the walk descends only there.
  std::unordered_set<std::string> wanted;
  wanted.insert("");
  for (const std::string& pointer : pointers) {
    for (std::size_t slash = pointer.find('/', 1); slash != std::string::npos;
         slash = pointer.find('/', slash + 1)) {
      wanted.insert(pointer.substr(0, slash));
    }
    wanted.insert(pointer);
  }
  std::unordered_map<std::string, std::size_t> found = FindOffsets(text, wanted);

  // Offset of each pointer (or of its nearest found ancestor).
  std::vector<std::size_t> offsets(pointers.size(), text.size() + 1);
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    std::string pointer = pointers[i];
    while (true) {
      auto it = found.find(pointer);
      if (it != found.end()) {
        offsets[i] = it->second;
        break;
      }
      if (pointer.empty()) break;
      pointer.resize(pointer.rfind('/'));
    }
  }
  // One forward pass over the text for all offsets, in increasing order.
  std::vector<std::size_t> order(pointers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });
  std::vector<LineColumn> out(pointers.size());
  int line = 1;
  std::size_t line_start = 0, scanned = 0;
  for (std::size_t i : order) {
    if (offsets[i] > text.size()) continue;
    for (; scanned < offsets[i]; ++scanned) {
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    }
    out[i] = LineColumn{line, static_cast<int>(offsets[i] - line_start) + 1};
  }
  return out;
}

}  // namespace reachcheck::ingest
