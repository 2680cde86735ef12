// SPDX-License-Identifier: Apache-2.0
// LoadSnapshot's phase timings, content key and progress reports; the snapshot walk.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "reachcheck/ingest/load.h"
#include "reachcheck/ingest/snapshot_files.h"
#include "support/temp_dir.h"

namespace reachcheck::ingest {
namespace {

namespace fs = std::filesystem;
using ::reachcheck::testing::TempDir;

const char* kVpcs = R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]})";
const char* kSubnets =
    R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24"}]})";

TEST_CASE("LoadSnapshot: phase timings, resources and progress after every file") {
  TempDir dir("phases");
  dir.Write("a/Vpcs.json", kVpcs);
  dir.Write("b/Subnets.json", kSubnets);
  dir.Write("b/notes.txt", "not read");
  std::vector<LoadProgress> reports;
  base::Diagnostics diagnostics;
  LoadStats stats;
  LoadSnapshot({dir.path()}, diagnostics, &stats, [&](const LoadProgress& p) { reports.push_back(p); });
  CHECK(stats.parse_s > 0);
  CHECK(stats.model_s > 0);
  CHECK(stats.validate_s > 0);
  CHECK(stats.resources_modelled == 2);
  REQUIRE(reports.size() == 2);
  CHECK(reports[0].files_done == 1);
  CHECK(reports[0].files_total == 2);
  CHECK(reports[0].resources_modelled == 1);
  CHECK(reports[1].files_done == 2);
  CHECK(reports[1].bytes_read == stats.bytes_read);
  CHECK(reports[1].resources_modelled == 2);
}

TEST_CASE("LoadSnapshot: the content key follows every byte, file and root") {
  TempDir dir("phases");
  dir.Write("Vpcs.json", kVpcs);
  auto key_of = [](const std::vector<std::string>& paths) {
    base::Diagnostics diagnostics;
    LoadStats stats;
    LoadSnapshot(paths, diagnostics, &stats);
    return stats.content_key;
  };
  const std::string first = key_of({dir.path()});
  CHECK(first.size() == 32);
  CHECK(key_of({dir.path()}) == first);
  std::string changed = kVpcs;
  changed[changed.find("10.0.0.0")] = '9';
  dir.Write("Vpcs.json", changed);
  const std::string second = key_of({dir.path()});
  CHECK(second != first);
  dir.Write("Subnets.json", kSubnets);
  const std::string third = key_of({dir.path()});
  CHECK(third != second);
  CHECK(key_of({dir.path() + "/Vpcs.json"}) != second);  // one file as a root, not a folder
  CHECK(key_of({dir.path(), dir.path() + "/missing"}).empty());
}

TEST_CASE("ListSnapshotFiles: sorted *.json below folders, a file root lists itself") {
  TempDir dir("phases");
  dir.Write("z/b.json", "{}");
  dir.Write("a.json", "{}");
  dir.Write("z/c.txt", "");
  const std::vector<SnapshotRoot> roots =
      ListSnapshotFiles({dir.path(), dir.path() + "/z/c.txt", dir.path() + "/nope"});
  REQUIRE(roots.size() == 3);
  CHECK(roots[0].is_directory);
  CHECK(roots[0].files == std::vector<std::string>{dir.path() + "/a.json", dir.path() + "/z/b.json"});
  CHECK(roots[1].files == std::vector<std::string>{dir.path() + "/z/c.txt"});
  CHECK_FALSE(roots[2].exists);
  CHECK(roots[2].files.empty());
}

}  // namespace
}  // namespace reachcheck::ingest
