// SPDX-License-Identifier: Apache-2.0
// CIDR parsing (with host-bit detection and a reason for every rejection), printing and
// containment.
#include "reachcheck/net/cidr.h"

#include "net/decimal.h"
#include "net/masks.h"

namespace reachcheck::net {
namespace {

const char* FamilyName(Family family) { return family == Family::kV4 ? "IPv4" : "IPv6"; }

CidrParse Reject(std::string error) {
  CidrParse out;
  out.error = std::move(error);
  return out;
}

}  // namespace

IpAddress Cidr::Last() const {
  return IpAddress{base.family, base.bits | internal::HostMask(base.family, length)};
}

bool Cidr::Contains(const IpAddress& address) const {
  return address.family == base.family &&
         (address.bits & internal::NetMask(base.family, length)) == base.bits;
}

bool Cidr::Contains(const Cidr& other) const {
  return other.family() == family() && other.length >= length && Contains(other.base);
}

bool Cidr::Overlaps(const Cidr& other) const { return Contains(other) || other.Contains(*this); }

std::string Cidr::ToString() const { return base.ToString() + "/" + std::to_string(length); }

Cidr Cidr::Host(const IpAddress& address) { return Cidr{address, FamilyBits(address.family)}; }

CidrParse ParseCidr(std::string_view text) {
  std::size_t slash = text.find('/');
  std::string quoted = "'" + std::string(text) + "'";
  if (text.empty()) return Reject("an empty text is not a CIDR block");
  if (slash == std::string_view::npos) {
    return Reject(quoted + " has no prefix length (expected address/length)");
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    return Reject(quoted + " has more than one '/'");
  }
  std::string_view address_text = text.substr(0, slash);
  std::string_view length_text = text.substr(slash + 1);
  Family family = address_text.find(':') == std::string_view::npos ? Family::kV4 : Family::kV6;
  if (address_text.empty()) return Reject(quoted + " has no address before '/'");
  std::optional<IpAddress> address =
      family == Family::kV4 ? ParseIpv4(address_text) : ParseIpv6(address_text);
  if (!address) {
    return Reject("'" + std::string(address_text) + "' is not an " + FamilyName(family) + " address");
  }
  if (length_text.empty()) return Reject(quoted + " has no prefix length after '/'");
  if (!internal::AllDigits(length_text)) {
    return Reject("prefix length '" + std::string(length_text) + "' is not a number");
  }
  if (length_text.size() > 1 && length_text[0] == '0') {
    return Reject("prefix length '" + std::string(length_text) + "' has a leading zero");
  }
  int max_length = FamilyBits(family);
  std::optional<std::uint32_t> length =
      internal::ParseDecimal(length_text, static_cast<std::uint32_t>(max_length));
  if (!length) {
    return Reject("prefix length " + std::string(length_text) + " is out of range 0-" +
                  std::to_string(max_length));
  }
  CidrParse out;
  int prefix = static_cast<int>(*length);
  Uint128 host_bits = address->bits & internal::HostMask(family, prefix);
  out.host_bits_set = host_bits != 0;
  out.cidr = Cidr{IpAddress{family, address->bits & ~host_bits}, prefix};
  return out;
}

}  // namespace reachcheck::net
