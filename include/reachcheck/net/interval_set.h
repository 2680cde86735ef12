// SPDX-License-Identifier: Apache-2.0
// A set of unsigned integers kept as sorted, disjoint, non-adjacent closed intervals.
// Used for ports (16 bits), protocols (8 bits), IPv4 (32 bits) and IPv6 (128 bits). Up to
// 16 bytes of intervals are kept inline, so copying a set of one or two ranges allocates nothing.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <limits>
#include <span>
#include <utility>

#include "reachcheck/base/small_vector.h"

namespace reachcheck::net {

template <typename T>
class IntervalSet {
  // The max-value edge cases below rely on numeric_limits<T>::max() being the largest value
  // (true for unsigned __int128 in both -std=c++20 and -std=gnu++20 on g++ 12).
  static_assert(std::numeric_limits<T>::is_specialized && std::numeric_limits<T>::is_integer &&
                    !std::numeric_limits<T>::is_signed,
                "IntervalSet needs an unsigned integer type");

 public:
  struct Interval {
    T lo;
    T hi;  ///< inclusive
    bool operator==(const Interval&) const = default;
  };

  IntervalSet() = default;
  /// [lo, hi]; empty when lo > hi.
  static IntervalSet Range(T lo, T hi) {
    IntervalSet s;
    if (lo <= hi) s.items_.push_back({lo, hi});
    return s;
  }
  static IntervalSet Single(T value) { return Range(value, value); }
  static IntervalSet All() { return Range(0, std::numeric_limits<T>::max()); }

  bool IsEmpty() const { return items_.empty(); }
  bool IsAll() const {
    return items_.size() == 1 && items_[0].lo == 0 && items_[0].hi == std::numeric_limits<T>::max();
  }
  std::span<const Interval> Intervals() const { return {items_.data(), items_.size()}; }

  bool Contains(T value) const {
    auto it = std::upper_bound(items_.begin(), items_.end(), value,
                               [](T v, const Interval& i) { return v < i.lo; });
    return it != items_.begin() && std::prev(it)->hi >= value;
  }
  /// Every member of `other` is a member of this set. Allocates nothing: each interval of
  /// `other` must lie inside one interval of this set (intervals never touch).
  bool Contains(const IntervalSet& other) const {
    auto it = items_.begin();
    for (const Interval& o : other.items_) {
      it = std::partition_point(it, items_.end(), [&](const Interval& i) { return i.hi < o.lo; });
      if (it == items_.end() || it->lo > o.lo || it->hi < o.hi) return false;
    }
    return true;
  }
  /// Whether the sets share a member (allocates nothing).
  bool Intersects(const IntervalSet& other) const {
    std::size_t a = 0, b = 0;
    while (a < items_.size() && b < other.items_.size()) {
      if (items_[a].hi < other.items_[b].lo)
        a = Gallop(items_, a + 1, other.items_[b].lo);
      else if (other.items_[b].hi < items_[a].lo)
        b = Gallop(other.items_, b + 1, items_[a].lo);
      else
        return true;
    }
    return false;
  }

  /// Smallest and largest member; precondition: not empty.
  T Min() const { return items_.front().lo; }
  T Max() const { return items_.back().hi; }

  IntervalSet Union(const IntervalSet& other) const {
    Items all;
    all.reserve(items_.size() + other.items_.size());
    std::merge(items_.begin(), items_.end(), other.items_.begin(), other.items_.end(),
               std::back_inserter(all), [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
    IntervalSet out;
    for (const Interval& i : all) out.AppendMerging(i);
    return out;
  }

  /// In time linear in the smaller set (times a logarithm), not in the larger: a flow's few
  /// addresses against a set with an interval per public address of the estate.
  IntervalSet Intersect(const IntervalSet& other) const {
    IntervalSet out;
    std::size_t a = 0, b = 0;
    while (a < items_.size() && b < other.items_.size()) {
      if (items_[a].hi < other.items_[b].lo) {
        a = Gallop(items_, a + 1, other.items_[b].lo);
        continue;
      }
      if (other.items_[b].hi < items_[a].lo) {
        b = Gallop(other.items_, b + 1, items_[a].lo);
        continue;
      }
      T lo = std::max(items_[a].lo, other.items_[b].lo);
      T hi = std::min(items_[a].hi, other.items_[b].hi);
      if (lo <= hi) out.items_.push_back({lo, hi});
      if (items_[a].hi < other.items_[b].hi)
        ++a;
      else
        ++b;
    }
    return out;
  }

  IntervalSet Complement() const {
    IntervalSet out;
    T next = 0;
    bool open = true;  // whether [next, ...] is still to be emitted
    for (const Interval& i : items_) {
      if (i.lo > next) out.items_.push_back({next, static_cast<T>(i.lo - 1)});
      if (i.hi == std::numeric_limits<T>::max()) {
        open = false;
        break;
      }
      next = static_cast<T>(i.hi + 1);
    }
    if (open) out.items_.push_back({next, std::numeric_limits<T>::max()});
    return out;
  }

  /// This set without the members of `other`, in one sweep over both.
  IntervalSet Subtract(const IntervalSet& other) const {
    IntervalSet out;
    const Items& cut = other.items_;
    std::size_t k = 0;
    for (const Interval& i : items_) {
      k = Gallop(cut, k, i.lo);
      T lo = i.lo;
      bool gone = false;
      for (; k < cut.size() && cut[k].lo <= i.hi; ++k) {
        if (cut[k].lo > lo) out.items_.push_back({lo, static_cast<T>(cut[k].lo - 1)});
        if (cut[k].hi >= i.hi) {  // the cut reaches past this interval: keep it for the next
          gone = true;
          break;
        }
        lo = static_cast<T>(cut[k].hi + 1);
      }
      if (!gone) out.items_.push_back({lo, i.hi});
    }
    return out;
  }

  bool operator==(const IntervalSet&) const = default;

  /// Adds [lo, hi] where lo is >= every member's lo (merges with the last interval).
  /// An empty interval (lo > hi) is ignored.
  void AppendMerging(Interval i) {
    if (i.lo > i.hi) return;
    if (!items_.empty()) {
      Interval& last = items_.back();
      if (last.hi == std::numeric_limits<T>::max() || i.lo <= static_cast<T>(last.hi + 1)) {
        if (i.hi > last.hi) last.hi = i.hi;
        return;
      }
    }
    items_.push_back(i);
  }

 private:
  using Items = base::SmallVector<Interval, std::max<std::size_t>(1, 16 / sizeof(Interval))>;
  /// The first index at or after `from` whose interval ends at or above `value` (the size
  /// when none does): steps of 1, 2, 4, ... then a binary search, so that skipping to a
  /// neighbour costs one comparison and skipping far a logarithm.
  static std::size_t Gallop(const Items& items, std::size_t from, T value) {
    std::size_t lo = from, hi = from, step = 1;
    while (hi < items.size() && items[hi].hi < value) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    hi = std::min(hi, items.size());
    return static_cast<std::size_t>(
        std::partition_point(items.begin() + lo, items.begin() + hi, [&](const Interval& i) { return i.hi < value; }) -
        items.begin());
  }

  Items items_;
};

}  // namespace reachcheck::net
