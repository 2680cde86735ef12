// SPDX-License-Identifier: Apache-2.0
// Where an element of the user's input lives: a file and an RFC 6901 JSON pointer.
#pragma once

#include <string>

#include "reachcheck/base/file_name.h"
#include "reachcheck/base/json_pointer.h"

namespace reachcheck::base {

/// A place in the user's input. `line`/`column` are 1-based and 0 when unknown.
struct SourceRef {
  FileName file;        ///< path as the user gave it (relative stays relative)
  JsonPointer pointer;  ///< RFC 6901 JSON pointer, "" for the whole document
  int line = 0;
  int column = 0;

  /// `file#pointer`, the URI-fragment form that names the place in one token.
  std::string ToString() const;
  bool operator==(const SourceRef&) const = default;
};

}  // namespace reachcheck::base
