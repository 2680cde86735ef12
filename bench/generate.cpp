// SPDX-License-Identifier: Apache-2.0
// bench/generate: writes a deterministic, realistic AWS estate of a given size as
// `aws ec2 describe-*` JSON under OUT/aws_configs/<account>/<region>/, and a summary.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "generator/emit.h"
#include "generator/estate.h"

namespace {

using reachcheck::bench::EstateSize;

int Usage(const char* message) {
  if (message != nullptr) std::fprintf(stderr, "generate: %s\n", message);
  std::fprintf(stderr,
               "usage: generate --size XS|S|M|L|XL --out DIR [--seed N] [--minified] [--pages K]\n"
               "                [--indent N] [--threads N]\n"
               "Writes DIR/aws_configs/<account>/<region>/<Type>.json (DIR/aws_configs is replaced)\n"
               "and DIR/generate-summary.json; prints the summary on stdout.\n");
  return 2;
}

bool ParseInt(const char* text, long long lo, long long hi, long long* value) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < lo || v > hi) return false;
  *value = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  namespace bench = reachcheck::bench;
  EstateSize size;
  bool have_size = false;
  std::uint64_t seed = 1;
  bench::EmitOptions options;
  options.threads = static_cast<int>(std::min(2u, std::max(1u, std::thread::hardware_concurrency())));
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    long long value = 0;
    if (arg == "--size" && has_value) {
      if (!bench::ParseEstateSize(argv[++i], &size)) return Usage("unknown size (XS, S, M, L or XL)");
      have_size = true;
    } else if (arg == "--seed" && has_value) {
      if (!ParseInt(argv[++i], 0, 1LL << 40, &value)) return Usage("bad --seed");
      seed = static_cast<std::uint64_t>(value);
    } else if (arg == "--out" && has_value) {
      options.out_dir = argv[++i];
    } else if (arg == "--pages" && has_value) {
      if (!ParseInt(argv[++i], 1, 1000, &value)) return Usage("bad --pages (1-1000)");
      options.pages = static_cast<int>(value);
    } else if (arg == "--indent" && has_value) {
      if (!ParseInt(argv[++i], 0, 8, &value)) return Usage("bad --indent (0-8)");
      options.indent = static_cast<int>(value);
    } else if (arg == "--threads" && has_value) {
      if (!ParseInt(argv[++i], 1, 64, &value)) return Usage("bad --threads (1-64)");
      options.threads = static_cast<int>(value);
    } else if (arg == "--minified") {
      options.indent = 0;
    } else if (arg == "--help" || arg == "-h") {
      Usage(nullptr);
      return 0;
    } else {
      return Usage(("unknown or incomplete argument " + arg).c_str());
    }
  }
  if (!have_size || options.out_dir.empty()) return Usage("--size and --out are required");

  const auto start = std::chrono::steady_clock::now();
  const bench::Estate estate = bench::BuildEstate(size, seed);
  const auto built = std::chrono::steady_clock::now();
  std::error_code ec;
  std::filesystem::remove_all(std::filesystem::path(options.out_dir) / "aws_configs", ec);
  bench::EmitStats stats;
  std::string error;
  if (!bench::WriteEstate(estate, options, &stats, &error)) {
    std::fprintf(stderr, "generate: %s\n", error.c_str());
    return 1;
  }
  const auto done = std::chrono::steady_clock::now();
  const bench::EstateCounts counts = bench::CountEstate(estate);
  std::uint64_t acl_entries = 0;
  for (const bench::Acl& acl : estate.acls)
    acl_entries += static_cast<std::uint64_t>(bench::AclEntryCount(estate, acl));
  std::uint64_t scopes = 0;
  for (const bench::Scope& scope : estate.scopes) scopes += scope.vpcs.empty() ? 0 : 1;
  const double build_s = std::chrono::duration<double>(built - start).count();
  const double write_s = std::chrono::duration<double>(done - built).count();

  char summary[2048];
  std::snprintf(
      summary, sizeof summary,
      "{\"size\": \"%s\", \"seed\": %llu, \"indent\": %d, \"pages\": %d, \"files\": %llu, \"bytes\": %llu,\n"
      " \"build_s\": %.3f, \"write_s\": %.3f, \"threads\": %d,\n"
      " \"accounts_regions\": %llu, \"vpcs\": %zu, \"subnets\": %zu, \"route_tables\": %zu, \"routes\": %llu,"
      " \"blackhole_routes\": %llu, \"peerings\": %zu, \"internet_gateways\": %zu, \"nat_gateways\": %zu,\n"
      " \"security_groups\": %zu, \"sg_rules\": %llu, \"sg_group_rules\": %llu, \"network_acls\": %zu,"
      " \"acl_entries\": %llu, \"interfaces\": %zu, \"instances\": %zu, \"elastic_ips\": %zu}\n",
      size.name.c_str(), static_cast<unsigned long long>(seed), options.indent, options.pages,
      static_cast<unsigned long long>(stats.files), static_cast<unsigned long long>(stats.bytes), build_s,
      write_s, options.threads, static_cast<unsigned long long>(scopes), estate.vpcs.size(),
      estate.subnets.size(), estate.route_tables.size(), static_cast<unsigned long long>(counts.routes),
      static_cast<unsigned long long>(counts.blackhole_routes), estate.peerings.size(),
      estate.internet_gateways.size(), estate.nat_gateways.size(), estate.security_groups.size(),
      static_cast<unsigned long long>(counts.rules), static_cast<unsigned long long>(counts.group_rules),
      estate.acls.size(), static_cast<unsigned long long>(acl_entries), estate.interfaces.size(),
      estate.instances.size(), estate.elastic_ips.size());
  std::fputs(summary, stdout);
  const std::string summary_path =
      (std::filesystem::path(options.out_dir) / "generate-summary.json").string();
  if (std::FILE* out = std::fopen(summary_path.c_str(), "wb")) {
    std::fputs(summary, out);
    std::fclose(out);
  }
  return 0;
}
