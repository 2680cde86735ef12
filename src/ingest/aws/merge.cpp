// SPDX-License-Identifier: Apache-2.0
// Merging one file's state into the snapshot's: files are read into states of their own (on
// any thread) and appended in walk order, which gives the state a one-by-one read would.
#include <iterator>
#include <tuple>

#include "ingest/aws/loader.h"

namespace reachcheck::ingest::aws {
namespace {

template <typename Fn>
void ForEachList(Fn&& fn) {
  std::apply([&](auto... list) { (fn(list), ...); }, model::kElementLists);
}

// Moves the items of `from` to the end of `into` and frees `from`.
template <typename T>
void Append(std::vector<T>& into, std::vector<T>& from) {
  if (into.empty() && into.capacity() < from.size()) {
    into = std::move(from);
  } else {
    into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  }
  std::vector<T>().swap(from);
}

}  // namespace

void ReserveForFiles(SnapshotState& into, const std::vector<const SnapshotState*>& files) {
  ForEachList([&](auto list) {
    std::size_t total = (into.network.*list).size();
    for (const SnapshotState* file : files) total += (file->network.*list).size();
    (into.network.*list).reserve(total);
  });
}

void MergeFileState(SnapshotState& into, SnapshotState&& file) {
  std::vector<model::Handle> remap(file.network.scopes.size());
  for (std::size_t i = 0; i < remap.size(); ++i) remap[i] = into.network.InternScope(file.network.scopes[i]);
  ForEachScope(file, [&](model::Handle& scope) {
    if (scope != model::kNone) scope = remap[scope];
  });
  const auto instances_before = static_cast<model::Handle>(into.network.instances.size());
  for (model::Handle instance : file.instances_without_interfaces) {
    into.instances_without_interfaces.push_back(instances_before + instance);
  }
  file.instances_without_interfaces.clear();
  ForEachList([&](auto list) { Append(into.network.*list, file.network.*list); });
  file.network.scopes.clear();
  Append(into.tags, file.tags);
  Append(into.prefix_list_entries, file.prefix_list_entries);
  Append(into.prefix_list_sources, file.prefix_list_sources);
}

}  // namespace reachcheck::ingest::aws
