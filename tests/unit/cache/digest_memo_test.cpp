// SPDX-License-Identifier: Apache-2.0
// DigestMemo: a remembered digest is found only under the exact stamp it was remembered
// with; a memo that is missing, damaged or of another format reads as empty; only files that
// settled before their read may be remembered; a fresh load's digests are remembered only for
// files unchanged since the stamps taken before it.
#include "cache/digest_memo.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "cache/current_key.h"
#include "unit/cache/cache_test_util.h"

namespace reachcheck::cache::detail {
namespace {

using testing::ScratchDir;
using Digest = ingest::ContentKey::FileDigest;

const FileStamp kStamp{7, 42, 1000, 1'700'000'000'000'000'000, 1'700'000'000'500'000'000};

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("digest memo: found only under the stamp it was remembered with") {
  DigestMemo memo;
  memo.Remember("snap/a.json", kStamp, Digest{1, 2});
  const std::optional<Digest> found = memo.Find("snap/a.json", kStamp);
  REQUIRE(found);
  CHECK(found->low == 1);
  CHECK(found->high == 2);
  CHECK_FALSE(memo.Find("snap/b.json", kStamp));
  // Each field of the stamp, moved by one: the remembered digest no longer applies.
  const std::vector<std::function<void(FileStamp&)>> moves = {
      [](FileStamp& s) { s.device += 1; },     [](FileStamp& s) { s.inode += 1; },
      [](FileStamp& s) { s.size += 1; },       [](FileStamp& s) { s.modified_ns += 1; },
      [](FileStamp& s) { s.changed_ns += 1; },
  };
  for (std::size_t field = 0; field < moves.size(); ++field) {
    CAPTURE(field);
    FileStamp other = kStamp;
    moves[field](other);
    CHECK_FALSE(memo.Find("snap/a.json", other));
  }
}

TEST_CASE("digest memo: written and read back, and damage of any kind reads as an empty memo") {
  ScratchDir dir("memo");
  const std::string path = dir.path() + "/paths.stamps";
  CHECK(DigestMemo::Read(path).size() == 0);  // missing
  DigestMemo memo;
  memo.Remember("snap/a.json", kStamp, Digest{1, 2});
  FileStamp b = kStamp;
  b.inode = 43;
  memo.Remember("snap/dir/b.json", b, Digest{3, 4});
  REQUIRE(memo.Write(path));
  const DigestMemo back = DigestMemo::Read(path);
  CHECK(back.size() == 2);
  CHECK(back.Find("snap/a.json", kStamp).value().high == 2);
  CHECK(back.Find("snap/dir/b.json", b).value().low == 3);

  const std::string good = ReadBytes(path);
  auto read_damaged = [&](const std::string& damaged) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
    return DigestMemo::Read(path).size();
  };
  for (std::size_t size = 0; size < good.size(); ++size) {
    CAPTURE(size);
    CHECK(read_damaged(good.substr(0, size)) == 0);
  }
  for (std::size_t at = 0; at < good.size(); ++at) {
    CAPTURE(at);
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x01);
    CHECK(read_damaged(flipped) == 0);
  }
  CHECK(read_damaged(good + "x") == 0);
  CHECK(read_damaged(good) == 2);
}

TEST_CASE("digest memo: a file is remembered only when it settled before its read") {
  const std::int64_t second = 1'000'000'000;
  const std::int64_t read_at = kStamp.changed_ns + 3 * second;
  CHECK(SettledBefore(kStamp, read_at, std::chrono::seconds(2)));
  CHECK_FALSE(SettledBefore(kStamp, read_at, std::chrono::seconds(3)));  // changed exactly then
  FileStamp touched = kStamp;
  touched.modified_ns = read_at - second;  // modified a second before the read
  CHECK_FALSE(SettledBefore(touched, read_at, std::chrono::seconds(2)));
  CHECK(SettledBefore(touched, read_at, std::chrono::milliseconds(500)));
}

TEST_CASE("digest memo: the stamp of a file, and none for a folder or a missing path") {
  ScratchDir dir("stamp");
  const std::string file = dir.Write("a.json", "{}");
  const std::optional<FileStamp> stamp = StampOf(file);
  REQUIRE(stamp);
  CHECK(stamp->size == 2);
  CHECK(stamp->inode != 0);
  CHECK(stamp->changed_ns <= NowNs());
  CHECK_FALSE(StampOf(dir.path()));
  CHECK_FALSE(StampOf(dir.path() + "/missing.json"));
}

TEST_CASE("digest memo: a fresh load's digests are remembered for the files unchanged since the stamps before it") {
  ScratchDir dir("loaded");
  dir.Write("snap/a.json", R"({"Vpcs": []})");
  dir.Write("snap/b.json", R"({"Vpcs": []})");
  dir.Write("snap/c/d.json", R"({"Subnets": []})");
  const std::string snap = dir.path() + "/snap";
  CacheOptions options{true, dir.path() + "/models"};
  options.settle_time = std::chrono::nanoseconds(0);
  std::filesystem::create_directories(options.directory);
  const StampsBeforeLoad before = StampFiles({snap});
  CHECK(before.stamps.size() == 3);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // a change gets times of its own
  dir.Write("snap/b.json", R"({"Vpcs": [ ]})");                // changed after the stamps
  dir.Write("snap/e.json", R"({"Vpcs": []})");                 // added after them
  base::Diagnostics diagnostics;
  ingest::LoadStats stats;
  ingest::LoadSnapshot({snap}, diagnostics, &stats);
  REQUIRE(stats.files_hashed.size() == 4);
  REQUIRE_FALSE(stats.content_key.empty());

  SECTION("settled: the two unchanged files are remembered, and give the load's key") {
    RememberLoadedFiles({snap}, options, before, stats.files_hashed);
    std::size_t files_read = 0;
    CHECK(CurrentContentKey({snap}, options, 1, files_read) == stats.content_key);
    CHECK(files_read == 2);  // b.json and e.json
  }
  SECTION("the default settle time: files this new are not remembered, and no memo is written") {
    options.settle_time = CacheOptions{}.settle_time;
    RememberLoadedFiles({snap}, options, before, stats.files_hashed);
    CHECK(std::filesystem::is_empty(options.directory));
    std::size_t files_read = 0;
    CHECK(CurrentContentKey({snap}, options, 1, files_read) == stats.content_key);
    CHECK(files_read == 4);
  }
}

}  // namespace
}  // namespace reachcheck::cache::detail
