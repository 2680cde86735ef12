// SPDX-License-Identifier: Apache-2.0
// Managed and AWS-managed prefix lists (PrefixLists / ManagedPrefixLists + entries).
#pragma once

#include <string>
#include <vector>

#include "reachcheck/model/element.h"
#include "reachcheck/base/text.h"
#include "reachcheck/net/cidr.h"

namespace reachcheck::model {

struct PrefixList : Element {
  base::Text name;            ///< PrefixListName, e.g. "com.amazonaws.us-west-2.s3"
  base::Text owner_id;        ///< "AWS" for AWS-managed lists
  base::Text address_family;  ///< "IPv4" / "IPv6"
  std::vector<net::Cidr> cidrs;
  bool entries_known = false;  ///< false when only the list's metadata was in the snapshot
  bool operator==(const PrefixList&) const = default;
};

}  // namespace reachcheck::model
