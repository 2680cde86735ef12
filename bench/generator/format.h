// SPDX-License-Identifier: Apache-2.0
// Value formatting for the writer: AWS ids, IPv4/IPv6 addresses and CIDRs, DNS names,
// timestamps and tags, written straight into the JSON buffer without temporary strings.
#pragma once

#include <cstdint>
#include <string_view>

#include "generator/estate.h"
#include "generator/json_writer.h"

namespace reachcheck::bench {

/// "<prefix>0" followed by 16 hex digits: 17 digits like AWS ("vpc-071e99e68b6544813").
void AppendId(JsonWriter& w, std::string_view prefix, std::uint64_t value);
void IdValue(JsonWriter& w, std::string_view prefix, std::uint64_t value);
void IdField(JsonWriter& w, std::string_view key, std::string_view prefix, std::uint64_t value);

void AppendIp(JsonWriter& w, std::uint32_t ip, char separator = '.');
void IpValue(JsonWriter& w, std::uint32_t ip);
void IpField(JsonWriter& w, std::string_view key, std::uint32_t ip);
void CidrValue(JsonWriter& w, Cidr4 cidr);
void CidrField(JsonWriter& w, std::string_view key, Cidr4 cidr);

/// The /56 of dual-stack VPC number `block`, a /64 in it, or an address in that /64.
void V6BlockField(JsonWriter& w, std::string_view key, std::uint32_t block);
void V6SubnetField(JsonWriter& w, std::string_view key, std::uint32_t block, int subnet);
void V6AddressValue(JsonWriter& w, std::uint32_t block, int subnet, std::uint64_t host);

/// "ip-10-1-2-3.ec2.internal" (us-east-1) or "ip-10-1-2-3.<region>.compute.internal".
void PrivateDnsField(JsonWriter& w, std::string_view key, std::uint32_t ip, std::string_view region);
/// "ec2-3-4-5-6.compute-1.amazonaws.com" or "ec2-3-4-5-6.<region>.compute.amazonaws.com".
void PublicDnsField(JsonWriter& w, std::string_view key, std::uint32_t ip, std::string_view region);

/// "2023-04-18T10:22:41+00:00" for `seconds` after 2022-01-01T00:00:00Z.
void TimeField(JsonWriter& w, std::string_view key, std::uint32_t seconds);

/// "Tags": [{"Key": "Name", "Value": name}, Environment, ManagedBy] (key may be "TagSet").
void NameTags(JsonWriter& w, std::string_view name, std::string_view environment,
              std::string_view key = "Tags");

/// The environment tag for a VPC name ("prod-12" -> "prod").
std::string_view EnvironmentOf(std::string_view vpc_name);

}  // namespace reachcheck::bench
