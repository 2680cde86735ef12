// SPDX-License-Identifier: Apache-2.0
// TempDir: a scratch folder for a test, emptied when made and removed when it goes.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace reachcheck::testing {

class TempDir {
 public:
  /// `<system temporary folder>/reachcheck-<name>-<pid>`.
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / ("reachcheck-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// Writes `text` to `relative` (folders made as needed); returns the file's path.
  std::string Write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace reachcheck::testing
