// SPDX-License-Identifier: Apache-2.0
// Progress on stderr for long loads and sweeps: one line rewritten in place, shown only on a
// terminal, only after the work has taken a second, at most ten times a second, and erased
// when the work ends. The library stages report through callbacks; this is the only printer.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

#include "reachcheck/ingest/load.h"

namespace reachcheck::cli {

/// "loading snapshot: 12/75 files, 3.2 MB, 1,234 resources"
std::string FormatLoadProgress(const ingest::LoadProgress& progress);
/// "exposure: 120/2,000 interfaces"
std::string FormatSweepProgress(const std::string& what, std::size_t done, std::size_t total,
                                const std::string& unit);

class ProgressLine {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kDelay{1000};
  static constexpr std::chrono::milliseconds kInterval{100};

  /// `enabled`: whether `err` is a terminal (see StderrIsTerminal). `now` is for tests.
  ProgressLine(std::ostream& err, bool enabled, std::function<Clock::time_point()> now = Clock::now);
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  /// Shows `text` (built only when it will be shown) unless it is too early or too soon.
  void Update(const std::function<std::string()>& text);
  /// Erases the line if anything was shown.
  void Clear();

 private:
  std::ostream& err_;
  bool enabled_;
  std::function<Clock::time_point()> now_;
  Clock::time_point start_;
  Clock::time_point last_shown_;
  bool shown_ = false;
};

/// Whether `err` is the process's std::cerr and file descriptor 2 is a terminal.
bool StderrIsTerminal(const std::ostream& err);

}  // namespace reachcheck::cli
