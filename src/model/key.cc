#include "model/key.h"

#include <algorithm>

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

KeyId KeyTable::intern(const Key& key) {
  const auto [it, inserted] = key_index_.emplace(key, static_cast<KeyId>(keys_.size()));
  if (inserted) keys_.push_back(key);
  return it->second;
}

std::optional<KeyId> KeyTable::find(const Key& key) const {
  const auto it = key_index_.find(key);
  if (it == key_index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace cc
