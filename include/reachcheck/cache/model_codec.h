// SPDX-License-Identifier: Apache-2.0
// The binary form of a loaded snapshot: the model::Network with its load diagnostics and
// counts, as stored in the model cache. Decoding checks everything it reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reachcheck/base/diagnostic.h"
#include "reachcheck/base/read_file.h"
#include "reachcheck/model/network.h"

namespace reachcheck::cache {

/// What a load produced, apart from its timings.
struct LoadedSnapshot {
  model::Network network;
  std::vector<base::Diagnostic> diagnostics;  ///< in the order the loader added them
  std::size_t files_read = 0;
  std::size_t bytes_read = 0;
  std::size_t files_ignored = 0;
  std::size_t resources_modelled = 0;
};

/// An encoded snapshot in the pieces it was built in: the section table, then one piece per
/// section. The encoding is the pieces one after the other; a file is written from them
/// without joining them first.
struct EncodedSnapshot {
  std::vector<base::FileBuffer> pieces;

  std::size_t size() const;
  std::vector<std::string_view> Views() const;
  std::string Joined() const;
};

/// Every field of every element, in a fixed order (little-endian, length-prefixed), and each
/// list's id index.
EncodedSnapshot EncodeSnapshotPieces(const LoadedSnapshot& snapshot);

/// The same bytes as one string.
std::string EncodeSnapshot(const LoadedSnapshot& snapshot);

/// Where a decoded snapshot's texts and JSON pointers live.
enum class Texts {
  kCopy,    ///< copied into the text arena
  kBorrow,  ///< in `bytes` themselves, which must then outlive the process's use of them
};

/// The snapshot back, with the network's id indexes as stored; nothing when the bytes are
/// truncated, have trailing garbage, hold an impossible value (a bad enum, a CIDR longer than
/// its family, unsorted port ranges), a handle out of range of the vector it points into, or
/// an id index whose slots do not fit its list.
std::optional<LoadedSnapshot> DecodeSnapshot(std::string_view bytes, Texts texts = Texts::kCopy);

}  // namespace reachcheck::cache
