// SPDX-License-Identifier: Apache-2.0
// One cache file: a header (magic, format version, reachcheck version, key, payload size)
// followed by the encoded snapshot, which holds the digests that check it; written atomically.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reachcheck::cache::detail {

/// Appends an eight-byte little-endian integer; a text as its size then its bytes.
void AppendU64(std::string& out, std::uint64_t value);
void AppendText(std::string& out, std::string_view text);

/// Consumes what AppendU64 and AppendText wrote from the front of `rest`; false once
/// anything is missing.
struct FieldReader {
  std::string_view rest;
  bool U64(std::uint64_t& value);
  bool Text(std::string_view& text);
};

/// 32 hex digits that check a small file (the digest memo) for damage.
std::string Checksum(std::string_view bytes);

/// The header that goes before `payload` in the file for `key` (it ends with the payload's
/// size, so the file is the header followed by the payload itself, never copied into it).
std::string PayloadHeader(const std::string& key, std::size_t payload_size);

/// The payload of a file's `bytes` when the header is intact and names `key`, the current
/// format and reachcheck versions, and the payload's size match (the payload's own digests
/// are checked as it is decoded).
std::optional<std::string_view> UnwrapPayload(std::string_view bytes, const std::string& key);

/// The whole file, or nothing when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path);

/// Writes `pieces`, one after the other, to a temporary file beside `path` and renames it
/// into place (creating the folder); false on any failure, leaving no temporary file behind.
bool WriteFileAtomically(const std::string& path, std::initializer_list<std::string_view> pieces);
bool WriteFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces);

}  // namespace reachcheck::cache::detail
