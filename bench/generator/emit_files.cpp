// SPDX-License-Identifier: Apache-2.0
// The file layout: aws_configs/<account>/<region>/<Type>.json per resource type (or
// <Type>-NNN.json pages with a NextToken, like a paginated dump), written by a few threads.
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "generator/emit.h"
#include "generator/emit_util.h"
#include "generator/rng.h"

namespace reachcheck::bench {
namespace {

template <typename F>
std::vector<int> PerVpc(const Estate& e, int scope, F&& add) {
  std::vector<int> out;
  for (int v : e.scopes[U(scope)].vpcs) add(e.vpcs[U(v)], v, out);
  return out;
}

void Range(std::vector<int>& out, int first, int count) {
  for (int i = first; i < first + count; ++i) out.push_back(i);
}

std::vector<int> ListVpcs(const Estate& e, int s) { return e.scopes[U(s)].vpcs; }
std::vector<int> ListSubnets(const Estate& e, int s) {
  return PerVpc(e, s,
                [](const Vpc& v, int, std::vector<int>& out) { Range(out, v.first_subnet, kSubnetsPerVpc); });
}
std::vector<int> ListRouteTables(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) {
    Range(out, v.first_route_table, kSubnetsPerVpc);
  });
}
std::vector<int> ListInternetGateways(const Estate& e, int s) {
  std::vector<int> out;
  for (int i = 0; i < static_cast<int>(e.internet_gateways.size()); ++i) {
    if (e.internet_gateways[U(i)].scope == s) out.push_back(i);
  }
  return out;
}
std::vector<int> ListEgressOnly(const Estate& e, int s) {
  return PerVpc(e, s, [&](const Vpc&, int v, std::vector<int>& out) {
    if (e.egress_only_ids[U(v)] != 0) out.push_back(v);
  });
}
std::vector<int> ListNatGateways(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) {
    for (int nat : v.nat) {
      if (nat >= 0) out.push_back(nat);
    }
  });
}
std::vector<int> ListPeerings(const Estate& e, int s) { return e.scopes[U(s)].peerings; }
std::vector<int> ListGroups(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) {
    Range(out, v.first_group, kSecurityGroupsPerVpc);
  });
}
std::vector<int> ListAcls(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) { Range(out, v.first_acl, v.acl_count); });
}
std::vector<int> ListInterfaces(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) {
    Range(out, v.first_interface, v.interface_count);
  });
}
std::vector<int> ListReservations(const Estate& e, int s) {
  return PerVpc(e, s, [&](const Vpc& v, int, std::vector<int>& out) {
    for (int i = v.first_instance; i < v.first_instance + v.instance_count; ++i) {
      if (e.instances[U(i)].first_in_reservation) out.push_back(i);
    }
  });
}
std::vector<int> ListAddresses(const Estate& e, int s) { return e.scopes[U(s)].elastic_ips; }
std::vector<int> ListAwsPrefixLists(const Estate& e, int s) {
  std::vector<int> out;
  for (int p : e.scopes[U(s)].prefix_lists) {
    if (e.prefix_lists[U(p)].aws_managed) out.push_back(p);
  }
  return out;
}
std::vector<int> ListManagedPrefixLists(const Estate& e, int s) {
  std::vector<int> out;
  for (int p : e.scopes[U(s)].prefix_lists) {
    if (!e.prefix_lists[U(p)].aws_managed) out.push_back(p);
  }
  return out;
}
std::vector<int> ListEndpoints(const Estate& e, int s) {
  return PerVpc(e, s, [](const Vpc& v, int, std::vector<int>& out) { out.push_back(v.endpoint); });
}

struct Task {
  int scope;
  const ResourceType* type;
};

}  // namespace

const std::vector<ResourceType>& ResourceTypes() {
  static const std::vector<ResourceType> kTypes = {
      {"Vpcs", ListVpcs, WriteVpc},
      {"Subnets", ListSubnets, WriteSubnet},
      {"RouteTables", ListRouteTables, WriteRouteTable},
      {"InternetGateways", ListInternetGateways, WriteInternetGateway},
      {"EgressOnlyInternetGateways", ListEgressOnly, WriteEgressOnlyGateway},
      {"NatGateways", ListNatGateways, WriteNatGateway},
      {"VpcPeeringConnections", ListPeerings, WritePeering},
      {"SecurityGroups", ListGroups, WriteSecurityGroup},
      {"NetworkAcls", ListAcls, WriteNetworkAcl},
      {"NetworkInterfaces", ListInterfaces, WriteNetworkInterface},
      {"Reservations", ListReservations, WriteReservation},
      {"Addresses", ListAddresses, WriteAddress},
      {"PrefixLists", ListAwsPrefixLists, WritePrefixList},
      {"ManagedPrefixLists", ListManagedPrefixLists, WriteManagedPrefixList},
      {"VpcEndpoints", ListEndpoints, WriteVpcEndpoint},
  };
  return kTypes;
}

bool WriteEstate(const Estate& estate, const EmitOptions& options, EmitStats* stats, std::string* error) {
  namespace fs = std::filesystem;
  std::vector<Task> tasks;
  for (int s = 0; s < static_cast<int>(estate.scopes.size()); ++s) {
    const Scope& scope = estate.scopes[U(s)];
    if (scope.vpcs.empty() && scope.peerings.empty()) continue;  // nothing in that account and region
    std::error_code ec;
    fs::create_directories(fs::path(options.out_dir) / "aws_configs" / scope.account / scope.region, ec);
    if (ec) {
      *error = "cannot create a folder under " + options.out_dir + ": " + ec.message();
      return false;
    }
    // The biggest types first, so the threads finish together.
    for (const char* key : {"Reservations", "NetworkInterfaces", "SecurityGroups", "RouteTables"}) {
      for (const ResourceType& type : ResourceTypes()) {
        if (std::strcmp(type.key, key) == 0) tasks.push_back({s, &type});
      }
    }
    for (const ResourceType& type : ResourceTypes()) {
      bool big = false;
      for (const char* key : {"Reservations", "NetworkInterfaces", "SecurityGroups", "RouteTables"})
        big |= std::strcmp(type.key, key) == 0;
      if (!big) tasks.push_back({s, &type});
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> files{0}, bytes{0};
  std::mutex error_mutex;
  std::string first_error;
  auto worker = [&] {
    for (std::size_t t = next++; t < tasks.size(); t = next++) {
      const Scope& scope = estate.scopes[U(tasks[t].scope)];
      const ResourceType& type = *tasks[t].type;
      const std::vector<int> items = type.list(estate, tasks[t].scope);
      const int pages = std::max(1, options.pages);
      for (int page = 0; page < pages; ++page) {
        std::string name = type.key;
        if (pages > 1) {
          char suffix[16];
          std::snprintf(suffix, sizeof suffix, "-%03d", page + 1);
          name += suffix;
        }
        const fs::path path =
            fs::path(options.out_dir) / "aws_configs" / scope.account / scope.region / (name + ".json");
        std::FILE* out = std::fopen(path.c_str(), "wb");
        if (out == nullptr) {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (first_error.empty())
            first_error = "cannot write " + path.string() + ": " + std::strerror(errno);
          return;
        }
        {
          JsonWriter w(out, options.indent);
          w.BeginObject();
          w.Key(type.key);
          w.BeginArray();
          const std::size_t lo = items.size() * U(page) / U(pages);
          const std::size_t hi = items.size() * U(page + 1) / U(pages);
          for (std::size_t i = lo; i < hi; ++i) type.write(w, estate, scope, items[i]);
          w.EndArray();
          if (page + 1 < pages) {  // what `aws ... --max-items` prints to resume
            w.Key("NextToken");
            w.BeginString();
            AppendId(w, "eyJOZXh0VG9rZW4iOiA", Mix64(estate.seed ^ static_cast<std::uint64_t>(page)));
            w.EndString();
          }
          w.EndObject();
          w.Finish();
          bytes += w.bytes_written();
        }
        const bool failed = std::ferror(out) != 0;
        if (std::fclose(out) != 0 || failed) {
          std::lock_guard<std::mutex> lock(error_mutex);
          if (first_error.empty()) first_error = "cannot write " + path.string();
          return;
        }
        ++files;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < std::max(1, options.threads); ++i) threads.emplace_back(worker);
  worker();
  for (std::thread& thread : threads) thread.join();
  stats->files = files;
  stats->bytes = bytes;
  if (!first_error.empty()) {
    *error = first_error;
    return false;
  }
  return true;
}

}  // namespace reachcheck::bench
