// SPDX-License-Identifier: Apache-2.0
// Pins the loader's whole output (model, diagnostics with line:column, counts) for every
// fixture folder, every corpus folder and a set of hostile documents, as the model cache
// encodes it, against fingerprints recorded in load_fingerprints.txt.
//
// The fingerprints were recorded with the nlohmann/json DOM parser, before the describe-*
// files were parsed with simdjson: the two parsers must give byte-identical results. They
// were recorded again, unchanged loader, when the encoding became sections (cache format 2):
// the commit before matched the old table with the parallel loader; and again when the
// section table gained element counts and digests (format 3), after the sections rebuilt
// into the format 2 layout had matched every recorded fingerprint; and when integers took
// their own width, each list's section gained its id index's slots and the digests a
// faster hash (format 4), after an encoding with the format 3 integers, no slots and the
// old hash had matched every format 3 fingerprint. A mismatch means the
// loader's output changed. Only when that change is intended, regenerate
// the table with REACHCHECK_WRITE_LOAD_FINGERPRINTS=<file> (the test then writes every
// fingerprint it computes to <file> instead of checking) and review the cases that moved.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "reachcheck/cache/model_codec.h"
#include "reachcheck/ingest/load.h"
#include "reachcheck/ingest/snapshot_files.h"
#include "support/support_paths.h"

namespace reachcheck::ingest {
namespace {

namespace fs = std::filesystem;

// The table's hash, frozen: the 128-bit two-lane hash the snapshot content key used when the
// table was recorded (the key has since changed for speed; the table must not).
class TableHash {
 public:
  explicit TableHash(std::string_view bytes) {
    std::uint64_t size = bytes.size();
    char prefix[8];
    std::memcpy(prefix, &size, 8);
    Add(std::string_view(prefix, 8));
    Add(bytes);
  }
  std::string Hex() const {
    const std::uint64_t a = Avalanche(a_ ^ length_);
    const std::uint64_t b = Avalanche(b_ + a);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::uint64_t half : {Avalanche(a + b), b}) {
      for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(half >> shift) & 0xf];
    }
    return out;
  }

 private:
  static std::uint64_t Rotate(std::uint64_t v, int bits) { return (v << bits) | (v >> (64 - bits)); }
  static std::uint64_t Avalanche(std::uint64_t v) {
    v ^= v >> 33;
    v *= 0xff51afd7ed558ccdULL;
    v ^= v >> 33;
    v *= 0xc4ceb9fe1a85ec53ULL;
    v ^= v >> 33;
    return v;
  }
  void Add(std::string_view bytes) {
    auto mix = [this](std::uint64_t word) {
      a_ = Rotate(a_ ^ (word * 0x87c37b91114253d5ULL), 31) * 0x4cf5ad432745937fULL;
      b_ = Rotate(b_ ^ (word * 0x4cf5ad432745937fULL), 33) * 0x87c37b91114253d5ULL + a_;
    };
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + at, 8);
      mix(word);
    }
    std::uint64_t tail = 0;
    for (std::size_t i = at; i < bytes.size(); ++i) {
      tail |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * (i - at));
    }
    mix(tail ^ (static_cast<std::uint64_t>(bytes.size() - at) << 56));
    length_ += bytes.size();
  }
  std::uint64_t a_ = 0x6a09e667f3bcc908ULL;
  std::uint64_t b_ = 0xbb67ae8584caa73bULL;
  std::uint64_t length_ = 0;
};

// The cache encoding of a load, hashed.
std::string Fingerprint(model::Network network, const base::Diagnostics& diagnostics,
                        const LoadStats& stats) {
  cache::LoadedSnapshot loaded;
  loaded.network = std::move(network);
  loaded.diagnostics = diagnostics.All();
  loaded.files_read = stats.files_read;
  loaded.bytes_read = stats.bytes_read;
  loaded.files_ignored = stats.files_ignored;
  loaded.resources_modelled = stats.resources_modelled;
  return TableHash(cache::EncodeSnapshot(loaded)).Hex();
}

std::string FingerprintOfFolder(const std::string& folder) {
  base::Diagnostics diagnostics;
  LoadStats stats;
  model::Network network = LoadSnapshot({folder}, diagnostics, &stats);
  return Fingerprint(std::move(network), diagnostics, stats);
}

std::string FingerprintOfText(const std::string& text, const std::string& file) {
  base::Diagnostics diagnostics;
  LoadStats stats;
  model::Network network = LoadDocument(text, file, diagnostics);
  return Fingerprint(std::move(network), diagnostics, stats);
}

// Every folder below `root` that directly holds a *.json file, relative to the working
// directory, sorted. Each is loaded as a whole (with its subfolders).
std::vector<std::string> JsonFolders(const std::string& root) {
  std::set<std::string> folders;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      folders.insert(entry.path().parent_path().generic_string());
    }
  }
  return {folders.begin(), folders.end()};
}

// Runs `body` with the working directory set to `folder`, so that the file names the loader
// records (and the fingerprints) do not depend on where the checkout or the corpus is.
template <typename Body>
void InFolder(const std::string& folder, Body&& body) {
  const fs::path saved = fs::current_path();
  fs::current_path(folder);
  try {
    body();
  } catch (...) {
    fs::current_path(saved);
    throw;
  }
  fs::current_path(saved);
}

std::string Nested(const std::string& open, const std::string& close, int depth, const std::string& inner) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += open;
  out += inner;
  for (int i = 0; i < depth; ++i) out += close;
  return out;
}

// Documents at the edges of JSON where two parsers could disagree: duplicate keys, numbers
// beyond 64 bits, fractions and exponents in integer fields, a byte-order mark, a NUL after
// the document, nesting at and past the limit, escapes, surrogates, bad UTF-8.
std::vector<std::pair<std::string, std::string>> HostileDocuments() {
  const std::string vpc = R"({"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "111122223333"})";
  const std::string sg_head =
      R"({"SecurityGroups": [{"GroupId": "sg-1", "VpcId": "vpc-1", "IpPermissions": [)";
  auto port_rule = [&](const std::string& from, const std::string& to) {
    return sg_head + R"({"IpProtocol": "tcp", "FromPort": )" + from + R"(, "ToPort": )" + to +
           R"(, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}], "Vpcs": [)" + vpc + "]}";
  };
  std::vector<std::pair<std::string, std::string>> docs = {
      {"duplicate-top-level-key",
       R"({"Vpcs": [{"VpcId": "vpc-a", "CidrBlock": "10.1.0.0/16"}], "Vpcs": [)" + vpc + "]}"},
      {"duplicate-member", R"({"Vpcs": [{"VpcId": "vpc-a", "CidrBlock": "10.9.0.0/16", "VpcId": "vpc-b",
                               "CidrBlock": "10.2.0.0/16", "IsDefault": true, "IsDefault": null}]})"},
      {"duplicate-list-then-wrong-type", R"({"Subnets": [], "Subnets": 7, "Vpcs": [)" + vpc + "]}"},
      {"unknown-keys-out-of-order", R"({"Zeta": [1], "Alpha": [1, 2], "alpha": [], "Vpcs": [)" + vpc +
                                        R"(], "Beta": {"x": 1}, "Alpha": [3]})"},
      {"placebo-duplicate", R"({"status_code": 200, "data": {"Vpcs": []}, "data": {"Vpcs": [)" + vpc + "]}}"},
      {"placebo-three-keys", R"({"status_code": 200, "data": {"Vpcs": [)" + vpc + R"(]}, "extra": 1})"},
      {"entries-document",
       R"({"PrefixListId": "pl-1", "Entries": [{"Cidr": "10.0.0.0/8"}], "PrefixListId": "pl-2"})"},
      {"port-big-unsigned", port_rule("18446744073709551615", "18446744073709551616")},
      {"port-big-negative", port_rule("-9223372036854775809", "-9223372036854775808")},
      {"port-huge-integer", port_rule("123456789012345678901234567890", "22")},
      {"port-overflow-double", port_rule("1e400", "22")},
      {"port-fraction", port_rule("80.5", "81")},
      {"port-exponent", port_rule("8e1", "1E2")},
      {"port-float-integral", port_rule("22.0", "2.2e1")},
      {"port-negative-zero", port_rule("-0", "-0.0")},
      {"port-tiny", port_rule("1e-400", "5e-324")},
      {"port-out-of-range", port_rule("65536", "-1")},
      {"port-wrong-types", port_rule("\"22\"", "true")},
      {"port-null", port_rule("null", "null")},
      {"acl-big-rule-number",
       R"({"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "Entries": [{"RuleNumber": 1e30,
           "Protocol": "-1", "RuleAction": "allow", "Egress": false, "CidrBlock": "0.0.0.0/0"},
           {"RuleNumber": 4294967296, "Protocol": "6", "RuleAction": "deny", "Egress": true,
            "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 1.5, "To": 2}}]}], "Vpcs": [)" +
           vpc + "]}"},
      {"byte-order-mark", "\xEF\xBB\xBF{\"Vpcs\": [" + vpc + "]}"},
      {"nul-after-document", std::string("{\"Vpcs\": [" + vpc + "]}").append(1, '\0').append(" tail")},
      {"nul-inside-string", std::string("{\"Vpcs\": [{\"VpcId\": \"vpc-").append(1, '\0').append("\"}]}")},
      {"escaped-nul-and-unicode",
       R"({"Vpcs": [{"VpcId": "vpc-\u0000\u00e9\ud83d\ude00\/\"x", "CidrBlock": "10.0.0.0/16",
           "Tags": [{"Key": "N\u0061me", "Value": "\t\u2028"}]}]})"},
      {"lone-high-surrogate", R"({"Vpcs": [{"VpcId": "\ud800", "CidrBlock": "10.0.0.0/16"}]})"},
      {"lone-low-surrogate", R"({"Vpcs": [{"VpcId": "\udc00", "CidrBlock": "10.0.0.0/16"}]})"},
      {"bad-utf8-in-key", "{\"Vpcs\xC0\": []}"},
      {"overlong-utf8", "{\"Vpcs\": [{\"VpcId\": \"\xC0\x80\"}]}"},
      {"utf8-surrogate-bytes", "{\"Vpcs\": [{\"VpcId\": \"\xED\xA0\x80\"}]}"},
      {"control-character", "{\"Vpcs\": [{\"VpcId\": \"a\x01\"}]}"},
      {"depth-256-arrays", "{\"Unknown\": " + Nested("[", "]", 255, "") + "}"},
      {"depth-257-arrays", "{\"Unknown\": " + Nested("[", "]", 256, "") + "}"},
      {"depth-256-objects", Nested("{\"a\": ", "}", 256, "1")},
      {"depth-257-objects", Nested("{\"a\": ", "}", 257, "1")},
      {"depth-256-mixed", "{\"Vpcs\": [" + Nested("[{\"k\": ", "}]", 127, "[]") + "]}"},
      {"depth-256-in-element", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\", \"X\": " +
                                   Nested("[", "]", 253, "1") + "}]}"},
      {"trailing-document", "{\"Vpcs\": []} {}"},
      {"trailing-comma", "{\"Vpcs\": [],}"},
      {"empty", ""},
      {"whitespace-only", " \n\t\r "},
      {"form-feed", "\f{}"},
      {"top-level-scalars", "42"},
      {"top-level-string", "\"Vpcs\""},
      {"top-level-array", "[{\"Vpcs\": []}]"},
      {"leading-zero", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"X\": 01}]}"},
      {"wrong-types-everywhere",
       R"({"Vpcs": [{"VpcId": 5}, {"VpcId": "vpc-2", "CidrBlock": ["x"]}, {"VpcId": "vpc-3", "CidrBlock":
           "10.0.0.0/16", "IsDefault": "yes"}, {"VpcId": "vpc-4", "CidrBlock": "10.0.0.0/16",
           "CidrBlockAssociationSet": {}}, [], null, 1.5, "vpc", true],
           "Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.0.0/24", "Tags": [1]}],
           "Tags": {"a": 1}})"},
      {"long-and-escaped-values",
       R"({"Vpcs": [{"VpcId": ")" + std::string(300, 'v') + R"(\n\u001f", "CidrBlock": "10.0.0.0/99"}]})"},
  };
  return docs;
}

struct Computed {
  std::vector<std::pair<std::string, std::string>> fingerprints;  ///< name, hex
  bool corpus_present = false;
};

Computed ComputeAll() {
  Computed out;
  InFolder(reachcheck::testing::SourceDir(), [&] {
    for (const std::string& folder : JsonFolders("fixtures")) {
      out.fingerprints.emplace_back(folder, FingerprintOfFolder(folder));
    }
  });
  const std::string corpus = reachcheck::testing::CorpusDir();
  out.corpus_present = fs::is_directory(corpus);
  if (out.corpus_present) {
    InFolder(corpus, [&] {
      for (const std::string& folder : JsonFolders(".")) {
        out.fingerprints.emplace_back("corpus:" + folder, FingerprintOfFolder(folder));
      }
    });
  }
  for (const auto& [name, text] : HostileDocuments()) {
    out.fingerprints.emplace_back("document:" + name,
                                  FingerprintOfText(text, "snap/111122223333/us-east-1/" + name + ".json"));
  }
  return out;
}

std::map<std::string, std::string> ReadTable(const std::string& path) {
  std::map<std::string, std::string> table;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, hex;
    fields >> name >> hex;
    table[name] = hex;
  }
  return table;
}

TEST_CASE("The loader's output is unchanged for every fixture, corpus folder and hostile document") {
  const Computed computed = ComputeAll();
  if (const char* out_path = std::getenv("REACHCHECK_WRITE_LOAD_FINGERPRINTS")) {
    std::ofstream out(out_path);
    out << "# name  fingerprint of the cache encoding of the load (see load_fingerprint_test.cpp)\n";
    for (const auto& [name, hex] : computed.fingerprints) out << name << ' ' << hex << '\n';
    WARN("wrote " << computed.fingerprints.size() << " fingerprints to " << out_path);
    return;
  }
  const std::map<std::string, std::string> table =
      ReadTable(reachcheck::testing::SourceDir() + "/tests/unit/ingest/load_fingerprints.txt");
  REQUIRE(table.size() > 100);
  std::size_t compared = 0;
  std::set<std::string> seen;
  for (const auto& [name, hex] : computed.fingerprints) {
    seen.insert(name);
    auto it = table.find(name);
    if (it == table.end()) {
      WARN("no recorded fingerprint for " << name << " (a new fixture?)");
      continue;
    }
    INFO(name);
    CHECK(hex == it->second);
    ++compared;
  }
  // Recorded cases that were not computed: a fixture that vanished, or the corpus absent.
  for (const auto& [name, hex] : table) {
    if (seen.count(name) != 0) continue;
    if (name.rfind("corpus:", 0) == 0 && !computed.corpus_present) continue;
    INFO(name);
    FAIL_CHECK("recorded but not computed");
  }
  if (!computed.corpus_present) {
    WARN("SKIPPED the corpus folders: no corpus at " << reachcheck::testing::CorpusDir());
  }
  CHECK(compared > 100);
}

}  // namespace
}  // namespace reachcheck::ingest
