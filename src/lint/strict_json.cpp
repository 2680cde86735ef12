// SPDX-License-Identifier: Apache-2.0
// Strict JSON reading with precise diagnostics.
#include "lint/strict_json.h"

#include <algorithm>

#include "lint/json_locate.h"
#include "reachcheck/base/read_file.h"
#include "reachcheck/base/spellcheck.h"

namespace reachcheck::lint {

std::string ChildPointer(const std::string& pointer, const std::string& key) {
  return (Json::json_pointer(pointer) / key).to_string();
}
std::string ChildPointer(const std::string& pointer, std::size_t index) {
  return (Json::json_pointer(pointer) / index).to_string();
}

std::string JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "a value";
  }
}

bool ReadTextFile(const std::string& path, std::string* text) {
  std::string error;
  return base::ReadFile(path, *text, error);
}

StrictReader::StrictReader(std::string file, const std::string& text, std::string prefix,
                           base::Diagnostics& diagnostics)
    : file_(std::move(file)), text_(text), prefix_(std::move(prefix)), diagnostics_(diagnostics) {}

bool StrictReader::Parse(Json* out) {
  try {
    *out = Json::parse(text_, nullptr, true, /*ignore_comments=*/true);
    return true;
  } catch (const Json::parse_error& e) {
    TextPosition position = PositionOfOffset(text_, e.byte > 0 ? e.byte - 1 : 0);
    std::string message = e.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 7: ..." -> after ": ".
    std::size_t colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
    ++errors_;
    diagnostics_.Error(prefix_ + "-bad-json", "not valid JSON: " + message,
                       base::SourceRef{file_, "", position.line, position.column});
    return false;
  }
}

void StrictReader::Error(const std::string& code, const std::string& pointer, const std::string& message) {
  ++errors_;
  TextPosition position = LocatePointer(text_, pointer);
  diagnostics_.Error(prefix_ + "-" + code, message,
                     base::SourceRef{file_, pointer, position.line, position.column});
}

bool StrictReader::CheckObject(const Json& value, const std::string& pointer, const std::string& what,
                               const std::vector<std::string>& allowed,
                               const std::vector<std::string>& required) {
  if (!value.is_object()) {
    Error("bad-type", pointer, what + " must be an object, not " + JsonTypeName(value));
    return false;
  }
  bool good = true;
  for (const auto& [key, unused] : value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = "unknown key '" + key + "' in " + what;
    if (auto hint = base::ClosestMatch(key, allowed, std::max<std::size_t>(3, key.size() / 3))) {
      message += "; did you mean '" + *hint + "'?";
    } else {
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      message += " (expected one of: " + list + ")";
    }
    Error("unknown-key", ChildPointer(pointer, key), message);
    good = false;
  }
  for (const std::string& key : required) {
    if (!value.contains(key)) {
      Error("missing-field", pointer, what + " has no '" + key + "'");
      good = false;
    }
  }
  return good;
}

bool StrictReader::String(const Json& object, const std::string& pointer, const std::string& key,
                          std::string* out, bool non_empty) {
  if (!object.is_object() || !object.contains(key)) return false;
  const Json& value = object[key];
  std::string at = ChildPointer(pointer, key);
  if (!value.is_string()) {
    Error("bad-type", at, "'" + key + "' must be a string, not " + JsonTypeName(value));
    return false;
  }
  if (non_empty && value.get<std::string>().empty()) {
    Error("bad-value", at, "'" + key + "' must not be empty");
    return false;
  }
  *out = value.get<std::string>();
  return true;
}

bool StrictReader::Bool(const Json& object, const std::string& pointer, const std::string& key, bool* out) {
  if (!object.is_object() || !object.contains(key)) return false;
  const Json& value = object[key];
  if (!value.is_boolean()) {
    Error("bad-type", ChildPointer(pointer, key),
          "'" + key + "' must be true or false, not " + JsonTypeName(value));
    return false;
  }
  *out = value.get<bool>();
  return true;
}

bool StrictReader::StringList(const Json& object, const std::string& pointer, const std::string& key,
                              std::vector<std::string>* out) {
  if (!object.is_object() || !object.contains(key)) return false;
  const Json& value = object[key];
  std::string at = ChildPointer(pointer, key);
  if (!value.is_array()) {
    Error("bad-type", at, "'" + key + "' must be an array of strings, not " + JsonTypeName(value));
    return false;
  }
  bool good = true;
  out->clear();
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string() || value[i].get<std::string>().empty()) {
      Error("bad-type", ChildPointer(at, i),
            "each entry of '" + key + "' must be a non-empty string, not " +
                (value[i].is_string() ? "an empty one" : JsonTypeName(value[i])));
      good = false;
      continue;
    }
    out->push_back(value[i].get<std::string>());
  }
  return good;
}

bool StrictReader::StringOrList(const Json& object, const std::string& pointer, const std::string& key,
                                std::vector<std::string>* out) {
  if (!object.is_object() || !object.contains(key)) return false;
  if (object[key].is_string()) {
    std::string one;
    if (!String(object, pointer, key, &one)) return false;
    *out = {one};
    return true;
  }
  if (!object[key].is_array()) {
    Error("bad-type", ChildPointer(pointer, key),
          "'" + key + "' must be a string or an array of strings, not " + JsonTypeName(object[key]));
    return false;
  }
  if (!StringList(object, pointer, key, out)) return false;
  if (out->empty()) {
    Error("bad-value", ChildPointer(pointer, key), "'" + key + "' must not be empty");
    return false;
  }
  return true;
}

bool StrictReader::Choice(const Json& object, const std::string& pointer, const std::string& key,
                          const std::vector<std::string>& choices, std::string* out) {
  std::string value;
  if (!String(object, pointer, key, &value)) return false;
  if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
    std::string list;
    for (const std::string& c : choices) list += (list.empty() ? "" : ", ") + c;
    std::string message = "'" + key + "' must be one of " + list + " (got \"" + value + "\")";
    if (auto hint = base::ClosestMatch(value, choices, 3)) message += "; did you mean '" + *hint + "'?";
    Error("bad-value", ChildPointer(pointer, key), message);
    return false;
  }
  *out = value;
  return true;
}

}  // namespace reachcheck::lint
