// SPDX-License-Identifier: Apache-2.0
// The unsigned 128-bit integer used for IPv6 addresses.
#pragma once

namespace reachcheck::net {

__extension__ typedef unsigned __int128 Uint128;

}  // namespace reachcheck::net
