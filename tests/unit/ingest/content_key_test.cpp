// SPDX-License-Identifier: Apache-2.0
// The content key's hash: the vector versions of the stripe step give the scalar lanes, and
// every byte, every length and every cut of the input changes the key.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>

#include "ingest/content_key_stripes.h"
#include "reachcheck/ingest/snapshot_files.h"

namespace reachcheck::ingest {
namespace {

namespace ck = content_key_detail;

std::string RandomBytes(std::size_t size, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  return bytes;
}

std::pair<std::uint64_t, std::uint64_t> Pair(const ContentKey::FileDigest& d) { return {d.low, d.high}; }

TEST_CASE("content key: the AVX2 and SSE2 stripe steps give the scalar lanes") {
  for (std::size_t stripes = 1; stripes <= ck::kStripesPerBlock; ++stripes) {
    CAPTURE(stripes);
    const std::string bytes = RandomBytes(stripes * ck::kStripeBytes + 3, stripes);
    std::uint64_t vector_lanes[ck::kLanes], sse2_lanes[ck::kLanes], scalar_lanes[ck::kLanes];
    for (std::size_t k = 0; k < ck::kLanes; ++k) {
      vector_lanes[k] = sse2_lanes[k] = scalar_lanes[k] = 0x1234567 * (k + 1);
    }
    // Unaligned on purpose: the stripes are read wherever the bytes are.
    ck::AccumulateBlock(vector_lanes, bytes.data() + 3, stripes);  // AVX2 where the CPU has it
    ck::AccumulateBlockSse2(sse2_lanes, bytes.data() + 3, stripes);
    ck::AccumulateBlockScalar(scalar_lanes, bytes.data() + 3, stripes);
    for (std::size_t k = 0; k < ck::kLanes; ++k) {
      CHECK(vector_lanes[k] == scalar_lanes[k]);
      CHECK(sse2_lanes[k] == scalar_lanes[k]);
    }
  }
}

TEST_CASE("content key: every flipped bit changes the digest, in stripes, words and the tail") {
  // 2 blocks, a partial block, whole words and a tail: every path of AddBytes.
  const std::string bytes = RandomBytes(2 * 1024 + 5 * 64 + 3 * 8 + 5, 7);
  const auto original = Pair(ContentKey::Digest(bytes));
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen{original};
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    for (int bit : {0, 7}) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(flipped[at] ^ (1 << bit));
      seen.insert(Pair(ContentKey::Digest(flipped)));
    }
  }
  CHECK(seen.size() == 1 + 2 * bytes.size());
}

TEST_CASE("content key: every length and every cut of the same bytes gives its own key") {
  const std::string bytes = RandomBytes(300, 11);
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  for (std::size_t size = 0; size <= bytes.size(); ++size) {
    seen.insert(Pair(ContentKey::Digest(std::string_view(bytes).substr(0, size))));
  }
  CHECK(seen.size() == bytes.size() + 1);
  std::set<std::string> keys;
  for (std::size_t cut = 0; cut <= bytes.size(); cut += 10) {
    ContentKey key;
    key.AddString(std::string_view(bytes).substr(0, cut));
    key.AddString(std::string_view(bytes).substr(cut));
    keys.insert(key.Hex());
  }
  CHECK(keys.size() == bytes.size() / 10 + 1);
  // Zeros are not all alike: runs of zero words of different lengths differ.
  std::set<std::pair<std::uint64_t, std::uint64_t>> zeros;
  for (std::size_t size = 0; size <= 2048; size += 64)
    zeros.insert(Pair(ContentKey::Digest(std::string(size, '\0'))));
  CHECK(zeros.size() == 2048 / 64 + 1);
}

TEST_CASE("content key: the same bytes give the same key, wherever they are in memory") {
  const std::string bytes = RandomBytes(5000, 3);
  std::string shifted = "x" + bytes;
  CHECK(Pair(ContentKey::Digest(bytes)) == Pair(ContentKey::Digest(std::string_view(shifted).substr(1))));
  CHECK(ContentKey::Digest(bytes).low != 0);
}

}  // namespace
}  // namespace reachcheck::ingest
