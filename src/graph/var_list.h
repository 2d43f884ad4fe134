#pragma once
// The variables a constraint binds: most constraints bind one to four (a statement one, a
// quotient or a difference three), held inline; a longer list (a sum's terms, a rank's
// series) is on the heap. The part of std::vector's interface the rules and the solver use.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace cc {

using VarId = std::uint32_t;

class VarList {
 public:
  using value_type = VarId;
  using iterator = VarId*;
  using const_iterator = const VarId*;

  VarList() = default;
  VarList(std::initializer_list<VarId> vars) { assign(vars.begin(), vars.end()); }
  VarList(const std::vector<VarId>& vars) { assign(vars.data(), vars.data() + vars.size()); }
  VarList(const VarList& other) { assign(other.begin(), other.end()); }
  VarList(VarList&& other) noexcept { take(other); }
  VarList& operator=(const VarList& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  VarList& operator=(VarList&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  ~VarList() { release(); }

  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] const VarId* data() const { return on_heap() ? heap_ : inline_; }
  [[nodiscard]] VarId* data() { return on_heap() ? heap_ : inline_; }
  [[nodiscard]] const_iterator begin() const { return data(); }
  [[nodiscard]] const_iterator end() const { return data() + size_; }
  [[nodiscard]] iterator begin() { return data(); }
  [[nodiscard]] iterator end() { return data() + size_; }
  [[nodiscard]] const VarId& operator[](std::size_t i) const { return data()[i]; }
  [[nodiscard]] VarId& operator[](std::size_t i) { return data()[i]; }
  [[nodiscard]] const VarId& front() const { return data()[0]; }
  [[nodiscard]] const VarId& back() const { return data()[size_ - 1]; }

  void push_back(VarId var) {
    if (size_ == capacity_) grow(capacity_ * 2);
    data()[size_++] = var;
  }
  // Appends [first, last): `at` must be end(), the only place the rules insert.
  template <typename It>
  void insert(const_iterator at, It first, It last) {
    (void)at;
    for (; first != last; ++first) push_back(*first);
  }

  friend bool operator==(const VarList& a, const VarList& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  static constexpr std::uint32_t kInline = 4;

  [[nodiscard]] bool on_heap() const { return capacity_ > kInline; }
  void assign(const VarId* first, const VarId* last) {
    size_ = 0;
    const auto count = static_cast<std::uint32_t>(last - first);
    if (count > capacity_) grow(count);
    std::copy(first, last, data());
    size_ = count;
  }
  void grow(std::uint32_t capacity) {
    auto* bigger = new VarId[capacity];
    std::copy(begin(), end(), bigger);
    release();
    heap_ = bigger;
    capacity_ = capacity;
  }
  void release() {
    if (on_heap()) delete[] heap_;
    capacity_ = kInline;
  }
  void take(VarList& other) {
    size_ = other.size_;
    capacity_ = other.capacity_;
    if (other.on_heap()) {
      heap_ = other.heap_;
    } else {
      std::copy(other.inline_, other.inline_ + other.size_, inline_);
    }
    other.size_ = 0;
    other.capacity_ = kInline;
  }

  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInline;
  union {
    VarId inline_[kInline] = {};
    VarId* heap_;
  };
};

}  // namespace cc
