// SPDX-License-Identifier: Apache-2.0
// Private to the AWS loader: the state shared by all files of a snapshot, the context of the
// file being read, and one parser per describe-* resource type (one .cpp file each).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/json_read.h"
#include "reachcheck/base/diagnostic.h"
#include "reachcheck/model/network.h"

namespace reachcheck::ingest::aws {

/// Account and region given by the folders a file sits in ("" when the folders say nothing).
struct FolderScope {
  std::string account;
  std::string region;
};

/// A describe-tags entry, merged into the element it names after every file is read.
struct TagRecord {
  model::Handle scope;
  std::string resource_id;
  model::Tag tag;
};

/// A get-managed-prefix-list-entries document (see prefix_lists.cpp for the convention).
struct PrefixListEntries {
  model::Handle scope;
  std::string id;
  std::vector<net::Cidr> cidrs;
  base::SourceRef origin;
};

/// Where a prefix list came from: both commands may list the same AWS-managed list.
enum class PrefixListSource : std::uint8_t { kDescribePrefixLists, kDescribeManagedPrefixLists };

/// Everything accumulated while the files of one snapshot are read.
struct SnapshotState {
  explicit SnapshotState(base::Diagnostics& sink) : diagnostics(sink) {}
  model::Network network;
  base::Diagnostics& diagnostics;
  std::vector<TagRecord> tags;
  std::vector<PrefixListEntries> prefix_list_entries;
  std::vector<PrefixListSource> prefix_list_sources;  ///< parallel to network.prefix_lists
  /// Instances without a NetworkInterfaces list but with an address or subnet: warned about
  /// after loading unless some interface names them in its attachment.
  std::vector<model::Handle> instances_without_interfaces;
};

/// The file being read.
class FileContext {
 public:
  FileContext(SnapshotState& state, const std::string& file, FolderScope folder)
      : state_(state), file_(file), folder_(std::move(folder)) {}

  SnapshotState& state() { return state_; }
  model::Network& network() { return state_.network; }
  const base::FileName& file() const { return file_; }

  /// The element's scope: folder account, else `owner_id` when it is an account number;
  /// folder region, else the region of `availability_zone`. Unknown parts stay "" until
  /// the post-pass (see scopes.cpp).
  model::Handle ScopeOf(std::string_view owner_id, std::string_view availability_zone);
  /// The same with a region given by the element itself (used when it is a region name).
  model::Handle ScopeIn(std::string_view owner_id, std::string_view region);
  base::SourceRef Ref(std::string pointer) const { return base::SourceRef{file_, std::move(pointer)}; }

  /// A warning about the element being read, kept only if the element loads.
  void Warn(const char* code, std::string message, std::string pointer);
  /// The same, so that the context can be passed where a warning sink is expected.
  void operator()(const char* code, std::string message, std::string pointer) {
    Warn(code, std::move(message), std::move(pointer));
  }
  /// A diagnostic that stands whatever happens to the element.
  void Report(base::Severity severity, const char* code, std::string message, std::string pointer);

  /// Runs `parse(element)` for each element of the array `list`; an InputError skips that
  /// element only (with an error diagnostic), its pending warnings are dropped.
  template <typename Parse>
  void ForEach(const Node& list, Parse&& parse);
  /// The same for one element.
  template <typename Parse>
  void Try(const Node& element, Parse&& parse);

 private:
  void Commit();
  void Fail(const InputError& error);

  SnapshotState& state_;
  base::FileName file_;  ///< interned once: every element, rule and route names it
  FolderScope folder_;
  model::Handle last_scope_ = model::kNone;  ///< the scope ScopeIn returned last
  std::vector<base::Diagnostic> pending_;
};

template <typename Parse>
void FileContext::Try(const Node& element, Parse&& parse) {
  std::size_t mark = pending_.size();
  try {
    parse(element);
  } catch (const InputError& error) {
    pending_.resize(mark);
    Fail(error);
    return;
  }
  if (mark == 0) Commit();  // nested lists keep warnings for the outer element
}

template <typename Parse>
void FileContext::ForEach(const Node& list, Parse&& parse) {
  for (const Node& element : list.Elements()) Try(element, parse);
}

/// The region an availability zone belongs to ("us-east-1a" -> "us-east-1"), or "" for
/// zone ids ("use1-az1") and anything else that is not a zone name.
std::string RegionOfZone(std::string_view zone);
/// Whether `name` looks like a region ("us-east-1", "us-gov-west-1", "us-isob-east-1").
bool IsRegionName(std::string_view name);

/// Strings of the array member `key` (`input-wrong-type` for non-strings).
std::vector<base::Text> StringList(const Node& node, std::string_view key);
/// `key` (Tags or TagSet): [{"Key": .., "Value": ..}].
std::vector<model::Tag> ReadTags(const Node& node, std::string_view key = "Tags");
/// Whether a CIDR association state counts ("associated", "associating" or none given).
bool CidrStateCounts(const Node& association, std::string_view state_key);

// One parser per resource type; each reads one element of its top-level list.
void ParseVpc(const Node& element, FileContext& context);
void ParseSubnet(const Node& element, FileContext& context);
void ParseRouteTable(const Node& element, FileContext& context);
void ParseInternetGateway(const Node& element, FileContext& context);
void ParseEgressOnlyInternetGateway(const Node& element, FileContext& context);
void ParseNatGateway(const Node& element, FileContext& context);
void ParsePeering(const Node& element, FileContext& context);
void ParseSecurityGroup(const Node& element, FileContext& context);
void ParseNetworkAcl(const Node& element, FileContext& context);
void ParseNetworkInterface(const Node& element, FileContext& context);
/// A Reservations element: each of its Instances is parsed (and skipped) on its own.
void ParseReservation(const Node& element, FileContext& context);
void ParseAddress(const Node& element, FileContext& context);
void ParsePrefixList(const Node& element, FileContext& context);
void ParseManagedPrefixList(const Node& element, FileContext& context);
/// A whole {"PrefixListId": .., "Entries": [..]} document.
void ParsePrefixListEntriesDocument(const Node& root, FileContext& context);
void ParseEndpoint(const Node& element, FileContext& context);
void ParseTagDescription(const Node& element, FileContext& context);
/// An element of a recognised but unanalysed list `type`.
void ParseUnanalysed(const Node& element, std::string_view type, FileContext& context);

/// Reads the interface fields shared by describe-network-interfaces and the interfaces
/// inlined in describe-instances.
void ReadInterfaceFields(const Node& node, model::NetworkInterface& eni, FileContext& context);

/// Routes one parsed file by its top-level keys. `base` is "" (or the pointer of a wrapped
/// payload). Returns false when the file holds no describe-* key at all.
bool LoadAwsDocument(JsonValue root, const std::string& base, FileContext& context);

/// Appends what one file added to its own state (`file`, filled from an empty state) to the
/// snapshot's `into`, as if that file had been read into `into` directly: its scopes are
/// interned and remapped, its handles offset. Leaves `file` empty. Diagnostics stay where
/// they are: the caller appends the file's sink.
void MergeFileState(SnapshotState& into, SnapshotState&& file);
/// Reserves in `into` room for the elements of every state in `files` (then merging them
/// moves each element once).
void ReserveForFiles(SnapshotState& into, const std::vector<const SnapshotState*>& files);

/// After every file: scope fill-in, tags, prefix-list entries, instance interfaces.
void FinishSnapshot(SnapshotState& state);

/// Calls fn(element) for every element that can carry tags (every list but unanalysed).
template <typename Fn>
void ForEachElement(model::Network& n, Fn&& fn) {
  auto all = [&](auto& items) {
    for (auto& item : items) fn(static_cast<model::Element&>(item));
  };
  all(n.vpcs);
  all(n.subnets);
  all(n.route_tables);
  all(n.internet_gateways);
  all(n.nat_gateways);
  all(n.peerings);
  all(n.security_groups);
  all(n.network_acls);
  all(n.interfaces);
  all(n.instances);
  all(n.elastic_ips);
  all(n.prefix_lists);
  all(n.endpoints);
}

/// Calls fn(handle&) for the scope handle of everything in `state` that has one.
template <typename Fn>
void ForEachScope(SnapshotState& state, Fn&& fn) {
  ForEachElement(state.network, [&](model::Element& element) { fn(element.scope); });
  for (auto& item : state.network.unanalysed) fn(item.scope);
  for (auto& item : state.tags) fn(item.scope);
  for (auto& item : state.prefix_list_entries) fn(item.scope);
}

}  // namespace reachcheck::ingest::aws
