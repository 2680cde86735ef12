// SPDX-License-Identifier: Apache-2.0
// The cache folder's size limit: least recently used files go first, the file just written
// stays, interrupted writes go after an hour, a hit counts as a use; REACHCHECK_CACHE_MAX_SIZE.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "cache/cache_prune.h"
#include "reachcheck/cache/cached_load.h"
#include "support/scoped_env.h"
#include "support/support_paths.h"
#include "unit/cache/cache_test_util.h"

namespace reachcheck::cache {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;

// A file of `size` bytes last written `age` ago.
std::string WriteAged(const ScratchDir& dir, const std::string& name, std::size_t size,
                      std::chrono::minutes age) {
  const std::string path = dir.Write(name, std::string(size, 'x'));
  fs::last_write_time(path, fs::file_time_type::clock::now() - age);
  return path;
}

std::set<std::string> Names(const std::string& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.insert(entry.path().filename().string());
  return names;
}

TEST_CASE("cache prune: least recently written first, until the files fit") {
  using std::chrono::minutes;
  ScratchDir dir("prune");
  WriteAged(dir, "a.rcmodel", 1000, minutes(180));
  WriteAged(dir, "b.rcmodel", 1000, minutes(120));
  WriteAged(dir, "c.rcmodel", 1000, minutes(60));
  const std::string fresh = WriteAged(dir, "new.rcmodel", 5000, minutes(0));
  WriteAged(dir, "paths.last", 32, minutes(600));
  WriteAged(dir, "notes.txt", 100000, minutes(600));

  SECTION("no limit") {
    detail::PruneCacheDirectory(dir.path(), 0, fresh);
    CHECK(Names(dir.path()).size() == 6);
  }
  SECTION("within the limit") {
    detail::PruneCacheDirectory(dir.path(), 8000, fresh);
    CHECK(Names(dir.path()).size() == 6);
  }
  SECTION("the two oldest go") {
    detail::PruneCacheDirectory(dir.path(), 6500, fresh);
    CHECK(Names(dir.path()) == std::set<std::string>{"c.rcmodel", "new.rcmodel", "paths.last", "notes.txt"});
  }
  SECTION("the file just written stays, even alone over the limit") {
    detail::PruneCacheDirectory(dir.path(), 1000, fresh);
    CHECK(Names(dir.path()) == std::set<std::string>{"new.rcmodel", "paths.last", "notes.txt"});
  }
}

TEST_CASE("cache prune: an interrupted write's temporary file goes after an hour") {
  using std::chrono::minutes;
  ScratchDir dir("prune-tmp");
  WriteAged(dir, "k.rcmodel.tmp.4242.0", 500, minutes(90));
  WriteAged(dir, "p.last.tmp.4242.1", 32, minutes(90));
  WriteAged(dir, "p.stamps.tmp.4242.2", 64, minutes(90));
  WriteAged(dir, "p.stamps", 64, minutes(900));              // a memo itself is not a temporary file
  WriteAged(dir, "k2.rcmodel.tmp.4343.0", 500, minutes(5));  // maybe still being written
  WriteAged(dir, "other.tmp.1.0", 10, minutes(600));         // not ours
  detail::PruneCacheDirectory(dir.path(), 0, "");
  CHECK(Names(dir.path()) == std::set<std::string>{"k2.rcmodel.tmp.4343.0", "other.tmp.1.0", "p.stamps"});
}

TEST_CASE("cache prune: a store keeps the folder within the limit, a hit counts as a use") {
  ScratchDir cache("prune-load");
  ScratchDir snapshots("prune-snapshots");
  snapshots.Write("one/Vpcs.json", R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]})");
  snapshots.Write("two/Vpcs.json", R"({"Vpcs": [{"VpcId": "vpc-2", "CidrBlock": "10.1.0.0/16"}]})");
  const CacheOptions options{true, cache.path() + "/models", 1};  // room for the newest only
  auto load = [&](const std::string& folder) {
    base::Diagnostics diagnostics;
    ingest::LoadStats stats;
    CacheOutcome outcome{};
    LoadSnapshotCached({snapshots.path() + "/" + folder}, diagnostics, options, &stats, {}, &outcome);
    return std::make_pair(outcome, stats.content_key);
  };
  const auto [first, first_key] = load("one");
  CHECK(first == CacheOutcome::kStored);
  const std::string first_file = CacheFilePath(options.directory, first_key);
  CHECK(fs::exists(first_file));

  // A hit rewrites the file's time.
  fs::last_write_time(first_file, fs::file_time_type::clock::now() - std::chrono::hours(48));
  CHECK(load("one").first == CacheOutcome::kHit);
  CHECK(fs::file_time_type::clock::now() - fs::last_write_time(first_file) < std::chrono::hours(1));

  const auto [second, second_key] = load("two");
  CHECK(second == CacheOutcome::kStored);
  CHECK(fs::exists(CacheFilePath(options.directory, second_key)));
  CHECK_FALSE(fs::exists(first_file));  // over the limit: the older one went
}

TEST_CASE("cache size: REACHCHECK_CACHE_MAX_SIZE") {
  CHECK(ParseCacheSize("0") == std::uintmax_t{0});
  CHECK(ParseCacheSize("1048576") == std::uintmax_t{1048576});
  CHECK(ParseCacheSize("500M") == std::uintmax_t{500} << 20);
  CHECK(ParseCacheSize("2G") == std::uintmax_t{2} << 30);
  CHECK(ParseCacheSize("64k") == std::uintmax_t{64} << 10);
  for (const char* bad : {"", "G", "-1", "1.5G", "2GB", "ten", "1 G", "99999999999999999999G"}) {
    CHECK_FALSE(ParseCacheSize(bad).has_value());
  }
  ::reachcheck::testing::ScopedEnv dir("REACHCHECK_CACHE_DIR", "/tmp/models");
  {
    ::reachcheck::testing::ScopedEnv size("REACHCHECK_CACHE_MAX_SIZE", nullptr);
    CHECK(CacheOptionsFromEnvironment().max_bytes == kDefaultCacheMaxBytes);
  }
  {
    ::reachcheck::testing::ScopedEnv size("REACHCHECK_CACHE_MAX_SIZE", "300M");
    CHECK(CacheOptionsFromEnvironment().max_bytes == std::uintmax_t{300} << 20);
  }
  {
    ::reachcheck::testing::ScopedEnv size("REACHCHECK_CACHE_MAX_SIZE", "lots");
    CHECK(CacheOptionsFromEnvironment().max_bytes == kDefaultCacheMaxBytes);
  }
}

}  // namespace
}  // namespace reachcheck::cache
