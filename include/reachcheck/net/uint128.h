// SPDX-License-Identifier: Apache-2.0
// The unsigned 128-bit integer used for IPv6 addresses, and its packed form for storage.
#pragma once

#include <compare>
#include <cstring>

namespace reachcheck::net {

__extension__ typedef unsigned __int128 Uint128;

/// A Uint128 stored with 4-byte alignment instead of 16, read and written (and compared,
/// through the conversion) as a Uint128. An address in a model or an index is then 20 bytes
/// rather than 32, and a CIDR 24 rather than 48: the model holds millions of them.
class PackedUint128 {
 public:
  PackedUint128() = default;
  // NOLINTNEXTLINE(google-explicit-constructor): converts both ways, like the value it holds
  PackedUint128(Uint128 value) { std::memcpy(bytes_, &value, sizeof bytes_); }
  // NOLINTNEXTLINE(google-explicit-constructor)
  operator Uint128() const {
    Uint128 value;
    std::memcpy(&value, bytes_, sizeof bytes_);
    return value;
  }

 private:
  alignas(4) unsigned char bytes_[16] = {};
};

}  // namespace reachcheck::net
