#pragma once
// The variables a constraint binds, or a relation's operands: most lists hold one to three
// (a statement one, a quotient's or a difference's definition three, its operands two),
// held inline; a longer list (a sum's terms, a rank's series) is on the heap. The part of
// std::vector's interface the rules and the solver use.
//
// 16 bytes, aligned to 4, so that a Constraint is 32 bytes (docs/ARCHITECTURE.md, "The
// graph"): the size, then three ids inline or the heap block's address, whose capacity
// is not stored but follows from the size (the next power of two, at least four).

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
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
  VarList(const std::vector<VarId>& vars) {  // NOLINT(google-explicit-constructor)
    assign(vars.data(), vars.data() + vars.size());
  }
  VarList(const VarList& other) { assign(other.begin(), other.end()); }
  VarList(VarList&& other) noexcept { take(other); }
  VarList& operator=(const VarList& other) {
    if (this != &other) {
      release();
      assign(other.begin(), other.end());
    }
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
  [[nodiscard]] const VarId* data() const { return on_heap() ? heap() : words_; }
  [[nodiscard]] VarId* data() { return on_heap() ? heap() : words_; }
  [[nodiscard]] const_iterator begin() const { return data(); }
  [[nodiscard]] const_iterator end() const { return data() + size_; }
  [[nodiscard]] iterator begin() { return data(); }
  [[nodiscard]] iterator end() { return data() + size_; }
  [[nodiscard]] const VarId& operator[](std::size_t i) const { return data()[i]; }
  [[nodiscard]] VarId& operator[](std::size_t i) { return data()[i]; }
  [[nodiscard]] const VarId& front() const { return data()[0]; }
  [[nodiscard]] const VarId& back() const { return data()[size_ - 1]; }

  void push_back(VarId var) {
    if (size_ < kInline) {
      words_[size_++] = var;
      return;
    }
    // Full when the size is the capacity: three inline, or a power of two on the heap.
    if (size_ == kInline || std::has_single_bit(size_)) {
      const std::uint32_t size = size_;
      auto* bigger = new VarId[capacity_for(size + 1)];
      if (size == kInline) {
        std::copy_n(words_, kInline, bigger);
      } else {
        std::copy_n(heap(), size, bigger);
      }
      release();
      set_heap(bigger);
      size_ = size;
    }
    heap()[size_++] = var;
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
  static constexpr std::uint32_t kInline = 3;

  [[nodiscard]] static std::uint32_t capacity_for(std::uint32_t size) {
    return std::max<std::uint32_t>(std::bit_ceil(size), kInline + 1);
  }
  [[nodiscard]] bool on_heap() const { return size_ > kInline; }
  [[nodiscard]] VarId* heap() const {
    VarId* block = nullptr;
    std::memcpy(&block, words_, sizeof block);
    return block;
  }
  void set_heap(VarId* block) { std::memcpy(words_, &block, sizeof block); }
  // Into an empty list (size 0, nothing held).
  void assign(const VarId* first, const VarId* last) {
    const auto count = static_cast<std::uint32_t>(last - first);
    if (count > kInline) {
      auto* block = new VarId[capacity_for(count)];
      std::copy(first, last, block);
      set_heap(block);
    } else {
      std::copy(first, last, words_);
    }
    size_ = count;
  }
  // Frees the heap block, if any; the list is then empty.
  void release() {
    if (on_heap()) delete[] heap();
    size_ = 0;
  }
  // Takes `other`'s ids or block into an empty list; `other` is left empty.
  void take(VarList& other) {
    size_ = other.size_;
    std::memcpy(words_, other.words_, sizeof words_);
    other.size_ = 0;
  }

  std::uint32_t size_ = 0;
  VarId words_[kInline] = {};  // the ids, or (more than kInline) the heap block's address
};

static_assert(sizeof(VarList) == 16 && alignof(VarList) == 4);

}  // namespace cc
