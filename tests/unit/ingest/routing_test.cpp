// SPDX-License-Identifier: Apache-2.0
// Routing by top-level keys, placebo unwrapping, notes for unknown data, hostile input
// (broken JSON, deep nesting, bad UTF-8, huge values), and LoadSnapshot over real folders:
// sorted walk, Batfish folder scopes, paginated files, missing paths, empty snapshots.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "ingest_test_util.h"
#include "support/temp_dir.h"

namespace reachcheck::ingest {
namespace {

using ::reachcheck::testing::TempDir;

namespace fs = std::filesystem;
using testing::Load;
using Strings = std::vector<std::string>;

TEST_CASE("Broken JSON: nlohmann's reason with line and column") {
  auto loaded = Load("{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\",}\n]}", "b.json");
  CHECK(loaded.Errors() ==
        Strings{"b.json:2:21: error: invalid JSON: syntax error while parsing object key - "
                "unexpected '}'; expected string literal [input-bad-json]\n  at (whole document)"});
}

TEST_CASE("Deep nesting is rejected cleanly, wherever it is") {
  auto deep = Load(std::string(100000, '['), "d.json");
  CHECK(deep.Errors() == Strings{"d.json:1:257: error: JSON nested deeper than 256 levels; file ignored "
                                 "[input-too-deep]\n  at (whole document)"});
  auto inside = Load("{\"Vpcs\": " + std::string(300, '[') + std::string(300, ']') + "}", "d.json");
  CHECK(inside.Errors() == Strings{"d.json:1:265: error: JSON nested deeper than 256 levels; file ignored "
                                   "[input-too-deep]\n  at (whole document)"});
}

TEST_CASE("Non-UTF-8 bytes are a JSON error, printed escaped") {
  auto loaded = Load("{\"Vpcs\": [{\"VpcId\": \"vpc-\xff\"}]}", "u.json");
  REQUIRE(loaded.Errors().size() == 1);
  CHECK(loaded.Errors()[0] ==
        "u.json:1:26: error: invalid JSON: syntax error while parsing value - invalid string: "
        "ill-formed UTF-8 byte; last read: '\"vpc-<0xFF>' [input-bad-json]\n  at (whole document)");
}

TEST_CASE("Top-level values that are not objects") {
  CHECK(Load("[{\"VpcId\": \"vpc-1\"}]", "a.json").Errors() ==
        Strings{"a.json:1:1: error: expected an object of describe-* lists at the top level, "
                "found an array [input-wrong-type]\n  at (whole document)"});
  CHECK(Load("", "e.json").Errors() ==
        Strings{"e.json:1:1: error: invalid JSON: syntax error while parsing value - "
                "unexpected end of input; expected '[', '{', or a literal [input-bad-json]\n  at (whole "
                "document)"});
}

TEST_CASE("Huge values never crash: a 1 MB string, a 400-digit number") {
  std::string big(1 << 20, 'x');
  auto loaded = Load("{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"" + big + "\"}]}", "h.json");
  REQUIRE(loaded.Errors().size() == 1);
  CHECK(loaded.Errors()[0].size() < 300);  // the value is cut in the message
  auto number = Load(
      "{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"v\", \"Entries\": "
      "[{\"RuleNumber\": 1" +
          std::string(400, '0') + "}]}]}",
      "h.json");
  REQUIRE(number.Errors().size() == 1);
  // nlohmann rejects a number that overflows a double while parsing: a JSON error at it.
  CHECK(number.Errors()[0].rfind("h.json:1:85: error: invalid JSON: number overflow parsing '1000", 0) == 0);
  CHECK(number.Errors()[0].size() < 400);
}

TEST_CASE("Placebo recordings are unwrapped, pointers start at /data") {
  auto loaded = Load(
      R"({"status_code": 200, "data": {"Subnets": [{"SubnetId": 7}], "ResponseMetadata": {}}})", "p.json");
  CHECK(loaded.Errors() == Strings{"p.json:1:56: error: expected a string for 'SubnetId', found a number "
                                   "[input-wrong-type]\n  at /data/Subnets/0/SubnetId"});
}

TEST_CASE("Unknown keys and files without describe-* data get notes") {
  auto loaded = Load(R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}],
 "Widgets": [1, 2], "Gadgets": [], "NextToken": "abc"})",
                     "k.json");
  CHECK(loaded.Of(base::Severity::kNote) ==
        Strings{"k.json:2:13: note: unrecognised top-level key 'Widgets' with 2 element(s); "
                "ignored [input-unrecognised-key]\n  at /Widgets"});
  auto other = Load(R"({"examples": {"a": 1}})", "o.json");
  CHECK(other.Of(base::Severity::kNote) ==
        Strings{"o.json:1:1: note: no describe-* data in this file; ignored "
                "[input-no-describe-data]\n  at (whole document)"});
  CHECK(other.Errors() ==
        Strings{"reachcheck: error: no AWS resources found in 'o.json' [input-empty-snapshot]"});
}

TEST_CASE("LoadSnapshot: Batfish folders, paginated files, sorted walk, stats") {
  TempDir dir("ingest");
  dir.Write("aws_configs/accounts/prod/us-west-2/b.json",
            R"({"Vpcs": [{"VpcId": "vpc-2", "CidrBlock": "10.2.0.0/16"}]})");
  dir.Write("aws_configs/accounts/prod/us-west-2/a.json",
            R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16"}], "NextToken": "x"})");
  dir.Write("aws_configs/123456789012/eu-west-1/vpcs.json",
            R"({"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16", "OwnerId": "999999999999"}]})");
  dir.Write("aws_configs/notes.txt", "not json");
  dir.Write("aws_configs/readme.json", R"({"hello": "world"})");
  fs::create_directories(fs::path(dir.path()) / "aws_configs" / "folder.json");
  base::Diagnostics diagnostics;
  LoadStats stats;
  model::Network n = LoadSnapshot({dir.path()}, diagnostics, &stats);
  CHECK_FALSE(diagnostics.HasErrors());
  CHECK(stats.files_read == 4);
  CHECK(stats.files_ignored == 1);
  REQUIRE(n.vpcs.size() == 3);
  // Sorted walk: 123456789012/... before accounts/...; a.json before b.json.
  CHECK(n.scopes.at(n.vpcs[0].scope) == model::Scope{"123456789012", "eu-west-1"});
  CHECK(n.vpcs[1].id == "vpc-1");
  CHECK(n.scopes.at(n.vpcs[1].scope) == model::Scope{"prod", "us-west-2"});
  CHECK(n.vpcs[2].id == "vpc-2");
  CHECK(n.vpcs[2].origin.file == dir.path() + "/aws_configs/accounts/prod/us-west-2/b.json");
}

TEST_CASE("LoadSnapshot: missing path, empty snapshot, a single file of any name") {
  TempDir dir("ingest");
  base::Diagnostics missing;
  LoadSnapshot({dir.path() + "/nope"}, missing);
  REQUIRE(missing.All().size() == 1);
  CHECK(missing.All()[0].ToString() ==
        "reachcheck: error: snapshot path '" + dir.path() + "/nope' does not exist [input-not-found]");
  base::Diagnostics empty;
  dir.Write("empty/vpcs.json", R"({"Vpcs": []})");
  LoadSnapshot({dir.path() + "/empty"}, empty);
  REQUIRE(empty.All().size() == 1);
  CHECK(empty.All()[0].ToString() ==
        "reachcheck: error: no AWS resources found in '" + dir.path() + "/empty' [input-empty-snapshot]");
  base::Diagnostics single;
  std::string file = dir.Write(
      "subnets.txt", R"({"Subnets": [{"SubnetId": "s", "VpcId": "v", "CidrBlock": "10.0.0.0/24"}]})");
  model::Network n = LoadSnapshot({file}, single);
  CHECK(n.subnets.size() == 1);
}

}  // namespace
}  // namespace reachcheck::ingest
