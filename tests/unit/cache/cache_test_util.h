// SPDX-License-Identifier: Apache-2.0
// Shared by the cache tests: a scratch folder, whole-network comparison, snapshot loading.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "reachcheck/cache/model_codec.h"
#include "reachcheck/ingest/load.h"
#include "support/temp_dir.h"

namespace reachcheck::cache::testing {

/// A scratch folder, `reachcheck-<name>-<pid>`.
using ScratchDir = ::reachcheck::testing::TempDir;

/// Every element vector compared with the model's defaulted operator== (every field).
inline void CheckSameNetwork(const model::Network& a, const model::Network& b) {
  CHECK(a.scopes == b.scopes);
  CHECK(a.vpcs == b.vpcs);
  CHECK(a.subnets == b.subnets);
  CHECK(a.route_tables == b.route_tables);
  CHECK(a.internet_gateways == b.internet_gateways);
  CHECK(a.nat_gateways == b.nat_gateways);
  CHECK(a.peerings == b.peerings);
  CHECK(a.security_groups == b.security_groups);
  CHECK(a.network_acls == b.network_acls);
  CHECK(a.interfaces == b.interfaces);
  CHECK(a.instances == b.instances);
  CHECK(a.elastic_ips == b.elastic_ips);
  CHECK(a.prefix_lists == b.prefix_lists);
  CHECK(a.endpoints == b.endpoints);
  CHECK(a.unanalysed == b.unanalysed);
}

/// A snapshot loaded the normal way, as the cache would store it.
inline LoadedSnapshot LoadFresh(const std::string& path) {
  base::Diagnostics diagnostics;
  ingest::LoadStats stats;
  LoadedSnapshot loaded;
  loaded.network = ingest::LoadSnapshot({path}, diagnostics, &stats);
  loaded.diagnostics = diagnostics.All();
  loaded.files_read = stats.files_read;
  loaded.bytes_read = stats.bytes_read;
  loaded.files_ignored = stats.files_ignored;
  loaded.resources_modelled = stats.resources_modelled;
  return loaded;
}

}  // namespace reachcheck::cache::testing
