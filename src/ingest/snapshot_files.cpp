// SPDX-License-Identifier: Apache-2.0
// The snapshot walk (sorted *.json below each root), whole-file reads, and the content key.
#include "reachcheck/ingest/snapshot_files.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "ingest/content_key_stripes.h"
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

bool ReadSnapshotFile(const std::string& path, base::FileBuffer& buffer, std::string& error) {
  return base::ReadFile(path, buffer, error, simdjson::SIMDJSON_PADDING);
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
  using namespace content_key_detail;
  constexpr std::uint64_t kOdd1 = 0x87c37b91114253d5ULL, kOdd2 = 0x4cf5ad432745937fULL;
  auto mix = [](std::uint64_t lane, std::uint64_t word) {
    return RotateLeft(lane ^ (word * kOdd1), 31) * kOdd2;
  };
  // Local lanes: the bytes are chars, which may alias the members.
  std::uint64_t lanes[kLanes];
  std::memcpy(lanes, lanes_, sizeof lanes);
  std::size_t at = 0;
  // Whole stripes, a block at a time; then the words left, one lane each; then the tail.
  while (bytes.size() - at >= kStripeBytes) {
    const std::size_t stripes = std::min((bytes.size() - at) / kStripeBytes, kStripesPerBlock);
    AccumulateBlock(lanes, bytes.data() + at, stripes);
    at += stripes * kStripeBytes;
  }
  for (std::size_t k = 0; bytes.size() - at >= 8; at += 8, ++k) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    lanes[k] = mix(lanes[k], word);
  }
  std::uint64_t tail = 0;
  for (std::size_t i = at; i < bytes.size(); ++i) {
    tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * (i - at));
  }
  // The tail and the piece's length go to every lane, so pieces cut differently differ.
  const std::uint64_t last = tail ^ (static_cast<std::uint64_t>(bytes.size() - at) << 56) ^ bytes.size();
  for (std::size_t k = 0; k < kLanes; ++k) lanes_[k] = mix(lanes[k], last);
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

ContentKey::FileDigest ContentKey::Digest(std::string_view bytes) {
  ContentKey key;
  key.AddBytes(bytes);
  return key.Finish();
}

void ContentKey::AddFile(std::string_view path, std::size_t size, const FileDigest& digest) {
  AddString("file");
  AddString(path);
  AddNumber(size);
  AddNumber(digest.low);
  AddNumber(digest.high);
}

ContentKey::FileDigest ContentKey::Finish() const {
  using content_key_detail::Avalanche;
  // A chain through every lane, then two sums of alternate links.
  std::uint64_t link[content_key_detail::kLanes];
  link[0] = Avalanche(lanes_[0] ^ length_);
  for (std::size_t k = 1; k < content_key_detail::kLanes; ++k) {
    link[k] = Avalanche(k % 2 == 1 ? lanes_[k] + link[k - 1] : lanes_[k] ^ link[k - 1]);
  }
  return FileDigest{Avalanche(link[0] + link[2] + link[4] + link[6]),
                    Avalanche(link[1] ^ link[3] ^ link[5] ^ link[7])};
}

std::string ContentKey::Hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  const FileDigest digest = Finish();
  std::string out;
  for (std::uint64_t half : {digest.low, digest.high}) {
    for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(half >> shift) & 0xf];
  }
  return out;
}

}  // namespace reachcheck::ingest
