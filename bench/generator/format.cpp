// SPDX-License-Identifier: Apache-2.0
// Value formatting straight into the writer's buffer (ids, addresses, names, times, tags).
#include "generator/format.h"

#include <charconv>

namespace reachcheck::bench {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendNumber(JsonWriter& w, std::uint64_t value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  (void)ec;
  w.Raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
}

void AppendTwoDigits(JsonWriter& w, unsigned value) {
  w.RawChar(static_cast<char>('0' + value / 10));
  w.RawChar(static_cast<char>('0' + value % 10));
}

void AppendHex(JsonWriter& w, std::uint64_t value) {  // no leading zeros, like IPv6 groups
  char digits[16];
  int n = 0;
  do {
    digits[n++] = kHex[value & 15];
    value >>= 4;
  } while (value != 0);
  while (n > 0) w.RawChar(digits[--n]);
}

}  // namespace

void AppendId(JsonWriter& w, std::string_view prefix, std::uint64_t value) {
  w.Raw(prefix);
  w.RawChar('0');
  for (int shift = 60; shift >= 0; shift -= 4) w.RawChar(kHex[(value >> shift) & 15]);
}

void IdValue(JsonWriter& w, std::string_view prefix, std::uint64_t value) {
  w.BeginString();
  AppendId(w, prefix, value);
  w.EndString();
}

void IdField(JsonWriter& w, std::string_view key, std::string_view prefix, std::uint64_t value) {
  w.Key(key);
  IdValue(w, prefix, value);
}

void AppendIp(JsonWriter& w, std::uint32_t ip, char separator) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    AppendNumber(w, (ip >> shift) & 255);
    if (shift > 0) w.RawChar(separator);
  }
}

void IpValue(JsonWriter& w, std::uint32_t ip) {
  w.BeginString();
  AppendIp(w, ip);
  w.EndString();
}

void IpField(JsonWriter& w, std::string_view key, std::uint32_t ip) {
  w.Key(key);
  IpValue(w, ip);
}

void CidrValue(JsonWriter& w, Cidr4 cidr) {
  w.BeginString();
  AppendIp(w, cidr.base);
  w.RawChar('/');
  AppendNumber(w, cidr.prefix);
  w.EndString();
}

void CidrField(JsonWriter& w, std::string_view key, Cidr4 cidr) {
  w.Key(key);
  CidrValue(w, cidr);
}

// Dual-stack VPC n owns 2600:1f18:(0x4000 + n / 256):(n % 256)00::/56.
void V6BlockField(JsonWriter& w, std::string_view key, std::uint32_t block) {
  w.Key(key);
  w.BeginString();
  w.Raw("2600:1f18:");
  AppendHex(w, 0x4000 + block / 256);
  w.RawChar(':');
  AppendHex(w, (block % 256) << 8);
  w.Raw("::/56");
  w.EndString();
}

void V6SubnetField(JsonWriter& w, std::string_view key, std::uint32_t block, int subnet) {
  w.Key(key);
  w.BeginString();
  w.Raw("2600:1f18:");
  AppendHex(w, 0x4000 + block / 256);
  w.RawChar(':');
  AppendHex(w, ((block % 256) << 8) | static_cast<std::uint32_t>(subnet));
  w.Raw("::/64");
  w.EndString();
}

void V6AddressValue(JsonWriter& w, std::uint32_t block, int subnet, std::uint64_t host) {
  w.BeginString();
  w.Raw("2600:1f18:");
  AppendHex(w, 0x4000 + block / 256);
  w.RawChar(':');
  AppendHex(w, ((block % 256) << 8) | static_cast<std::uint32_t>(subnet));
  for (int shift = 48; shift >= 0; shift -= 16) {
    w.RawChar(':');
    AppendHex(w, ((host >> shift) & 0xffff) | (shift == 48 ? 0x1000 : 0));
  }
  w.EndString();
}

void PrivateDnsField(JsonWriter& w, std::string_view key, std::uint32_t ip, std::string_view region) {
  w.Key(key);
  w.BeginString();
  w.Raw("ip-");
  AppendIp(w, ip, '-');
  if (region == "us-east-1") {
    w.Raw(".ec2.internal");
  } else {
    w.RawChar('.');
    w.Raw(region);
    w.Raw(".compute.internal");
  }
  w.EndString();
}

void PublicDnsField(JsonWriter& w, std::string_view key, std::uint32_t ip, std::string_view region) {
  w.Key(key);
  w.BeginString();
  w.Raw("ec2-");
  AppendIp(w, ip, '-');
  if (region == "us-east-1") {
    w.Raw(".compute-1.amazonaws.com");
  } else {
    w.RawChar('.');
    w.Raw(region);
    w.Raw(".compute.amazonaws.com");
  }
  w.EndString();
}

void TimeField(JsonWriter& w, std::string_view key, std::uint32_t seconds) {
  // Days since 2022-01-01 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
  const std::int64_t days = 18993 + seconds / 86400;  // 2022-01-01 is day 18993 of the epoch
  const std::int64_t z = days + 719468;
  const std::int64_t era = z / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  const unsigned rest = seconds % 86400;
  w.Key(key);
  w.BeginString();
  AppendNumber(w, static_cast<std::uint64_t>(year));
  w.RawChar('-');
  AppendTwoDigits(w, month);
  w.RawChar('-');
  AppendTwoDigits(w, day);
  w.RawChar('T');
  AppendTwoDigits(w, rest / 3600);
  w.RawChar(':');
  AppendTwoDigits(w, rest / 60 % 60);
  w.RawChar(':');
  AppendTwoDigits(w, rest % 60);
  w.Raw("+00:00");
  w.EndString();
}

void NameTags(JsonWriter& w, std::string_view name, std::string_view environment, std::string_view key) {
  w.Key(key);
  w.BeginArray();
  const std::string_view pairs[][2] = {
      {"Name", name}, {"Environment", environment}, {"ManagedBy", "terraform"}};
  for (const auto& pair : pairs) {
    w.BeginObject();
    w.Field("Key", pair[0]);
    w.Field("Value", pair[1]);
    w.EndObject();
  }
  w.EndArray();
}

std::string_view EnvironmentOf(std::string_view vpc_name) { return vpc_name.substr(0, vpc_name.find('-')); }

}  // namespace reachcheck::bench
