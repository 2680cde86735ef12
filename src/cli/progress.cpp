// SPDX-License-Identifier: Apache-2.0
// The progress line: formatting of load and sweep progress, throttling, erasing.
#include "reachcheck/cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace reachcheck::cli {
namespace {

// 1234567 -> "1,234,567".
std::string Grouped(std::size_t value) {
  std::string digits = std::to_string(value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(at, ",");
  return digits;
}

// 3_200_000 -> "3.2 MB" (decimal units, like the input sizes in docs/performance.md).
std::string Megabytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace

std::string FormatLoadProgress(const ingest::LoadProgress& progress) {
  return "loading snapshot: " + Grouped(progress.files_done) + "/" + Grouped(progress.files_total) +
         " files, " + Megabytes(progress.bytes_read) + ", " + Grouped(progress.resources_modelled) +
         " resources";
}

std::string FormatSweepProgress(const std::string& what, std::size_t done, std::size_t total,
                                const std::string& unit) {
  return what + ": " + Grouped(done) + "/" + Grouped(total) + " " + unit;
}

ProgressLine::ProgressLine(std::ostream& err, bool enabled, std::function<Clock::time_point()> now)
    : err_(err), enabled_(enabled), now_(std::move(now)), start_(now_()), last_shown_(start_) {}

void ProgressLine::Update(const std::function<std::string()>& text) {
  if (!enabled_) return;
  const Clock::time_point now = now_();
  if (now - start_ < kDelay) return;
  if (shown_ && now - last_shown_ < kInterval) return;
  err_ << "\r" << text() << "\x1b[K" << std::flush;  // rewrite the line, erase what is left
  shown_ = true;
  last_shown_ = now;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

bool StderrIsTerminal(const std::ostream& err) { return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1; }

}  // namespace reachcheck::cli
