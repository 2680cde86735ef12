// SPDX-License-Identifier: Apache-2.0
// Writing the estate as `aws ec2 describe-*` output: one writer per element type, and the
// file layout aws_configs/<account>/<region>/<Type>.json (optionally paginated).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "generator/estate.h"
#include "generator/json_writer.h"

namespace reachcheck::bench {

/// Writes one element of a type for `scope`; `index` comes from the type's lister.
using ElementWriter = void (*)(JsonWriter& w, const Estate& estate, const Scope& scope, int index);
/// The elements of one type in one scope (indices into the estate's vectors).
using ElementLister = std::vector<int> (*)(const Estate& estate, int scope);

struct ResourceType {
  const char* key;  ///< top-level key and file name: "Vpcs" -> Vpcs.json
  ElementLister list;
  ElementWriter write;
};

/// Every type, in the order the files are written.
const std::vector<ResourceType>& ResourceTypes();

// Element writers (emit_network.cpp, emit_hosts.cpp).
void WriteVpc(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteSubnet(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteRouteTable(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteInternetGateway(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteEgressOnlyGateway(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteNatGateway(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WritePeering(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteNetworkAcl(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WritePrefixList(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteManagedPrefixList(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteVpcEndpoint(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteSecurityGroup(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteNetworkInterface(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteReservation(JsonWriter& w, const Estate& e, const Scope& scope, int index);
void WriteAddress(JsonWriter& w, const Estate& e, const Scope& scope, int index);

/// The number of entries WriteNetworkAcl prints for `acl` (for the summary).
int AclEntryCount(const Estate& estate, const Acl& acl);

struct EmitOptions {
  std::string out_dir;  ///< files go to out_dir/aws_configs/<account>/<region>/
  int indent = 4;       ///< 0 = minified
  int pages = 1;        ///< files per type per account and region
  int threads = 2;
};

struct EmitStats {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
};

/// Writes every file; false with `error` set when a file cannot be created or written.
bool WriteEstate(const Estate& estate, const EmitOptions& options, EmitStats* stats, std::string* error);

}  // namespace reachcheck::bench
