// SPDX-License-Identifier: Apache-2.0
// SourceRef printing.
#include "reachcheck/base/source_ref.h"

namespace reachcheck::base {

std::string SourceRef::ToString() const { return pointer.empty() ? file.str() : file + "#" + pointer; }

}  // namespace reachcheck::base
