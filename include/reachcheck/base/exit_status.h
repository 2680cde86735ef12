// SPDX-License-Identifier: Apache-2.0
// The process exit codes of the command-line contract.
#pragma once

namespace reachcheck::base {

enum ExitStatus : int {
  kExitSuccess = 0,   ///< reachable / no findings at or above --fail-on
  kExitNegative = 1,  ///< unreachable / findings present
  kExitBadInput = 2,  ///< bad usage or bad input
  kExitInternal = 3,  ///< a bug
  kExitPartial = 4,   ///< `why`: some classes delivered, some not
};

}  // namespace reachcheck::base
