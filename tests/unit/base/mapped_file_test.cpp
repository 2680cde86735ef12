// SPDX-License-Identifier: Apache-2.0
// MappedFile: the exact bytes of a file, an empty view for an empty one, a reason for what
// cannot be mapped, and a mapping that moves with its owner and stays readable after the
// file is removed or replaced.
#include "reachcheck/base/mapped_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>

#include "support/temp_dir.h"

namespace reachcheck::base {
namespace {

using ::reachcheck::testing::TempDir;

std::string Pattern(std::size_t size) {
  std::string out(size, '\0');
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<char>(i * 13 + (i >> 9));
  return out;
}

TEST_CASE("MappedFile: the file's bytes, for sizes around a page") {
  TempDir dir("mapped");
  for (std::size_t size :
       {std::size_t{1}, std::size_t{4095}, std::size_t{4096}, std::size_t{4097}, std::size_t{1} << 20}) {
    CAPTURE(size);
    const std::string bytes = Pattern(size);
    const std::string path = dir.Write("f" + std::to_string(size), bytes);
    MappedFile file;
    std::string error;
    REQUIRE(file.Open(path, error));
    CHECK(file.view() == bytes);
  }
}

TEST_CASE("MappedFile: empty, missing and not a file") {
  TempDir dir("mapped-edge");
  std::string error;
  MappedFile file;
  REQUIRE(file.Open(dir.Write("empty", ""), error));
  CHECK(file.view().empty());
  CHECK_FALSE(file.Open(dir.path() + "/missing", error));
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK_FALSE(file.Open(dir.path(), error));
  CHECK(error == "not a regular file");
  CHECK(file.view().empty());
}

TEST_CASE("MappedFile: moves with its owner, the bytes outlive the file's name") {
  TempDir dir("mapped-move");
  const std::string bytes = Pattern(10000);
  const std::string path = dir.Write("f", bytes);
  std::string error;
  MappedFile first;
  REQUIRE(first.Open(path, error));
  MappedFile second = std::move(first);
  CHECK(second.view() == bytes);
  CHECK(first.view().empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  // Replaced the way the cache replaces its files (a new file renamed over the name), then
  // removed: the mapping still reads the old bytes.
  dir.Write("g", Pattern(20000));
  std::filesystem::rename(dir.path() + "/g", path);
  CHECK(second.view() == bytes);
  std::filesystem::remove(path);
  CHECK(second.view() == bytes);
  MappedFile third;
  REQUIRE(third.Open(dir.Write("h", "abc"), error));
  third = std::move(second);
  CHECK(third.view() == bytes);
}

}  // namespace
}  // namespace reachcheck::base
