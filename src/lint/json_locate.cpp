// SPDX-License-Identifier: Apache-2.0
// A small JSON scanner that walks to pointers without building a document: one pointer at a
// time, or many in one pass.
#include "lint/json_locate.h"

#include <algorithm>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace reachcheck::lint {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  // Skips whitespace and comments.
  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
        std::size_t end = text_.find("*/", pos_ + 2);
        pos_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  bool Peek(char c) {
    SkipSpace();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  // Reads a string literal (at a '"'), unescaping the common escapes; false when malformed.
  bool ReadString(std::string* out) {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    ++pos_;
    out->clear();
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case 'n':
          out->push_back('\n');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'u': {  // keep ASCII exact; other code points only need to differ from keys
          if (pos_ + 4 > text_.size()) return false;
          unsigned value = 0;
          for (int k = 0; k < 4; ++k) {
            char h = text_[pos_++];
            int digit = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
            if (digit < 0) return false;
            value = value * 16 + static_cast<unsigned>(digit);
          }
          if (value < 0x80)
            out->push_back(static_cast<char>(value));
          else
            out->append("\\u");
          break;
        }
        default:
          out->push_back(e);
          break;
      }
    }
    return false;
  }

  // Skips one value; false when malformed.
  bool SkipValue(int depth = 0) {
    if (depth > 512) return false;
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '"') {
      std::string ignored;
      return ReadString(&ignored);
    }
    if (c == '{' || c == '[') {
      char close = c == '{' ? '}' : ']';
      ++pos_;
      if (Peek(close)) {
        ++pos_;
        return true;
      }
      while (true) {
        if (c == '{') {
          std::string key;
          if (!ReadString(&key) || !Peek(':')) return false;
          ++pos_;
        }
        if (!SkipValue(depth + 1)) return false;
        if (Peek(',')) {
          ++pos_;
          continue;
        }
        if (Peek(close)) {
          ++pos_;
          return true;
        }
        return false;
      }
    }
    while (pos_ < text_.size()) {  // number, true, false, null
      char d = text_[pos_];
      if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t' || d == '/')
        break;
      ++pos_;
    }
    return true;
  }

  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::vector<std::string> SplitPointer(const std::string& pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = pointer.find('/', start);
    std::string token = pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    std::string unescaped;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size()) {
        unescaped.push_back(token[i + 1] == '1' ? '/' : '~');
        ++i;
      } else {
        unescaped.push_back(token[i]);
      }
    }
    tokens.push_back(unescaped);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return tokens;
}

// A JSON pointer token for an object key: '~' -> "~0", '/' -> "~1".
void AppendToken(std::string& path, const std::string& key) {
  path.push_back('/');
  for (char c : key) {
    if (c == '~')
      path.append("~0");
    else if (c == '/')
      path.append("~1");
    else
      path.push_back(c);
  }
}

// One pass over a text, recording where requested pointers start.
class BatchLocator {
 public:
  BatchLocator(std::string_view text, const std::vector<std::string>& pointers) : scanner_(text) {
    for (std::size_t i = 0; i < pointers.size(); ++i) {
      const std::string& pointer = pointers[i];
      if (!pointer.empty() && pointer[0] != '/') continue;
      targets_[pointer].push_back(i);
      for (std::size_t slash = 0; slash < pointer.size(); ++slash) {
        if (pointer[slash] == '/') prefixes_.insert(pointer.substr(0, slash));
      }
    }
    offsets_.assign(pointers.size(), std::string::npos);
  }

  std::vector<std::size_t> Run() {
    std::string path;
    Walk(path, 0);
    return std::move(offsets_);
  }

 private:
  // Walks the value at the scanner (its pointer is `path`); false when malformed.
  bool Walk(std::string& path, int depth) {
    if (depth > 512) return false;
    scanner_.SkipSpace();
    if (auto it = targets_.find(path); it != targets_.end()) {
      for (std::size_t i : it->second) {
        if (offsets_[i] == std::string::npos) offsets_[i] = scanner_.pos();
      }
    }
    const bool object = scanner_.Peek('{');
    if ((!object && !scanner_.Peek('[')) || prefixes_.count(path) == 0) return scanner_.SkipValue(depth);
    const char close = object ? '}' : ']';
    scanner_.set_pos(scanner_.pos() + 1);
    if (scanner_.Peek(close)) {
      scanner_.set_pos(scanner_.pos() + 1);
      return true;
    }
    const std::size_t length = path.size();
    std::string key;
    for (std::size_t index = 0;; ++index) {
      if (object) {
        if (!scanner_.ReadString(&key) || !scanner_.Peek(':')) return false;
        scanner_.set_pos(scanner_.pos() + 1);
        AppendToken(path, key);
      } else {
        path.push_back('/');
        path.append(std::to_string(index));
      }
      const bool ok = Walk(path, depth + 1);
      path.resize(length);
      if (!ok) return false;
      if (scanner_.Peek(',')) {
        scanner_.set_pos(scanner_.pos() + 1);
        continue;
      }
      if (scanner_.Peek(close)) {
        scanner_.set_pos(scanner_.pos() + 1);
        return true;
      }
      return false;
    }
  }

  Scanner scanner_;
  std::unordered_map<std::string, std::vector<std::size_t>> targets_;
  std::unordered_set<std::string> prefixes_;
  std::vector<std::size_t> offsets_;
};

}  // namespace

std::vector<TextPosition> LocatePointers(std::string_view text, const std::vector<std::string>& pointers) {
  const std::vector<std::size_t> offsets = BatchLocator(text, pointers).Run();
  // Offsets to line and column in one sweep, in increasing offset order.
  std::vector<std::pair<std::size_t, std::size_t>> order;  // (offset, pointer index)
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    if (offsets[i] < text.size()) order.emplace_back(offsets[i], i);
  }
  std::sort(order.begin(), order.end());
  std::vector<TextPosition> out(pointers.size());
  TextPosition at{1, 1};
  std::size_t done = 0;
  for (const auto& [offset, index] : order) {
    for (; done < offset; ++done) {
      if (text[done] == '\n') {
        ++at.line;
        at.column = 1;
      } else {
        ++at.column;
      }
    }
    out[index] = at;
  }
  return out;
}

TextPosition PositionOfOffset(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  TextPosition position{1, 1};
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

TextPosition LocatePointer(std::string_view text, const std::string& pointer) {
  if (!pointer.empty() && pointer[0] != '/') return {};
  Scanner scanner(text);
  for (const std::string& token : SplitPointer(pointer)) {
    if (scanner.Peek('{')) {
      scanner.set_pos(scanner.pos() + 1);
      bool found = false;
      if (scanner.Peek('}')) return {};
      while (true) {
        std::string key;
        if (!scanner.ReadString(&key) || !scanner.Peek(':')) return {};
        scanner.set_pos(scanner.pos() + 1);
        if (key == token) {
          found = true;
          break;
        }
        if (!scanner.SkipValue()) return {};
        if (scanner.Peek(',')) {
          scanner.set_pos(scanner.pos() + 1);
          continue;
        }
        return {};
      }
      if (!found) return {};
    } else if (scanner.Peek('[')) {
      scanner.set_pos(scanner.pos() + 1);
      if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string::npos)
        return {};
      unsigned long index = std::stoul(token);
      if (scanner.Peek(']')) return {};
      for (unsigned long i = 0; i < index; ++i) {
        if (!scanner.SkipValue() || !scanner.Peek(',')) return {};
        scanner.set_pos(scanner.pos() + 1);
      }
    } else {
      return {};
    }
  }
  scanner.SkipSpace();
  if (scanner.pos() >= text.size()) return {};
  return PositionOfOffset(text, scanner.pos());
}

}  // namespace reachcheck::lint
