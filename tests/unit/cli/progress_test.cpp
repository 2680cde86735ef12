// SPDX-License-Identifier: Apache-2.0
// The progress line: its text, the one-second delay, at most ten updates a second, the final
// erase, and silence when stderr is not a terminal.
#include "reachcheck/cli/progress.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace reachcheck::cli {
namespace {

using namespace std::chrono_literals;

struct FakeClock {
  ProgressLine::Clock::time_point now{};
  std::function<ProgressLine::Clock::time_point()> Function() {
    return [this] { return now; };
  }
};

TEST_CASE("progress: load and sweep texts") {
  ingest::LoadProgress load;
  load.files_done = 12;
  load.files_total = 1125;
  load.bytes_read = 3'249'999;
  load.resources_modelled = 1'234'567;
  CHECK(FormatLoadProgress(load) == "loading snapshot: 12/1,125 files, 3.2 MB, 1,234,567 resources");
  CHECK(FormatLoadProgress(ingest::LoadProgress{}) == "loading snapshot: 0/0 files, 0.0 MB, 0 resources");
  CHECK(FormatSweepProgress("exposure", 120, 2000, "interfaces") == "exposure: 120/2,000 interfaces");
  CHECK(FormatSweepProgress("lint", 999, 1000, "rules") == "lint: 999/1,000 rules");
}

TEST_CASE("progress: nothing before one second, then at most every 100 ms, erased at the end") {
  std::ostringstream err;
  FakeClock clock;
  int built = 0;
  auto text = [&built] {
    ++built;
    return "step " + std::to_string(built);
  };
  {
    ProgressLine line(err, true, clock.Function());
    clock.now += 999ms;
    line.Update(text);
    CHECK(err.str().empty());
    CHECK(built == 0);  // the text is not even built
    clock.now += 1ms;
    line.Update(text);
    CHECK(err.str() == "\rstep 1\x1b[K");
    clock.now += 99ms;
    line.Update(text);
    CHECK(built == 1);
    clock.now += 1ms;
    line.Update(text);
    CHECK(err.str() == "\rstep 1\x1b[K\rstep 2\x1b[K");
  }
  CHECK(err.str() == "\rstep 1\x1b[K\rstep 2\x1b[K\r\x1b[K");  // erased by the destructor
}

TEST_CASE("progress: a fast load leaves no trace") {
  std::ostringstream err;
  FakeClock clock;
  {
    ProgressLine line(err, true, clock.Function());
    clock.now += 500ms;
    line.Update([] { return std::string("x"); });
    line.Clear();
  }
  CHECK(err.str().empty());
}

TEST_CASE("progress: never when stderr is not a terminal") {
  std::ostringstream err;
  CHECK_FALSE(StderrIsTerminal(err));
  FakeClock clock;
  {
    ProgressLine line(err, StderrIsTerminal(err), clock.Function());
    for (int i = 0; i < 50; ++i) {
      clock.now += 1s;
      line.Update([] { return std::string("x"); });
    }
  }
  CHECK(err.str().empty());
}

}  // namespace
}  // namespace reachcheck::cli
