// SPDX-License-Identifier: Apache-2.0
// The content key's stripes: one multiply per 8 bytes, eight lanes side by side. The AVX2
// version is chosen at run time; SSE2 is part of every x86-64 CPU.
#include "ingest/content_key_stripes.h"

#include <cstring>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define REACHCHECK_STRIPES_X86 1
#endif

namespace reachcheck::ingest::content_key_detail {
namespace {

alignas(32) constexpr std::uint64_t kKeys[kLanes] = {
    0xbe4ba423396cfeb8ULL, 0x1cad21f72c81017cULL, 0xdb979083e96dd4deULL, 0x1f67b3b7a4a44072ULL,
    0x78e5c0cc4ee679cbULL, 0x2172ffcc7dd05a82ULL, 0x8e2443f7744608b8ULL, 0x4c263a81e69035e0ULL};
constexpr std::uint64_t kScrambleKeys[kLanes] = {
    0xcb79e64eccc0e578ULL, 0x82cb72a5e1c4a1b3ULL, 0x3f6c1b1e8f2a6d05ULL, 0xd1b54a32d192ed03ULL,
    0xa0761d6478bd642fULL, 0xe7037ed1a0b428dbULL, 0x8ebc6af09c88c6e3ULL, 0x589965cc75374cc3ULL};
constexpr std::uint64_t kScramblePrime = 0x9e3779b1ULL;

void Scramble(std::uint64_t (&lanes)[kLanes]) {
  for (std::size_t k = 0; k < kLanes; ++k) {
    std::uint64_t lane = lanes[k];
    lane ^= lane >> 47;
    lane ^= kScrambleKeys[k];
    lanes[k] = lane * kScramblePrime;
  }
}

#ifdef REACHCHECK_STRIPES_X86
void AccumulateSse2(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes) {
  __m128i acc[4];
  for (int j = 0; j < 4; ++j) acc[j] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(lanes + 2 * j));
  for (std::size_t s = 0; s < stripes; ++s, data += kStripeBytes) {
    for (int j = 0; j < 4; ++j) {
      const __m128i words = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * j));
      const __m128i keyed =
          _mm_xor_si128(words, _mm_load_si128(reinterpret_cast<const __m128i*>(kKeys + 2 * j)));
      const __m128i product = _mm_mul_epu32(keyed, _mm_srli_epi64(keyed, 32));
      const __m128i swapped = _mm_shuffle_epi32(words, _MM_SHUFFLE(1, 0, 3, 2));  // lane k gets word k ^ 1
      acc[j] = _mm_add_epi64(acc[j], _mm_add_epi64(product, swapped));
    }
  }
  for (int j = 0; j < 4; ++j) _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes + 2 * j), acc[j]);
}

__attribute__((target("avx2"))) void AccumulateAvx2(std::uint64_t (&lanes)[kLanes], const char* data,
                                                    std::size_t stripes) {
  __m256i acc[2];
  for (int j = 0; j < 2; ++j) acc[j] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(lanes + 4 * j));
  for (std::size_t s = 0; s < stripes; ++s, data += kStripeBytes) {
    for (int j = 0; j < 2; ++j) {
      const __m256i words = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + 32 * j));
      const __m256i keyed =
          _mm256_xor_si256(words, _mm256_load_si256(reinterpret_cast<const __m256i*>(kKeys + 4 * j)));
      const __m256i product = _mm256_mul_epu32(keyed, _mm256_srli_epi64(keyed, 32));
      const __m256i swapped = _mm256_shuffle_epi32(words, _MM_SHUFFLE(1, 0, 3, 2));
      acc[j] = _mm256_add_epi64(acc[j], _mm256_add_epi64(product, swapped));
    }
  }
  for (int j = 0; j < 2; ++j) _mm256_storeu_si256(reinterpret_cast<__m256i*>(lanes + 4 * j), acc[j]);
}

bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}
#endif

}  // namespace

void AccumulateBlockScalar(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes) {
  for (std::size_t s = 0; s < stripes; ++s, data += kStripeBytes) {
    std::uint64_t words[kLanes];
    std::memcpy(words, data, kStripeBytes);
    for (std::size_t k = 0; k < kLanes; ++k) {
      const std::uint64_t keyed = words[k] ^ kKeys[k];
      lanes[k] += (keyed & 0xffffffffULL) * (keyed >> 32) + words[k ^ 1];
    }
  }
  Scramble(lanes);
}

void AccumulateBlockSse2(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes) {
#ifdef REACHCHECK_STRIPES_X86
  AccumulateSse2(lanes, data, stripes);
  Scramble(lanes);
#else
  AccumulateBlockScalar(lanes, data, stripes);
#endif
}

void AccumulateBlock(std::uint64_t (&lanes)[kLanes], const char* data, std::size_t stripes) {
#ifdef REACHCHECK_STRIPES_X86
  if (HasAvx2()) {
    AccumulateAvx2(lanes, data, stripes);
  } else {
    AccumulateSse2(lanes, data, stripes);
  }
  Scramble(lanes);
#else
  AccumulateBlockScalar(lanes, data, stripes);
#endif
}

}  // namespace reachcheck::ingest::content_key_detail
