// SPDX-License-Identifier: Apache-2.0
// The whole command-line behaviour, callable in-process by tests.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace reachcheck::cli {

/// Parses `args` (without the program name), runs the command, writes to `out`/`err` and
/// returns the exit status. The only place that prints or chooses an exit code, and the
/// only catch-all for internal errors (exit 3). `leave_to_exit` (the executable, which exits
/// right after): the loaded model and engine are not freed, the exit frees them at once.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool leave_to_exit = false);

}  // namespace reachcheck::cli
