// SPDX-License-Identifier: Apache-2.0
// The process-wide arena of texts that live as long as the process: JSON pointers and the
// model's strings. Each thread fills a chunk of its own; nothing in it is ever freed.
#pragma once

#include <cstddef>

namespace reachcheck::base {

/// `bytes` bytes of room (unaligned, not zeroed) in this thread's chunk of the arena,
/// valid until the end of the process. Thread-safe.
char* ArenaAllocate(std::size_t bytes);

}  // namespace reachcheck::base
