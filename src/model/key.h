#pragma once
// Keys name quantities: (measure, place, period, subset). Everything is interned to small
// integers, in the order the loader meets them (files in sorted order), so ids are stable.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/period.h"
#include "model/vocabulary.h"

namespace cc {

using PeriodId = std::uint32_t;
using SubsetId = std::uint32_t;  // 0 is the empty subset (the whole)
using SubsetValueId = std::uint32_t;
using KeyId = std::uint32_t;

// One dimension → value pair of a subset; a subset is these, sorted by dimension.
struct SubsetItem {
  DimensionId dimension = 0;
  SubsetValueId value = 0;
  friend bool operator==(const SubsetItem&, const SubsetItem&) = default;
  friend auto operator<=>(const SubsetItem&, const SubsetItem&) = default;
};
using Subset = std::vector<SubsetItem>;

struct Key {
  MeasureId measure = 0;
  PlaceId place = 0;
  PeriodId period = 0;
  SubsetId subset = 0;
  friend bool operator==(const Key&, const Key&) = default;
};

struct KeyHash {
  std::size_t operator()(const Key& k) const noexcept;
};

class KeyTable {
 public:
  KeyTable();

  PeriodId intern_period(const Period& period);
  [[nodiscard]] const Period& period(PeriodId id) const { return periods_[id]; }
  [[nodiscard]] std::size_t period_count() const { return periods_.size(); }

  // Subset values are matched folded (case, white space); the first spelling is kept.
  SubsetValueId intern_value(std::string_view value);
  [[nodiscard]] const std::string& value_name(SubsetValueId id) const { return values_[id]; }
  [[nodiscard]] std::size_t value_count() const { return values_.size(); }

  // `items` need not be sorted; a dimension given twice is the caller's error to report.
  SubsetId intern_subset(Subset items);
  [[nodiscard]] const Subset& subset(SubsetId id) const { return subsets_[id]; }
  [[nodiscard]] std::size_t subset_count() const { return subsets_.size(); }

  KeyId intern(const Key& key);
  [[nodiscard]] const Key& key(KeyId id) const { return keys_[id]; }
  [[nodiscard]] std::size_t key_count() const { return keys_.size(); }
  // The id of an already interned key, or nullopt.
  [[nodiscard]] std::optional<KeyId> find(const Key& key) const;
  [[nodiscard]] std::optional<SubsetId> find_subset(const Subset& items) const;

 private:
  std::vector<Period> periods_;
  std::unordered_map<std::uint64_t, PeriodId> period_index_;
  std::vector<std::string> values_;
  std::unordered_map<std::string, SubsetValueId> value_index_;
  std::vector<Subset> subsets_;
  std::unordered_map<std::string, SubsetId> subset_index_;
  // The keys' index: open addressing over `keys_` (a KeyId a slot, at most half of them
  // used), 4 to 8 bytes a key where a hash map's node and bucket took about 56.
  [[nodiscard]] std::size_t slot_of(const Key& key) const;
  void grow_key_slots();
  std::vector<Key> keys_;
  std::vector<KeyId> key_slots_;
};

}  // namespace cc
