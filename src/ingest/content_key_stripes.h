// SPDX-License-Identifier: Apache-2.0
// The content key's bulk step: 64-byte stripes into eight 64-bit lanes, with the widest
// vector unit the CPU has (AVX2, else SSE2) and a scalar version that gives the same lanes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace reachcheck::ingest::content_key_detail {

inline constexpr std::size_t kLanes = 8;
inline constexpr std::size_t kStripeBytes = 64;
/// Stripes between two scrambles of the lanes (a 1 KiB block).
inline constexpr std::size_t kStripesPerBlock = 16;

/// For each 8-byte word w of lane k of each stripe: lane k gains the product of the low and
/// high halves of w ^ key[k], and its neighbour lane k ^ 1 gains w itself, so that no word's
/// bits are lost to a zero half. Then the lanes are scrambled once per call.
void AccumulateBlock(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes);
/// The same without vector instructions (the reference the vector versions must match).
void AccumulateBlockScalar(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes);
/// The same with SSE2 only, whatever the CPU has (x86-64; elsewhere the scalar version),
/// so that the version a CPU without AVX2 runs is tested on every machine.
void AccumulateBlockSse2(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes);

}  // namespace reachcheck::ingest::content_key_detail
