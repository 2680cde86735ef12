// SPDX-License-Identifier: Apache-2.0
// One cache file: a header (magic, format version, reachcheck version, key, payload size and
// checksum) followed by the encoded snapshot; read whole, written atomically.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace reachcheck::cache::detail {

/// The 32 hex digits that check a cache file's payload (or any other bytes) for damage.
std::string Checksum(std::string_view bytes);

/// The header that goes before `payload` in the file for `key` (it ends with the payload's
/// size, so the file is the header followed by the payload itself, never copied into it).
std::string PayloadHeader(const std::string& key, std::string_view payload);

/// The payload of a file's `bytes` when the header is intact and names `key`, the current
/// format and reachcheck versions, and the payload's size and checksum match.
std::optional<std::string_view> UnwrapPayload(std::string_view bytes, const std::string& key);

/// The whole file, or nothing when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path);

/// Writes `pieces`, one after the other, to a temporary file beside `path` and renames it
/// into place (creating the folder); false on any failure, leaving no temporary file behind.
bool WriteFileAtomically(const std::string& path, std::initializer_list<std::string_view> pieces);

}  // namespace reachcheck::cache::detail
