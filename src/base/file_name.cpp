// SPDX-License-Identifier: Apache-2.0
// The process-wide table of interned file names.
#include "reachcheck/base/file_name.h"

#include <mutex>
#include <unordered_set>

namespace reachcheck::base {
namespace {

struct NameTable {
  std::mutex lock;
  std::unordered_set<std::string> names;  // nodes never move: their strings' addresses are stable
};

// Never destroyed: names may be used by static objects until the very end of the process.
NameTable& Table() {
  static NameTable* table = new NameTable();
  return *table;
}

}  // namespace

FileName::FileName(std::string_view path) : text_(file_name_detail::EmptyName()) {
  if (path.empty()) return;
  NameTable& table = Table();
  std::lock_guard<std::mutex> guard(table.lock);
  text_ = &*table.names.emplace(path).first;
}

}  // namespace reachcheck::base
