// SPDX-License-Identifier: Apache-2.0
// The reachcheck executable: forwards its arguments to cli::Run.
#include <iostream>
#include <string>
#include <vector>

#include "reachcheck/cli/run.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return reachcheck::cli::Run(args, std::cout, std::cerr);
}
