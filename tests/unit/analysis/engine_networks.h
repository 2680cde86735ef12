// SPDX-License-Identifier: Apache-2.0
// Networks the engine's tests share, built with the model builder.
#pragma once

#include "support/model_builder.h"

namespace reachcheck::analysis::testutil {

/// vpc-a 10.0.0.0/16 + 2600:1f18:a::/56 with igw-a:
///   subnet-pub 10.0.1.0/24 + 2600:1f18:a:1::/64 (rtb-pub: 0/0, ::/0 -> igw-a): eni-web
///   10.0.1.10 (public 54.0.0.10, IPv6 2600:1f18:a:1::10, sg-web, i-web) and nat-a 10.0.1.100
///   (EIP 52.0.0.100);
///   subnet-priv 10.0.2.0/24 (main rtb-main: 0/0 -> nat-a, 10.1.0.0/16 -> pcx-ab): eni-app
///   10.0.2.20 (sg-app, i-app).
/// vpc-b 10.1.0.0/16: subnet-b 10.1.1.0/24 (rtb-b: 10.0.0.0/16 -> pcx-ab): eni-db 10.1.1.30
///   (sg-db: tcp/5432 from sg-app across the peering).
/// sg-web: tcp/443 from anywhere (v4 and v6), tcp/22 from 10.0.0.0/16, ICMP echo from 0/0;
/// sg-app: tcp/8080 from sg-web. Default ACLs allow everything.
inline void TwoTier(testing::ModelBuilder& b) {
  b.Vpc("vpc-a", "10.0.0.0/16").Ipv6("2600:1f18:a::/56");
  b.Subnet("subnet-pub", "vpc-a", "10.0.1.0/24").Ipv6("2600:1f18:a:1::/64");
  b.Subnet("subnet-priv", "vpc-a", "10.0.2.0/24");
  b.Igw("igw-a", "vpc-a");
  b.Nat("nat-a", "subnet-pub", "10.0.1.100", "52.0.0.100");
  b.RouteTable("rtb-pub", "vpc-a").Associate("subnet-pub").Route("0.0.0.0/0", "igw-a").Route("::/0", "igw-a");
  b.RouteTable("rtb-main", "vpc-a").Main().Route("0.0.0.0/0", "nat-a").Route("10.1.0.0/16", "pcx-ab");
  b.Vpc("vpc-b", "10.1.0.0/16");
  b.Subnet("subnet-b", "vpc-b", "10.1.1.0/24");
  b.RouteTable("rtb-b", "vpc-b").Main().Route("10.0.0.0/16", "pcx-ab");
  b.Peering("pcx-ab", "vpc-a", "vpc-b");
  b.SecurityGroup("sg-web", "vpc-a")
      .Ingress("tcp", 443, "0.0.0.0/0")
      .Ingress("tcp", 443, "::/0")
      .Ingress("tcp", 22, "10.0.0.0/16")
      .Ingress("icmp", 8, -1, "0.0.0.0/0")
      .EgressAll()
      .EgressAll("::/0");
  b.SecurityGroup("sg-app", "vpc-a").Ingress("tcp", 8080, "sg-web").EgressAll();
  b.SecurityGroup("sg-db", "vpc-b")
      .Ingress("tcp", 5432, "sg-app")
      .Peered("111111111111", "vpc-a")
      .EgressAll();
  b.Interface("eni-web", "subnet-pub", "10.0.1.10")
      .PublicIp("54.0.0.10")
      .Ipv6("2600:1f18:a:1::10")
      .Group("sg-web");
  b.Instance("i-web", {"eni-web"});
  b.Interface("eni-app", "subnet-priv", "10.0.2.20").Group("sg-app");
  b.Instance("i-app", {"eni-app"});
  b.Interface("eni-db", "subnet-b", "10.1.1.30").Group("sg-db");
}

}  // namespace reachcheck::analysis::testutil
