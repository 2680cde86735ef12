// SPDX-License-Identifier: Apache-2.0
// The reachcheck executable: forwards its arguments to cli::Run.
#include <iostream>
#include <string>
#include <vector>

#include "reachcheck/cli/run.h"

// Under AddressSanitizer the leak check would report the model left to the exit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLeaveToExit = false;
#else
constexpr bool kLeaveToExit = true;
#endif

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return reachcheck::cli::Run(args, std::cout, std::cerr, kLeaveToExit);
}
