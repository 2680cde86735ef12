// SPDX-License-Identifier: Apache-2.0
// ReadFile into a string and into a reused FileBuffer: the exact bytes, the spare capacity
// parsers read past the end, and the reasons a file cannot be read.
#include "reachcheck/base/read_file.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include "support/temp_dir.h"

namespace reachcheck::base {
namespace {

namespace fs = std::filesystem;
using ::reachcheck::testing::TempDir;

// Bytes that differ at every position, so that a stale or shifted byte shows.
std::string Pattern(std::size_t size, char seed) {
  std::string out(size, '\0');
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>(seed + i * 7 + (i >> 8));
  return out;
}

TEST_CASE("ReadFile: one FileBuffer for files that grow and shrink") {
  TempDir dir("read");
  FileBuffer buffer;
  std::string error;
  // Larger, smaller, empty and larger again: each read gives exactly that file's bytes.
  for (std::size_t size : {std::size_t{100000}, std::size_t{10}, std::size_t{0}, std::size_t{300001},
                           std::size_t{70000}}) {
    const std::string bytes = Pattern(size, static_cast<char>(size % 97));
    const std::string path = dir.Write("f" + std::to_string(size) + ".json", bytes);
    REQUIRE(ReadFile(path, buffer, error, 64));
    CHECK(buffer.size() == size);
    CHECK(buffer.view() == bytes);
    CHECK(buffer.capacity() >= size + 64);
    std::string text = "stale contents";
    REQUIRE(ReadFile(path, text, error, 64));
    CHECK(text == bytes);
    CHECK(text.capacity() >= size + 64);
  }
}

TEST_CASE("ReadFile: what cannot be read, with the reason") {
  TempDir dir("read");
  FileBuffer buffer;
  std::string text, error;
  CHECK_FALSE(ReadFile(dir.path() + "/missing.json", buffer, error));
  CHECK(error == "not a regular file");
  error.clear();
  CHECK_FALSE(ReadFile(dir.path(), text, error));
  CHECK(error == "not a regular file");
}

}  // namespace
}  // namespace reachcheck::base
