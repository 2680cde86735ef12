// SPDX-License-Identifier: Apache-2.0
// Strict reading of the project's own JSON files (rules, rule tests, config, baselines):
// every problem is an error with the file, the JSON pointer, the line and what was expected.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "reachcheck/base/diagnostic.h"

namespace reachcheck::lint {

using Json = nlohmann::json;

/// The pointer of `key` inside the object at `pointer` ("/a" + "b" -> "/a/b", escaped).
std::string ChildPointer(const std::string& pointer, const std::string& key);
std::string ChildPointer(const std::string& pointer, std::size_t index);

class StrictReader {
 public:
  /// `prefix` starts every diagnostic code ("rules", "config", "rules-test", "baseline").
  StrictReader(std::string file, const std::string& text, std::string prefix, base::Diagnostics& diagnostics);

  /// Parses the text (comments allowed); false with `<prefix>-bad-json` at line:column.
  bool Parse(Json* out);

  /// Adds an error `<prefix>-<code>` at `pointer` (with its line and column).
  void Error(const std::string& code, const std::string& pointer, const std::string& message);
  bool ok() const { return errors_ == 0; }
  const std::string& file() const { return file_; }

  /// Requires an object; every key must be in `allowed` (else `unknown-key` with a
  /// "did you mean"), every key of `required` present (else `missing-field`).
  bool CheckObject(const Json& value, const std::string& pointer, const std::string& what,
                   const std::vector<std::string>& allowed, const std::vector<std::string>& required);

  /// Typed reads of `object[key]`; absent keys leave `out` alone and return false without an
  /// error (CheckObject reports missing required keys). A wrong type is `bad-type`.
  bool String(const Json& object, const std::string& pointer, const std::string& key, std::string* out,
              bool non_empty = true);
  bool Bool(const Json& object, const std::string& pointer, const std::string& key, bool* out);
  bool StringList(const Json& object, const std::string& pointer, const std::string& key,
                  std::vector<std::string>* out);
  /// A string or a list of strings.
  bool StringOrList(const Json& object, const std::string& pointer, const std::string& key,
                    std::vector<std::string>* out);
  /// One of `choices` (else `bad-value` naming them, with a "did you mean").
  bool Choice(const Json& object, const std::string& pointer, const std::string& key,
              const std::vector<std::string>& choices, std::string* out);

 private:
  std::string file_;
  const std::string& text_;
  std::string prefix_;
  base::Diagnostics& diagnostics_;
  int errors_ = 0;
};

/// The JSON type name for messages: "a string", "an array", "a number", ...
std::string JsonTypeName(const Json& value);

/// Reads a whole file; false when it cannot be opened.
bool ReadTextFile(const std::string& path, std::string* text);

}  // namespace reachcheck::lint
