// SPDX-License-Identifier: Apache-2.0
// What every modelled resource has: its AWS id, its account/region scope, its tags and the
// place in the input it came from. Cross-references are integer handles into Network.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "reachcheck/base/source_ref.h"
#include "reachcheck/base/text.h"

namespace reachcheck::model {

/// Index of an element in its Network vector; kNone when unresolved.
using Handle = std::uint32_t;
inline constexpr Handle kNone = std::numeric_limits<Handle>::max();

/// An account and region. Ids are unique per scope; the same id in two scopes is two resources.
struct Scope {
  base::Text account;  ///< 12-digit id, or "" when unknown
  base::Text region;   ///< e.g. "us-east-1", or "" when unknown
  bool operator==(const Scope&) const = default;
  auto operator<=>(const Scope&) const = default;
};

struct Tag {
  base::Text key;
  base::Text value;
  bool operator==(const Tag&) const = default;
};

struct Element {
  base::Text id;         ///< AWS id, e.g. "vpc-0abc"
  Handle scope = kNone;  ///< index into Network::scopes
  std::vector<Tag> tags;
  base::SourceRef origin;  ///< the JSON object this element was read from

  /// Value of tag `key`, or nullptr.
  const base::Text* FindTag(std::string_view key) const;
  /// The "Name" tag or "".
  std::string Name() const;
  bool operator==(const Element&) const = default;
};

}  // namespace reachcheck::model
