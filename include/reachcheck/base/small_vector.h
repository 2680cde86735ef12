// SPDX-License-Identifier: Apache-2.0
// A vector of trivially copyable values that keeps up to N of them inline: copying or
// growing a short one allocates nothing. The inline values share their bytes with the heap
// pointer (a vector is on the heap exactly when its capacity exceeds N). Interval sets and
// a walked flow's bookkeeping are copied at every hop of a query and almost always hold one
// or two values.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>
#include <type_traits>

namespace reachcheck::base {

template <typename T, std::size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                "SmallVector copies its values as bytes");
  static_assert(N >= 1);

 public:
  using value_type = T;
  using size_type = std::size_t;
  using iterator = T*;
  using const_iterator = const T*;

  SmallVector() = default;
  SmallVector(std::initializer_list<T> values) { Append(values.begin(), values.size()); }
  SmallVector(const SmallVector& other) {
    if (!other.OnHeap()) {
      // A fixed size: the copy is inlined.
      std::memcpy(static_cast<void*>(store_.inline_), other.store_.inline_, sizeof(store_.inline_));
      size_ = other.size_;
    } else {
      Append(other.store_.heap_, other.size_);
    }
  }
  SmallVector(SmallVector&& other) noexcept { Steal(other); }
  SmallVector& operator=(const SmallVector& other) {
    if (this == &other) return *this;
    if (!OnHeap() && !other.OnHeap()) {
      std::memcpy(static_cast<void*>(store_.inline_), other.store_.inline_, sizeof(store_.inline_));
      size_ = other.size_;
    } else {
      size_ = 0;
      Append(other.data(), other.size_);
    }
    return *this;
  }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this != &other) {
      Free();
      Steal(other);
    }
    return *this;
  }
  ~SmallVector() { Free(); }

  T* data() { return OnHeap() ? store_.heap_ : store_.inline_; }
  const T* data() const { return OnHeap() ? store_.heap_ : store_.inline_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::size_t capacity() const { return capacity_; }

  iterator begin() { return data(); }
  iterator end() { return data() + size_; }
  const_iterator begin() const { return data(); }
  const_iterator end() const { return data() + size_; }
  T& operator[](std::size_t i) { return data()[i]; }
  const T& operator[](std::size_t i) const { return data()[i]; }
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size_ - 1]; }
  const T& back() const { return data()[size_ - 1]; }

  void clear() { size_ = 0; }
  void reserve(std::size_t wanted) {
    if (wanted > capacity_) Grow(wanted);
  }
  void push_back(const T& value) {
    if (size_ == capacity_) {
      const T copy = value;  // `value` may live in this vector
      Grow(capacity_ * 2);
      data()[size_++] = copy;
      return;
    }
    data()[size_++] = value;
  }

  friend bool operator==(const SmallVector& a, const SmallVector& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }

 private:
  void Append(const T* values, std::size_t count) {
    reserve(size_ + count);
    if (count != 0) std::memcpy(static_cast<void*>(data() + size_), values, count * sizeof(T));
    size_ += count;
  }
  void Grow(std::size_t wanted) {
    T* bigger = static_cast<T*>(::operator new(wanted * sizeof(T)));
    if (size_ != 0) std::memcpy(static_cast<void*>(bigger), data(), size_ * sizeof(T));
    Free();
    store_.heap_ = bigger;
    capacity_ = static_cast<std::uint32_t>(wanted);
  }
  bool OnHeap() const { return capacity_ != N; }
  void Free() {
    if (OnHeap()) ::operator delete(store_.heap_);
    capacity_ = N;
  }
  /// Takes `other`'s values (its heap block, or a copy of its inline ones); leaves it empty.
  void Steal(SmallVector& other) {
    if (other.OnHeap()) {
      store_.heap_ = other.store_.heap_;
      capacity_ = other.capacity_;
      other.capacity_ = N;
    } else {
      std::memcpy(static_cast<void*>(store_.inline_), other.store_.inline_, sizeof(store_.inline_));
    }
    size_ = other.size_;
    other.size_ = 0;
  }

  union Store {
    T* heap_;  ///< when OnHeap()
    T inline_[N] = {};
  } store_{};
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;
};

}  // namespace reachcheck::base
