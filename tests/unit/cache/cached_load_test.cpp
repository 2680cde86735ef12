// SPDX-License-Identifier: Apache-2.0
// LoadSnapshotCached: a second load of an unchanged snapshot is a hit with the same model,
// diagnostics and counts; any change, addition or removal is a fresh load; files unchanged
// since an earlier run are not read for the key; a damaged cache file is ignored and
// overwritten; the environment picks the folder or turns it off.
#include "reachcheck/cache/cached_load.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>

#include "unit/cache/cache_test_util.h"
#include "support/scoped_env.h"
#include "support/support_paths.h"

namespace reachcheck::cache {
namespace {

using testing::CheckSameNetwork;
using testing::ScratchDir;

struct Result {
  model::Network network;
  std::vector<std::string> diagnostics;
  ingest::LoadStats stats;
  CacheOutcome outcome = CacheOutcome::kDisabled;
};

Result Load(const std::vector<std::string>& paths, const CacheOptions& options) {
  Result result;
  base::Diagnostics diagnostics;
  result.network = LoadSnapshotCached(paths, diagnostics, options, &result.stats, {}, &result.outcome);
  for (const base::Diagnostic& d : diagnostics.Sorted()) result.diagnostics.push_back(d.ToString());
  return result;
}

const char* kVpcs =
    R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "111111111111"}]})";
const char* kSubnets =
    R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"},
                    {"SubnetId": "subnet-2", "VpcId": "vpc-404", "CidrBlock": "10.9.1.0/24"}]})";

std::size_t CacheFiles(const std::string& directory) {
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    count += entry.path().extension() == ".rcmodel" ? 1 : 0;
  }
  return count;
}

TEST_CASE("cached load: an unchanged snapshot is a hit with identical results") {
  ScratchDir cache("hit");
  const CacheOptions options{true, cache.path() + "/models"};
  const std::string demo = reachcheck::testing::SourceDir() + "/fixtures/demo";
  const Result first = Load({demo}, options);
  CHECK(first.outcome == CacheOutcome::kStored);
  CHECK(first.stats.parse_s > 0);
  const Result second = Load({demo}, options);
  REQUIRE(second.outcome == CacheOutcome::kHit);
  CheckSameNetwork(second.network, first.network);
  CHECK(second.diagnostics == first.diagnostics);
  CHECK(second.stats.files_read == first.stats.files_read);
  CHECK(second.stats.bytes_read == first.stats.bytes_read);
  CHECK(second.stats.files_ignored == first.stats.files_ignored);
  CHECK(second.stats.resources_modelled == first.stats.resources_modelled);
  CHECK(CacheFiles(options.directory) == 1);
  // Nothing but the cache file, the hint of its key and the files' stamps is left in the
  // folder (no temporary files). The fixture's files are older than the settle time.
  std::size_t hints = 0, stamps = 0, entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(options.directory)) {
    ++entries;
    hints += entry.path().extension() == ".last" ? 1 : 0;
    stamps += entry.path().extension() == ".stamps" ? 1 : 0;
  }
  CHECK(entries == 3);
  CHECK(hints == 1);
  CHECK(stamps == 1);
  CHECK(second.stats.key_files_read == 0);
}

TEST_CASE("cached load: a hit's texts outlive the cache file and the folder") {
  // A hit's ids, names and JSON pointers are read from the mapped cache file, which stays
  // mapped for the rest of the process: removing the file (as pruning or another run's
  // replacement does) or the whole folder changes nothing for a model already loaded.
  ScratchDir cache("outlive");
  const CacheOptions options{true, cache.path() + "/models"};
  const std::string demo = reachcheck::testing::SourceDir() + "/fixtures/demo";
  const Result first = Load({demo}, options);
  REQUIRE(first.outcome == CacheOutcome::kStored);
  const Result second = Load({demo}, options);
  REQUIRE(second.outcome == CacheOutcome::kHit);
  std::filesystem::remove_all(options.directory);
  const Result fresh = Load({demo}, options);  // the folder is gone: a fresh load, stored anew
  CHECK(fresh.outcome == CacheOutcome::kStored);
  CheckSameNetwork(second.network, first.network);
  CHECK(second.diagnostics == first.diagnostics);
}

TEST_CASE("cached load: load diagnostics are reported identically from the cache") {
  ScratchDir dir("diagnostics");
  dir.Write("snap/Vpcs.json", kVpcs);
  dir.Write("snap/Subnets.json", kSubnets);
  const CacheOptions options{true, dir.path() + "/models"};
  const Result first = Load({dir.path() + "/snap"}, options);
  REQUIRE(!first.diagnostics.empty());  // subnet-2's VPC is not in the snapshot
  const Result second = Load({dir.path() + "/snap"}, options);
  REQUIRE(second.outcome == CacheOutcome::kHit);
  CHECK(second.diagnostics == first.diagnostics);
}

TEST_CASE("cached load: the hint of the last key is only a guess") {
  ScratchDir dir("hint");
  dir.Write("snap/Vpcs.json", kVpcs);
  const CacheOptions options{true, dir.path() + "/models"};
  const std::string snap = dir.path() + "/snap";
  REQUIRE(Load({snap}, options).outcome == CacheOutcome::kStored);
  std::string hint_file;
  for (const auto& entry : std::filesystem::directory_iterator(options.directory)) {
    if (entry.path().extension() == ".last") hint_file = entry.path().string();
  }
  REQUIRE_FALSE(hint_file.empty());
  auto hint = [&] {
    std::ifstream in(hint_file);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string first_hint = hint();
  CHECK(first_hint.size() == 32);

  SECTION("back to an earlier version: a hit, though the hint names the later one") {
    std::string text = kVpcs;
    text.replace(text.find("10.0.0.0/16"), 11, "10.7.0.0/16");
    dir.Write("snap/Vpcs.json", text);
    REQUIRE(Load({snap}, options).outcome == CacheOutcome::kStored);
    CHECK(hint() != first_hint);  // the hint now names the later version
    dir.Write("snap/Vpcs.json", kVpcs);
    const Result back = Load({snap}, options);
    CHECK(back.outcome == CacheOutcome::kHit);
    REQUIRE(back.network.vpcs.size() == 1);
    CHECK(back.network.vpcs[0].ipv4_cidrs.at(0).ToString() == "10.0.0.0/16");
    CHECK(hint() == first_hint);  // and follows the hit
  }
  SECTION("a hint that is not a key is ignored") {
    std::ofstream(hint_file, std::ios::trunc) << "not a key";
    CHECK(Load({snap}, options).outcome == CacheOutcome::kHit);
  }
  SECTION("a hint naming a damaged cache file gives a fresh load") {
    for (const auto& entry : std::filesystem::directory_iterator(options.directory)) {
      if (entry.path().extension() == ".rcmodel") std::ofstream(entry.path(), std::ios::trunc) << "damaged";
    }
    const Result again = Load({snap}, options);
    CHECK(again.outcome == CacheOutcome::kStored);
    CHECK(again.network.vpcs.size() == 1);
    CHECK(Load({snap}, options).outcome == CacheOutcome::kHit);
  }
}

TEST_CASE("cached load: a changed, added or removed file gives a fresh load") {
  ScratchDir dir("invalidate");
  const std::string vpcs = dir.Write("snap/Vpcs.json", kVpcs);
  const CacheOptions options{true, dir.path() + "/models"};
  const std::string snap = dir.path() + "/snap";
  REQUIRE(Load({snap}, options).outcome == CacheOutcome::kStored);
  REQUIRE(Load({snap}, options).outcome == CacheOutcome::kHit);

  SECTION("same size, other bytes") {
    std::string text = kVpcs;
    text.replace(text.find("10.0.0.0/16"), 11, "10.7.0.0/16");
    dir.Write("snap/Vpcs.json", text);
    const Result changed = Load({snap}, options);
    CHECK(changed.outcome == CacheOutcome::kStored);
    REQUIRE(changed.network.vpcs.size() == 1);
    CHECK(changed.network.vpcs[0].ipv4_cidrs.at(0).ToString() == "10.7.0.0/16");
  }
  SECTION("a file added") {
    dir.Write("snap/Subnets.json", kSubnets);
    const Result added = Load({snap}, options);
    CHECK(added.outcome == CacheOutcome::kStored);
    CHECK(added.network.subnets.size() == 2);
  }
  SECTION("a file removed") {
    dir.Write("snap/Subnets.json", kSubnets);
    REQUIRE(Load({snap}, options).outcome == CacheOutcome::kStored);
    std::filesystem::remove(snap + "/Subnets.json");
    const Result removed = Load({snap}, options);
    CHECK(removed.outcome == CacheOutcome::kHit);  // the earlier cache file for this content
    CHECK(removed.network.subnets.empty());
  }
  SECTION("the same files under another path spelling") {
    const Result other = Load({snap + "/"}, options);
    CHECK(other.outcome == CacheOutcome::kStored);  // diagnostics name files as spelled
  }
}

// Files written by a test are newer than the default settle time; these tests remember them
// at once, and wait a little before a change so that it gets a change time of its own.
CacheOptions RememberAtOnce(const std::string& directory) {
  CacheOptions options{true, directory};
  options.settle_time = std::chrono::nanoseconds(0);
  return options;
}

void WaitForTheClock() { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }

TEST_CASE("cached load: unchanged files are not read again for the key") {
  ScratchDir dir("memo");
  dir.Write("snap/Vpcs.json", kVpcs);
  dir.Write("snap/more/Subnets.json", kSubnets);
  const std::string snap = dir.path() + "/snap";
  const CacheOptions options = RememberAtOnce(dir.path() + "/models");
  const Result first = Load({snap}, options);
  REQUIRE(first.outcome == CacheOutcome::kStored);
  CHECK(first.stats.key_files_read == 0);  // a first load: its own reads give the key and the memo
  const Result second = Load({snap}, options);
  REQUIRE(second.outcome == CacheOutcome::kHit);
  CHECK(second.stats.key_files_read == 0);
  CheckSameNetwork(second.network, first.network);

  SECTION("same size, other bytes, modification time put back: the change time tells") {
    const std::string file = snap + "/Vpcs.json";
    const auto modified = std::filesystem::last_write_time(file);
    WaitForTheClock();
    std::string text = kVpcs;
    text.replace(text.find("10.0.0.0/16"), 11, "10.7.0.0/16");
    dir.Write("snap/Vpcs.json", text);
    std::filesystem::last_write_time(file, modified);
    const Result changed = Load({snap}, options);
    CHECK(changed.outcome == CacheOutcome::kStored);
    CHECK(changed.stats.key_files_read == 1);  // only the changed file
    REQUIRE(changed.network.vpcs.size() == 1);
    CHECK(changed.network.vpcs[0].ipv4_cidrs.at(0).ToString() == "10.7.0.0/16");
    CHECK(Load({snap}, options).stats.key_files_read == 0);
  }
  SECTION("a file replaced by another of the same size and times is another inode") {
    const std::string file = snap + "/Vpcs.json";
    const auto modified = std::filesystem::last_write_time(file);
    std::string text = kVpcs;
    text.replace(text.find("10.0.0.0/16"), 11, "10.8.0.0/16");
    const std::string replacement = dir.Write("Vpcs.json.new", text);
    std::filesystem::last_write_time(replacement, modified);
    std::filesystem::rename(replacement, file);
    const Result replaced = Load({snap}, options);
    CHECK(replaced.outcome == CacheOutcome::kStored);
    REQUIRE(replaced.network.vpcs.size() == 1);
    CHECK(replaced.network.vpcs[0].ipv4_cidrs.at(0).ToString() == "10.8.0.0/16");
  }
  SECTION("a damaged memo is ignored: every file is read, and the hit is the same") {
    for (const auto& entry : std::filesystem::directory_iterator(options.directory)) {
      if (entry.path().extension() == ".stamps") std::ofstream(entry.path(), std::ios::app) << "junk";
    }
    const Result again = Load({snap}, options);
    CHECK(again.outcome == CacheOutcome::kHit);
    CHECK(again.stats.key_files_read == 2);
    CHECK(Load({snap}, options).stats.key_files_read == 0);  // and it was written again
  }
  SECTION("a file removed and another added: the memo follows the files") {
    std::filesystem::remove(snap + "/more/Subnets.json");
    dir.Write("snap/Other.json", kSubnets);
    const Result moved = Load({snap}, options);
    CHECK(moved.outcome == CacheOutcome::kStored);
    CHECK(moved.stats.key_files_read == 1);
    CHECK(moved.network.subnets.size() == 2);
    CHECK(Load({snap}, options).stats.key_files_read == 0);
  }
}

TEST_CASE("cached load: a file changed less than the settle time before its read is read every time") {
  ScratchDir dir("settle");
  dir.Write("snap/Vpcs.json", kVpcs);
  const std::string snap = dir.path() + "/snap";
  const CacheOptions options{true, dir.path() + "/models"};  // the default settle time
  REQUIRE(Load({snap}, options).outcome == CacheOutcome::kStored);
  const Result second = Load({snap}, options);
  CHECK(second.outcome == CacheOutcome::kHit);
  CHECK(second.stats.key_files_read == 1);
  for (const auto& entry : std::filesystem::directory_iterator(options.directory)) {
    CHECK(entry.path().extension() != ".stamps");  // nothing was remembered
  }
}

TEST_CASE("cached load: a damaged cache file is ignored, reloaded and overwritten") {
  ScratchDir dir("damaged");
  dir.Write("snap/Vpcs.json", kVpcs);
  dir.Write("snap/Subnets.json", kSubnets);
  const CacheOptions options{true, dir.path() + "/models"};
  const std::string snap = dir.path() + "/snap";
  const Result reference = Load({snap}, options);
  REQUIRE(reference.outcome == CacheOutcome::kStored);
  const std::string file = CacheFilePath(options.directory, reference.stats.content_key);
  REQUIRE(std::filesystem::exists(file));
  std::string good;
  {
    std::ifstream in(file, std::ios::binary);
    good.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto check_damage = [&](const std::string& damaged) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    const Result result = Load({snap}, options);
    CHECK(result.outcome == CacheOutcome::kStored);
    CheckSameNetwork(result.network, reference.network);
    CHECK(result.diagnostics == reference.diagnostics);
    CHECK(Load({snap}, options).outcome == CacheOutcome::kHit);  // it was overwritten
  };
  const std::size_t step = good.size() / 40 + 1;
  for (std::size_t size = 0; size < good.size(); size += step) {
    CAPTURE(size);
    check_damage(good.substr(0, size));
  }
  for (std::size_t at = 0; at < good.size(); at += step) {
    CAPTURE(at);
    std::string flipped = good;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    check_damage(flipped);
  }
  std::string wrong_magic = good;
  wrong_magic[0] = 'X';
  check_damage(wrong_magic);
  check_damage(good + "trailing");
}

TEST_CASE("cached load: disabled or incomplete snapshots load normally and store nothing") {
  ScratchDir dir("disabled");
  dir.Write("snap/Vpcs.json", kVpcs);
  const std::string snap = dir.path() + "/snap";
  const CacheOptions off{false, dir.path() + "/models"};
  CHECK(Load({snap}, off).outcome == CacheOutcome::kDisabled);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/models"));

  const CacheOptions on{true, dir.path() + "/models"};
  const Result missing = Load({snap, dir.path() + "/nope"}, on);
  CHECK(missing.outcome == CacheOutcome::kNotStored);
  CHECK(missing.stats.content_key.empty());
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].find("input-not-found") != std::string::npos);
}

using ::reachcheck::testing::ScopedEnv;

TEST_CASE("cache options: REACHCHECK_CACHE, REACHCHECK_CACHE_DIR, XDG_CACHE_HOME, HOME") {
  ScopedEnv home("HOME", "/home/someone");
  ScopedEnv xdg("XDG_CACHE_HOME", nullptr);
  ScopedEnv dir("REACHCHECK_CACHE_DIR", nullptr);
  ScopedEnv cache_switch("REACHCHECK_CACHE", nullptr);
  CacheOptions options = CacheOptionsFromEnvironment();
  CHECK(options.enabled);
  CHECK(options.directory == "/home/someone/.cache/reachcheck");
  {
    ScopedEnv set_xdg("XDG_CACHE_HOME", "/xdg");
    CHECK(CacheOptionsFromEnvironment().directory == "/xdg/reachcheck");
    ScopedEnv set_dir("REACHCHECK_CACHE_DIR", "/tmp/models");
    CHECK(CacheOptionsFromEnvironment().directory == "/tmp/models");
  }
  for (const char* off : {"off", "0", "no", "false"}) {
    ScopedEnv set_off("REACHCHECK_CACHE", off);
    CHECK_FALSE(CacheOptionsFromEnvironment().enabled);
  }
  ScopedEnv no_home("HOME", nullptr);
  CHECK_FALSE(CacheOptionsFromEnvironment().enabled);
}

}  // namespace
}  // namespace reachcheck::cache
