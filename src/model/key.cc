#include "model/key.h"

#include <algorithm>
#include <bit>

namespace cc {

std::size_t KeyHash::operator()(const Key& k) const noexcept {
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::uint32_t part : {k.measure, k.place, k.period, k.subset}) {
    h ^= part;
    h *= 1099511628211ULL;
  }
  return static_cast<std::size_t>(h);
}

KeyTable::KeyTable() {
  subsets_.emplace_back();
  subset_index_.emplace(std::string(), 0);
}

PeriodId KeyTable::intern_period(const Period& period) {
  const std::uint64_t packed =
      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(period.first)) << 32) |
      static_cast<std::uint32_t>(period.last);
  const auto [it, inserted] = period_index_.emplace(packed, static_cast<PeriodId>(periods_.size()));
  if (inserted) periods_.push_back(period);
  return it->second;
}

SubsetValueId KeyTable::intern_value(std::string_view value) {
  const auto [it, inserted] =
      value_index_.emplace(fold_name(value), static_cast<SubsetValueId>(values_.size()));
  if (inserted) values_.emplace_back(value);
  return it->second;
}

namespace {
std::string subset_signature(const Subset& items) {
  std::string signature;
  for (const auto& item : items) {
    signature += std::to_string(item.dimension) + ':' + std::to_string(item.value) + ';';
  }
  return signature;
}
}  // namespace

SubsetId KeyTable::intern_subset(Subset items) {
  std::sort(items.begin(), items.end());
  const auto [it, inserted] =
      subset_index_.emplace(subset_signature(items), static_cast<SubsetId>(subsets_.size()));
  if (inserted) subsets_.push_back(std::move(items));
  return it->second;
}

std::optional<SubsetId> KeyTable::find_subset(const Subset& items) const {
  Subset sorted = items;
  std::sort(sorted.begin(), sorted.end());
  const auto it = subset_index_.find(subset_signature(sorted));
  if (it == subset_index_.end()) return std::nullopt;
  return it->second;
}

namespace {
constexpr KeyId kNoKey = 0xffffffffU;
}  // namespace

// The slot that holds `key`, or the empty one where it would go.
std::size_t KeyTable::slot_of(const Key& key) const {
  const std::size_t mask = key_slots_.size() - 1;
  std::uint64_t h = KeyHash{}(key);
  h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9U;  // mixed: the table takes the low bits
  for (std::size_t at = h & mask;; at = (at + 1) & mask) {
    const KeyId id = key_slots_[at];
    if (id == kNoKey || keys_[id] == key) return at;
  }
}

// Four slots a key (at least 64), the keys placed again: a quarter is used after, half when
// it grows next.
void KeyTable::grow_key_slots() {
  key_slots_.assign(std::max<std::size_t>(64, std::bit_ceil(4 * (keys_.size() + 1))), kNoKey);
  for (KeyId id = 0; id < keys_.size(); ++id) key_slots_[slot_of(keys_[id])] = id;
}

KeyId KeyTable::intern(const Key& key) {
  if (2 * (keys_.size() + 1) > key_slots_.size()) grow_key_slots();
  KeyId& slot = key_slots_[slot_of(key)];
  if (slot == kNoKey) {
    slot = static_cast<KeyId>(keys_.size());
    keys_.push_back(key);
  }
  return slot;
}

std::optional<KeyId> KeyTable::find(const Key& key) const {
  if (key_slots_.empty()) return std::nullopt;
  const KeyId id = key_slots_[slot_of(key)];
  if (id == kNoKey) return std::nullopt;
  return id;
}

}  // namespace cc
