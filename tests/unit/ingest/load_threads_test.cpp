// SPDX-License-Identifier: Apache-2.0
// LoadSnapshot reads and models files on every core, each file into a state of its own,
// then merges them in walk order: the result must be the one-thread result, byte for byte
// (here and over every fixture and corpus folder at once), and what crosses files (scopes,
// instances without interfaces, describe-tags, diagnostics) must come out as if the files
// had been read one by one.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "reachcheck/base/parallel.h"
#include "reachcheck/cache/model_codec.h"
#include "reachcheck/ingest/load.h"
#include "support/scoped_env.h"
#include "support/support_paths.h"
#include "support/temp_dir.h"

namespace reachcheck::ingest {
namespace {

namespace fs = std::filesystem;
using ::reachcheck::testing::ScopedEnv;
using ::reachcheck::testing::TempDir;

struct ThreadedLoad {
  std::string encoded;  ///< the model cache's encoding of the whole load
  LoadStats stats;
  model::Network network;
  base::Diagnostics diagnostics;
  unsigned max_threads = 0;  ///< base::MaxThreads() during the load
};

// Loads `paths` with REACHCHECK_THREADS set to `threads` (nullptr: unset, a thread per core).
ThreadedLoad LoadWith(const char* threads, const std::vector<std::string>& paths) {
  ScopedEnv limit("REACHCHECK_THREADS", threads);
  ThreadedLoad out;
  out.max_threads = base::MaxThreads();
  out.network = LoadSnapshot(paths, out.diagnostics, &out.stats);
  cache::LoadedSnapshot loaded;
  loaded.network = out.network;
  loaded.diagnostics = out.diagnostics.All();
  loaded.files_read = out.stats.files_read;
  loaded.bytes_read = out.stats.bytes_read;
  loaded.files_ignored = out.stats.files_ignored;
  loaded.resources_modelled = out.stats.resources_modelled;
  out.encoded = cache::EncodeSnapshot(loaded);
  return out;
}

std::string Reservation(const std::string& instance_id, const std::string& address) {
  return R"({"Reservations": [{"OwnerId": "111111111111", "Instances": [{"InstanceId": ")" + instance_id +
         R"(", "State": {"Name": "running"}, "SubnetId": "subnet-1", "PrivateIpAddress": ")" + address +
         R"("}]}]})";
}

// Nine files in two account/region folders and the root, read in this (sorted) order.
void WriteCrossFileSnapshot(const TempDir& dir) {
  const std::string east = "111111111111/us-east-1/";
  const std::string west = "222222222222/eu-west-1/";
  dir.Write(east + "a-tags.json", R"({"Tags": [{"Key": "Name", "Value": "prod", "ResourceId": "vpc-1",
    "ResourceType": "vpc"}]})");
  dir.Write(east + "b-instances.json", Reservation("i-east-1", "10.0.1.5"));
  dir.Write(east + "c-vpcs.json", R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]})");
  dir.Write(east + "d-subnets.json", R"({"Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1",
    "CidrBlock": "10.0.1.0/24"}, {"SubnetId": "subnet-2", "VpcId": "vpc-1"}]})");
  dir.Write(east + "e-broken.json", R"({"Vpcs": [)");
  dir.Write(west + "a-vpcs.json", R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16"},
    {"VpcId": "vpc-2", "CidrBlock": "10.2.0.0/16"}]})");
  dir.Write(west + "b-instances.json", Reservation("i-west-1", "10.1.1.5"));
  dir.Write(west + "c-interfaces.json", R"({"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1",
    "SubnetId": "subnet-9", "VpcId": "vpc-1", "PrivateIpAddress": "10.1.1.7",
    "Attachment": {"InstanceId": "i-west-1", "DeviceIndex": 0}}]})");
  dir.Write("z-notes.json", R"({"Comment": "not describe-* output"})");
}

TEST_CASE("LoadSnapshot: one thread and every core give the same load") {
  TempDir dir("threads");
  WriteCrossFileSnapshot(dir);
  const ThreadedLoad one = LoadWith("1", {dir.path()});
  const ThreadedLoad all = LoadWith(nullptr, {dir.path()});
  CHECK(one.stats.threads == 1);
  CHECK(all.stats.threads == std::min(9u, all.max_threads));  // a thread per core, at most one per file
  CHECK(one.encoded == all.encoded);
  CHECK(one.stats.content_key == all.stats.content_key);
  CHECK(one.stats.files_read == 9);
  CHECK(one.stats.files_ignored == 1);
}

TEST_CASE("LoadSnapshot: what crosses files comes out as a one-by-one read gives it") {
  TempDir dir("threads");
  WriteCrossFileSnapshot(dir);
  const ThreadedLoad load = LoadWith(nullptr, {dir.path()});
  const model::Network& n = load.network;

  // Scopes follow the folders, in the order the files name them first.
  REQUIRE(n.scopes.size() == 2);
  CHECK(n.scopes[0] == model::Scope{"111111111111", "us-east-1"});
  CHECK(n.scopes[1] == model::Scope{"222222222222", "eu-west-1"});
  REQUIRE(n.vpcs.size() == 3);
  CHECK(n.vpcs[0].scope == 0);
  CHECK(n.vpcs[1].scope == 1);
  CHECK(n.vpcs[2].id == "vpc-2");

  // describe-tags, read before the VPC it names, tags only the VPC of its own scope.
  CHECK(n.vpcs[0].Name() == "prod");
  CHECK(n.vpcs[1].Name().empty());

  // Both instances list no interfaces; an interface in a later file names the second one.
  REQUIRE(n.instances.size() == 2);
  std::vector<std::string> without;
  std::set<std::string> error_files;
  for (const base::Diagnostic& d : load.diagnostics.All()) {
    if (d.code == "input-instance-without-interfaces") without.push_back(d.where.file.str() + d.where.pointer);
    if (d.severity == base::Severity::kError) error_files.insert(fs::path(d.where.file.str()).filename().string());
  }
  const std::string east_instances = (fs::path(dir.path()) / "111111111111/us-east-1/b-instances.json").string();
  CHECK(without == std::vector<std::string>{east_instances + "/Reservations/0/Instances/0"});

  // The broken file and the subnet without a CIDR are reported where they are, in walk order.
  CHECK(error_files == std::set<std::string>{"d-subnets.json", "e-broken.json"});
  std::vector<std::string> error_order;
  for (const base::Diagnostic& d : load.diagnostics.All()) {
    if (d.severity == base::Severity::kError) error_order.push_back(fs::path(d.where.file.str()).filename().string());
  }
  CHECK(error_order.front() == "d-subnets.json");
  CHECK(error_order.back() == "e-broken.json");
}

TEST_CASE("LoadSnapshot: every fixture and corpus folder at once, on one thread and on every core") {
  std::vector<std::string> roots;
  for (const char* folder : {"networks", "invalid", "lint", "demo"}) {
    const fs::path path = fs::path(::reachcheck::testing::SourceDir()) / "fixtures" / folder;
    if (fs::exists(path)) roots.push_back(path.string());
  }
  const fs::path corpus = ::reachcheck::testing::CorpusDir();
  if (fs::exists(corpus)) {
    roots.push_back(corpus.string());
  } else {
    WARN("corpus not found at " << corpus.string() << ": fixtures only");
  }
  REQUIRE(roots.size() >= 3);
  const ThreadedLoad one = LoadWith("1", roots);
  const ThreadedLoad all = LoadWith(nullptr, roots);
  CHECK(one.stats.files_read > 500);
  CHECK(one.stats.resources_modelled > 1000);
  CHECK(one.diagnostics.All().size() == all.diagnostics.All().size());
  CHECK(one.diagnostics.All() == all.diagnostics.All());
  CHECK(one.encoded == all.encoded);
  CHECK(one.stats.content_key == all.stats.content_key);
}

}  // namespace
}  // namespace reachcheck::ingest
