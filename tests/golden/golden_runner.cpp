// SPDX-License-Identifier: Apache-2.0
// Runs one golden case: fixtures/golden/<command>/<case>/case.json holds {"args": [...],
// "exit": N}; stdout and stderr must equal expected.stdout / expected.stderr byte for byte
// (a missing expected.stderr means "stderr is not checked"). With REACHCHECK_UPDATE_GOLDEN=1
// the expected files are rewritten instead, for review in the diff.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "reachcheck/cli/run.h"

namespace {

std::string ReadFile(const std::string& path, bool* found) {
  std::ifstream in(path, std::ios::binary);
  *found = static_cast<bool>(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Prints the first differing line of two texts.
void ShowDifference(const std::string& what, const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 1;
  while (true) {
    bool he = static_cast<bool>(std::getline(e, el));
    bool ha = static_cast<bool>(std::getline(a, al));
    if (!he && !ha) break;
    if (!he || !ha || el != al) {
      std::cerr << what << " differs at line " << line << "\n  expected: " << (he ? el : "<end>")
                << "\n  actual:   " << (ha ? al : "<end>") << "\n";
      break;
    }
    ++line;
  }
  std::cerr << "---- actual " << what << " ----\n" << actual << "---- end ----\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: golden_runner CASE_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  bool found = false;
  nlohmann::json spec = nlohmann::json::parse(ReadFile(dir + "/case.json", &found));
  if (!found) {
    std::cerr << "no case.json in " << dir << "\n";
    return 2;
  }
  std::vector<std::string> args = spec.at("args").get<std::vector<std::string>>();
  int expected_exit = spec.at("exit").get<int>();
  if (spec.contains("env")) {
    for (auto& [key, value] : spec["env"].items()) setenv(key.c_str(), value.get<std::string>().c_str(), 1);
  }

  std::ostringstream out, err;
  int status = reachcheck::cli::Run(args, out, err);

  const char* update = std::getenv("REACHCHECK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    WriteFile(dir + "/expected.stdout", out.str());
    bool has_stderr = false;
    ReadFile(dir + "/expected.stderr", &has_stderr);
    if (has_stderr || !err.str().empty()) WriteFile(dir + "/expected.stderr", err.str());
    if (status != expected_exit) {
      spec["exit"] = status;
      WriteFile(dir + "/case.json", spec.dump(2) + "\n");
    }
    std::cout << "updated " << dir << "\n";
    return 0;
  }

  bool ok = true;
  if (status != expected_exit) {
    std::cerr << "exit status " << status << ", expected " << expected_exit << "\n";
    ok = false;
  }
  bool has_stdout = false;
  std::string expected_out = ReadFile(dir + "/expected.stdout", &has_stdout);
  if (!has_stdout) {
    std::cerr << "missing expected.stdout\n";
    ok = false;
  } else if (expected_out != out.str()) {
    ShowDifference("stdout", expected_out, out.str());
    ok = false;
  }
  bool has_stderr = false;
  std::string expected_err = ReadFile(dir + "/expected.stderr", &has_stderr);
  if (has_stderr && expected_err != err.str()) {
    ShowDifference("stderr", expected_err, err.str());
    ok = false;
  }
  if (!ok) std::cerr << "stderr was:\n" << err.str();
  return ok ? 0 : 1;
}
