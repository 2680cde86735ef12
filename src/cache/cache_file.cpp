// SPDX-License-Identifier: Apache-2.0
// The cache file's header, its fields, checksums of small files, whole-file reads and atomic
// writes.
#include "cache/cache_file.h"

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "reachcheck/cache/cached_load.h"
#include "reachcheck/ingest/snapshot_files.h"

namespace reachcheck::cache::detail {
namespace {

constexpr std::string_view kMagic = "RCHKMDL\n";

}  // namespace

void AppendU64(std::string& out, std::uint64_t value) {
  char buffer[8];
  std::memcpy(buffer, &value, 8);
  out.append(buffer, 8);
}

void AppendText(std::string& out, std::string_view text) {
  AppendU64(out, text.size());
  out.append(text);
}

bool FieldReader::U64(std::uint64_t& value) {
  if (rest.size() < 8) return false;
  std::memcpy(&value, rest.data(), 8);
  rest.remove_prefix(8);
  return true;
}

bool FieldReader::Text(std::string_view& text) {
  std::uint64_t size = 0;
  if (!U64(size) || size > rest.size()) return false;
  text = rest.substr(0, size);
  rest.remove_prefix(size);
  return true;
}

std::string Checksum(std::string_view bytes) {
  ingest::ContentKey hash;
  hash.AddString(bytes);
  return hash.Hex();
}

std::string PayloadHeader(const std::string& key, std::size_t payload_size) {
  std::string out(kMagic);
  AppendU64(out, kCacheFormatVersion);
  AppendText(out, REACHCHECK_VERSION);
  AppendText(out, key);
  AppendU64(out, payload_size);  // then the payload: the same bytes AppendText would write
  return out;
}

std::optional<std::string_view> UnwrapPayload(std::string_view bytes, const std::string& key) {
  if (bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  FieldReader reader{bytes.substr(kMagic.size())};
  std::uint64_t format = 0;
  std::string_view version, stored_key, payload;
  if (!reader.U64(format) || format != kCacheFormatVersion) return std::nullopt;
  if (!reader.Text(version) || version != REACHCHECK_VERSION) return std::nullopt;
  if (!reader.Text(stored_key) || stored_key != key) return std::nullopt;
  if (!reader.Text(payload) || !reader.rest.empty()) return std::nullopt;
  return payload;  // which checks itself, section by section, as it is decoded
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::string bytes, error;
  if (!ingest::ReadSnapshotFile(path, bytes, error)) return std::nullopt;
  return bytes;
}

bool WriteFileAtomically(const std::string& path, std::initializer_list<std::string_view> pieces) {
  return WriteFileAtomically(path, std::vector<std::string_view>(pieces));
}

bool WriteFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> sequence{0};
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return false;
  const std::string temporary =
      path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(sequence.fetch_add(1));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    for (std::string_view piece : pieces) out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    out.close();
    if (!out) {
      fs::remove(temporary, ec);
      return false;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return false;
  }
  return true;
}

}  // namespace reachcheck::cache::detail
