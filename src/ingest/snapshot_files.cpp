// SPDX-License-Identifier: Apache-2.0
// The snapshot walk (sorted *.json below each root), whole-file reads, and the content key.
#include "reachcheck/ingest/snapshot_files.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "reachcheck/base/read_file.h"

namespace reachcheck::ingest {

namespace fs = std::filesystem;

std::vector<SnapshotRoot> ListSnapshotFiles(const std::vector<std::string>& paths) {
  std::vector<SnapshotRoot> roots;
  for (const std::string& path : paths) {
    SnapshotRoot root;
    root.path = path;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    root.exists = !ec && fs::exists(status);
    if (root.exists && fs::is_directory(status)) {
      root.is_directory = true;
      std::vector<fs::path> files;
      auto options = fs::directory_options::skip_permission_denied;
      for (fs::recursive_directory_iterator it(path, options, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        if (it->path().extension() == ".json" && !it->is_directory(type_ec)) files.push_back(it->path());
      }
      if (ec) root.walk_error = ec.message();
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) root.files.push_back(file.string());
    } else if (root.exists) {
      root.files.push_back(path);  // a single file is read whatever its name
    }
    roots.push_back(std::move(root));
  }
  return roots;
}

bool ReadSnapshotFile(const std::string& path, std::string& text, std::string& error) {
  return base::ReadFile(path, text, error, simdjson::SIMDJSON_PADDING);
}

namespace content_key_detail {

std::uint64_t RotateLeft(std::uint64_t value, int bits) { return (value << bits) | (value >> (64 - bits)); }

// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
std::uint64_t Avalanche(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

}  // namespace content_key_detail

void ContentKey::AddBytes(std::string_view bytes) {
  using content_key_detail::RotateLeft;
  auto mix = [this](std::uint64_t word) {
    lane_a_ = RotateLeft(lane_a_ ^ (word * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
    lane_b_ = RotateLeft(lane_b_ ^ (word * 0x4cf5ad432745937fULL), 33) * 0x87c37b91114253d5ULL + lane_a_;
  };
  std::size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    mix(word);
  }
  std::uint64_t tail = 0;
  for (std::size_t i = at; i < bytes.size(); ++i) {
    tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * (i - at));
  }
  mix(tail ^ (static_cast<std::uint64_t>(bytes.size() - at) << 56));
  length_ += bytes.size();
}

void ContentKey::AddNumber(std::uint64_t value) {
  char bytes[8];
  std::memcpy(bytes, &value, 8);
  AddBytes(std::string_view(bytes, 8));
}

void ContentKey::AddString(std::string_view text) {
  AddNumber(text.size());
  AddBytes(text);
}

void ContentKey::AddRoot(const SnapshotRoot& root) {
  AddString("root");
  AddString(root.path);
  AddNumber(root.exists ? 1 : 0);
  AddNumber(root.is_directory ? 1 : 0);
  AddNumber(root.files.size());
}

void ContentKey::AddFile(std::string_view path, std::string_view bytes) {
  AddString("file");
  AddString(path);
  AddString(bytes);  // the size, then the bytes
}

std::string ContentKey::Hex() const {
  using content_key_detail::Avalanche;
  const std::uint64_t a = Avalanche(lane_a_ ^ length_);
  const std::uint64_t b = Avalanche(lane_b_ + a);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::uint64_t half : {Avalanche(a + b), b}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(half >> shift) & 0xf];
  }
  return out;
}

}  // namespace reachcheck::ingest
