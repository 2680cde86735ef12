// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the element writers.
#pragma once

#include <cstddef>
#include <string_view>

#include "generator/estate.h"
#include "generator/format.h"
#include "generator/json_writer.h"

namespace reachcheck::bench {

inline std::size_t U(int i) { return static_cast<std::size_t>(i); }

/// "us-east-1a" for AZ 0 of us-east-1.
inline void AzField(JsonWriter& w, std::string_view key, std::string_view region, int az) {
  w.Key(key);
  w.BeginString();
  w.Raw(region);
  w.RawChar(static_cast<char>('a' + az));
  w.EndString();
}

/// "use1-az1" style zone ids.
inline void AzIdField(JsonWriter& w, std::string_view key, std::string_view region, int az) {
  w.Key(key);
  w.BeginString();
  w.Raw(region == "us-east-1" ? "use1" : region == "us-west-2" ? "usw2" : "euw1");
  w.Raw("-az");
  w.RawChar(static_cast<char>('1' + az));
  w.EndString();
}

inline void AssociationState(JsonWriter& w, std::string_view state) {
  w.Key("AssociationState");
  w.BeginObject();
  w.Field("State", state);
  w.EndObject();
}

/// AWS-managed lists have 8-digit ids ("pl-63a5400a"), customer lists 17-digit ones.
inline void PrefixListIdValue(JsonWriter& w, const PrefixList& list) {
  if (!list.aws_managed) {
    IdValue(w, "pl-", list.id);
    return;
  }
  constexpr char kHex[] = "0123456789abcdef";
  w.BeginString();
  w.Raw("pl-");
  for (int shift = 28; shift >= 0; shift -= 4) w.RawChar(kHex[(list.id >> shift) & 15]);
  w.EndString();
}

}  // namespace reachcheck::bench
