// SPDX-License-Identifier: Apache-2.0
// EncodeSnapshot / DecodeSnapshot: every field of fixtures/demo and every fixtures/networks
// snapshot round-trips; truncated, flipped or out-of-range input is rejected, never a crash.
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "reachcheck/ingest/snapshot_files.h"
#include "unit/cache/cache_test_util.h"
#include "support/support_paths.h"

namespace reachcheck::cache {
namespace {

using testing::CheckSameNetwork;
using testing::LoadFresh;

std::vector<std::string> FixtureSnapshots() {
  std::vector<std::string> paths{reachcheck::testing::SourceDir() + "/fixtures/demo"};
  for (const auto& entry :
       std::filesystem::directory_iterator(reachcheck::testing::SourceDir() + "/fixtures/networks")) {
    if (entry.is_directory()) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin() + 1, paths.end());
  return paths;
}

TEST_CASE("model codec: every fixture snapshot round-trips field by field") {
  const std::vector<std::string> paths = FixtureSnapshots();
  REQUIRE(paths.size() > 10);
  std::size_t diagnostics = 0, nat = 0, peerings = 0, prefix_lists = 0, eips = 0, endpoints = 0;
  for (const std::string& path : paths) {
    CAPTURE(path);
    const LoadedSnapshot original = LoadFresh(path);
    const std::string bytes = EncodeSnapshot(original);
    std::optional<LoadedSnapshot> decoded = DecodeSnapshot(bytes);
    REQUIRE(decoded);
    CheckSameNetwork(decoded->network, original.network);
    CHECK(decoded->diagnostics == original.diagnostics);
    CHECK(decoded->files_read == original.files_read);
    CHECK(decoded->bytes_read == original.bytes_read);
    CHECK(decoded->files_ignored == original.files_ignored);
    CHECK(decoded->resources_modelled == original.resources_modelled);
    CHECK(EncodeSnapshot(*decoded) == bytes);
    // The id indexes are the stored ones: every id finds the same handle as in the original.
    const model::Network& n = decoded->network;
    const model::Network& o = original.network;
    for (std::size_t i = 0; i < n.interfaces.size(); ++i) {
      CHECK(n.FindInterface(n.interfaces[i].id, n.interfaces[i].scope) ==
            o.FindInterface(n.interfaces[i].id, n.interfaces[i].scope));
    }
    for (std::size_t i = 0; i < n.security_groups.size(); ++i) {
      CHECK(n.FindSecurityGroup(n.security_groups[i].id, n.security_groups[i].scope) == i);
    }
    for (const model::Vpc& x : n.vpcs) CHECK(n.FindVpc(x.id, x.scope) == o.FindVpc(x.id, x.scope));
    for (const model::Subnet& x : n.subnets)
      CHECK(n.FindSubnet(x.id, x.scope) == o.FindSubnet(x.id, x.scope));
    for (const model::RouteTable& x : n.route_tables) {
      CHECK(n.FindRouteTable(x.id, x.scope) == o.FindRouteTable(x.id, x.scope));
    }
    for (const model::Instance& x : n.instances) {
      CHECK(n.FindInstance(x.id, x.scope) == o.FindInstance(x.id, x.scope));
    }
    for (std::size_t list = 0; list < std::tuple_size_v<decltype(model::kElementLists)>; ++list) {
      CHECK(n.IndexSlots(list) == o.IndexSlots(list));
    }
    CHECK(n.FindVpc("vpc-not-in-any-fixture", 0) == model::kNone);
    CHECK(n.AllIds() == original.network.AllIds());
    diagnostics += original.diagnostics.size();
    nat += n.nat_gateways.size();
    peerings += n.peerings.size();
    prefix_lists += n.prefix_lists.size();
    eips += n.elastic_ips.size();
    endpoints += n.endpoints.size();
  }
  // The fixtures exercise the less common parts of the model too.
  CHECK(diagnostics > 0);
  CHECK(nat > 0);
  CHECK(peerings > 0);
  CHECK(prefix_lists > 0);
  CHECK(eips > 0);
  CHECK(endpoints > 0);
}

TEST_CASE("model codec: borrowed texts and pointers read the encoded bytes, copied ones do not") {
  const LoadedSnapshot original = LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo");
  const std::string bytes = EncodeSnapshot(original);
  auto inside = [&](const char* at) { return at >= bytes.data() && at < bytes.data() + bytes.size(); };
  std::optional<LoadedSnapshot> borrowed = DecodeSnapshot(bytes, Texts::kBorrow);
  std::optional<LoadedSnapshot> copied = DecodeSnapshot(bytes, Texts::kCopy);
  REQUIRE(borrowed);
  REQUIRE(copied);
  CheckSameNetwork(borrowed->network, original.network);
  CheckSameNetwork(copied->network, original.network);
  CHECK(borrowed->diagnostics == original.diagnostics);
  CHECK(EncodeSnapshot(*borrowed) == bytes);
  const model::Network& b = borrowed->network;
  const model::Network& c = copied->network;
  REQUIRE_FALSE(b.interfaces.empty());
  REQUIRE_FALSE(b.security_groups.empty());
  for (std::size_t i = 0; i < b.interfaces.size(); ++i) {
    CHECK(inside(b.interfaces[i].id.data()));
    CHECK(inside(b.interfaces[i].origin.pointer.view().data()));
    CHECK_FALSE(inside(c.interfaces[i].id.data()));
    CHECK_FALSE(inside(c.interfaces[i].origin.pointer.view().data()));
  }
  for (const model::SecurityGroup& group : b.security_groups) {
    for (const model::SgRule& rule : group.ingress) {
      if (!rule.group_id.empty()) CHECK(inside(rule.group_id.data()));
    }
  }
}

TEST_CASE("model codec: a field changed after loading survives the round trip") {
  LoadedSnapshot snapshot = LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo");
  REQUIRE(!snapshot.network.interfaces.empty());
  snapshot.network.interfaces[0].source_dest_check = !snapshot.network.interfaces[0].source_dest_check;
  snapshot.network.interfaces[0].device_index = -3;
  std::optional<LoadedSnapshot> decoded = DecodeSnapshot(EncodeSnapshot(snapshot));
  REQUIRE(decoded);
  CHECK(decoded->network.interfaces[0] == snapshot.network.interfaces[0]);
}

TEST_CASE("model codec: every truncation is rejected") {
  const std::string bytes = EncodeSnapshot(LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo"));
  const std::size_t step = bytes.size() / 500 + 1;
  for (std::size_t size = 0; size < bytes.size(); size += step) {
    CAPTURE(size);
    CHECK_FALSE(DecodeSnapshot(std::string_view(bytes).substr(0, size)));
  }
  CHECK_FALSE(DecodeSnapshot(bytes.substr(0, bytes.size() - 1)));
  CHECK_FALSE(DecodeSnapshot(bytes + '\0'));  // trailing garbage
}

TEST_CASE("model codec: every flipped byte is rejected, in the table or in any section") {
  const std::string bytes = EncodeSnapshot(LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo"));
  const std::size_t step = bytes.size() / 400 + 1;
  for (std::size_t at = 0; at < bytes.size(); at += step) {
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      CAPTURE(at, static_cast<int>(mask));
      std::string damaged = bytes;
      damaged[at] = static_cast<char>(damaged[at] ^ mask);
      CHECK_FALSE(DecodeSnapshot(damaged));  // a flip inside a string too: the digests see it
    }
  }
}

TEST_CASE("model codec: a handle out of range is rejected") {
  const LoadedSnapshot good = LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo");
  REQUIRE(!good.network.subnets.empty());
  REQUIRE(!good.network.route_tables.empty());
  REQUIRE(!good.network.interfaces.empty());
  SECTION("subnet -> vpc") {
    LoadedSnapshot bad = good;
    bad.network.subnets[0].vpc = static_cast<model::Handle>(bad.network.vpcs.size());
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
  }
  SECTION("element scope") {
    LoadedSnapshot bad = good;
    bad.network.interfaces[0].scope = static_cast<model::Handle>(bad.network.scopes.size() + 7);
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
  }
  SECTION("route target, by the target's kind") {
    LoadedSnapshot bad = good;
    model::Route* route = nullptr;
    for (model::RouteTable& table : bad.network.route_tables) {
      for (model::Route& r : table.routes) {
        if (r.target_kind == model::TargetKind::kInternetGateway && r.target != model::kNone) route = &r;
      }
    }
    REQUIRE(route != nullptr);
    route->target = static_cast<model::Handle>(bad.network.internet_gateways.size());
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
    route->target = 0;
    route->target_kind = model::TargetKind::kLocal;  // local routes have no target element
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
  }
  SECTION("interface -> security group") {
    LoadedSnapshot bad = good;
    const auto past_the_end = static_cast<model::Handle>(bad.network.security_groups.size());
    bad.network.interfaces[0].groups.push_back(past_the_end);
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
  }
  SECTION("a CIDR longer than its family") {
    LoadedSnapshot bad = good;
    REQUIRE(!bad.network.vpcs.empty());
    bad.network.vpcs[0].ipv4_cidrs.at(0).length = 33;
    CHECK_FALSE(DecodeSnapshot(EncodeSnapshot(bad)));
  }
}

}  // namespace
}  // namespace reachcheck::cache

namespace reachcheck::cache {
namespace {

// The payload starts with a table: the number of sections, then for each its element count,
// size and 128-bit digest, then the table's own digest (every integer eight bytes,
// little-endian). The tests below damage the table and seal it again, so that what rejects
// the damage is the structural check they name, not the table's digest.
constexpr std::size_t kWordsPerSection = 4;

std::uint64_t TableWord(const std::string& bytes, std::size_t word) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes.data() + 8 * word, 8);
  return value;
}
void SetTableWord(std::string& bytes, std::size_t word, std::uint64_t value) {
  std::memcpy(bytes.data() + 8 * word, &value, 8);
}
std::size_t TableWords(const std::string& bytes) { return 1 + kWordsPerSection * TableWord(bytes, 0); }
void Seal(std::string& bytes, std::size_t table_words) {
  const ingest::ContentKey::FileDigest digest =
      ingest::ContentKey::Digest(std::string_view(bytes).substr(0, 8 * table_words));
  SetTableWord(bytes, table_words, digest.low);
  SetTableWord(bytes, table_words + 1, digest.high);
}
std::size_t SizeWord(std::size_t section) { return 1 + kWordsPerSection * section + 1; }
std::size_t ElementsWord(std::size_t section) { return 1 + kWordsPerSection * section; }

TEST_CASE("model codec: the section table must describe the payload exactly") {
  const std::string bytes = EncodeSnapshot(LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo"));
  const std::uint64_t sections = TableWord(bytes, 0);
  REQUIRE(sections == 15);  // the head and one per element list
  const std::size_t words = TableWords(bytes);
  std::uint64_t total = 8 * (words + 2);
  for (std::size_t i = 0; i < sections; ++i) total += TableWord(bytes, SizeWord(i));
  CHECK(total == bytes.size());
  REQUIRE(DecodeSnapshot(bytes));
  std::string resealed = bytes;
  Seal(resealed, words);
  CHECK(resealed == bytes);  // the tests' seal is the codec's

  std::string damaged = bytes;
  SetTableWord(damaged, SizeWord(1), TableWord(bytes, SizeWord(1)) + 1);
  CHECK_FALSE(DecodeSnapshot(damaged));  // any change to the table, unsealed
  damaged = bytes;
  SetTableWord(damaged, 0, sections - 1);
  CHECK_FALSE(DecodeSnapshot(damaged));  // another number of sections
  damaged = bytes;
  SetTableWord(damaged, SizeWord(1), TableWord(bytes, SizeWord(1)) + bytes.size());
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));  // a section past the end
  damaged = bytes;
  SetTableWord(damaged, SizeWord(2), ~std::uint64_t{0});
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));  // a size that would wrap around
  // Bytes moved from one section to its neighbour: their digests no longer match.
  damaged = bytes;
  SetTableWord(damaged, SizeWord(1), TableWord(bytes, SizeWord(1)) + 1);
  SetTableWord(damaged, SizeWord(2), TableWord(bytes, SizeWord(2)) - 1);
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));
  // An element count that is not the list's (the handle checks rely on the counts).
  REQUIRE(TableWord(bytes, ElementsWord(2)) > 0);  // subnets
  damaged = bytes;
  SetTableWord(damaged, ElementsWord(2), TableWord(bytes, ElementsWord(2)) + 1);
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));
  damaged = bytes;
  SetTableWord(damaged, ElementsWord(2), ~std::uint64_t{0});
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));  // more elements than the section has bytes
  damaged = bytes;
  SetTableWord(damaged, ElementsWord(0), 1);
  Seal(damaged, words);
  CHECK_FALSE(DecodeSnapshot(damaged));                       // the head holds no elements
  CHECK_FALSE(DecodeSnapshot(bytes + std::string(1, '\0')));  // trailing bytes
}

// A list's section ends with its id index's slots: a 32-bit count, then eight bytes each
// (the handle, then the high half of the id's hash). These tests change slots and give the
// section its new digest, so that what rejects the change is the check of the slots.
struct SlotsOf {
  std::size_t section_at = 0, section_size = 0, slots_at = 0;
  std::uint32_t stored_count = 0;
};
SlotsOf FindSlots(const std::string& bytes, std::size_t section, std::size_t count) {
  SlotsOf found;
  found.section_at = 8 * (TableWords(bytes) + 2);
  for (std::size_t i = 0; i < section; ++i) found.section_at += TableWord(bytes, SizeWord(i));
  found.section_size = TableWord(bytes, SizeWord(section));
  found.slots_at = found.section_at + found.section_size - 8 * count;
  std::memcpy(&found.stored_count, bytes.data() + found.slots_at - 4, 4);
  return found;
}
std::uint32_t SlotHandle(const std::string& bytes, std::size_t at) {
  std::uint32_t handle = 0;
  std::memcpy(&handle, bytes.data() + at, 4);
  return handle;
}
void Redigest(std::string& bytes, std::size_t section, const SlotsOf& at) {
  const ingest::ContentKey::FileDigest digest =
      ingest::ContentKey::Digest(std::string_view(bytes).substr(at.section_at, at.section_size));
  SetTableWord(bytes, SizeWord(section) + 1, digest.low);
  SetTableWord(bytes, SizeWord(section) + 2, digest.high);
  Seal(bytes, TableWords(bytes));
}

TEST_CASE("model codec: stored index slots that do not fit their list are rejected") {
  const LoadedSnapshot loaded = LoadFresh(reachcheck::testing::SourceDir() + "/fixtures/demo");
  const std::string bytes = EncodeSnapshot(loaded);
  constexpr std::size_t kSubnetSection = 2;  // section 2 holds list 1, the subnets
  const std::size_t subnets = loaded.network.subnets.size();
  REQUIRE(subnets > 0);
  REQUIRE(TableWord(bytes, ElementsWord(kSubnetSection)) == subnets);
  const std::size_t count = loaded.network.IndexSlots(1).size();
  REQUIRE(count >= 2 * subnets);
  const SlotsOf at = FindSlots(bytes, kSubnetSection, count);
  REQUIRE(at.stored_count == count);
  std::string same = bytes;
  Redigest(same, kSubnetSection, at);
  CHECK(same == bytes);            // the tests' digest is the codec's
  std::size_t used = at.slots_at;  // the first slot in use
  while (SlotHandle(bytes, used) == model::kNone) used += 8;
  SECTION("a handle past the list") {
    std::string damaged = bytes;
    const auto past = static_cast<std::uint32_t>(subnets);
    std::memcpy(damaged.data() + used, &past, 4);
    Redigest(damaged, kSubnetSection, at);
    CHECK_FALSE(DecodeSnapshot(damaged));
  }
  SECTION("a slot emptied: one element fewer than the list") {
    std::string damaged = bytes;
    const std::uint32_t none = model::kNone;
    std::memcpy(damaged.data() + used, &none, 4);
    Redigest(damaged, kSubnetSection, at);
    CHECK_FALSE(DecodeSnapshot(damaged));
  }
  SECTION("a hash fragment changed is believed: the digest is what vouches for it") {
    std::string changed = bytes;
    changed[used + 4] = static_cast<char>(changed[used + 4] ^ 0x5a);
    Redigest(changed, kSubnetSection, at);
    std::optional<LoadedSnapshot> decoded = DecodeSnapshot(changed);
    REQUIRE(decoded);
    // The element behind that slot is no longer found by its id; the others still are.
    const std::uint32_t handle = SlotHandle(bytes, used);
    const model::Network& n = decoded->network;
    std::size_t found = 0;
    for (std::size_t i = 0; i < subnets; ++i) {
      found += n.FindSubnet(n.subnets[i].id, n.subnets[i].scope) == i;
    }
    CHECK(found == subnets - 1);
    CHECK(n.FindSubnet(n.subnets[handle].id, n.subnets[handle].scope) == model::kNone);
  }
}

}  // namespace
}  // namespace reachcheck::cache
