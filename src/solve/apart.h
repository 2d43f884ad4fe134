#pragma once
// The statements of one quantity whose values do not overlap a given one, found without
// comparing every pair: a quantity stated by a thousand sources would otherwise cost a
// million interval comparisons where the diagnosis weighs its statements (make_units) and
// looks for revised figures (docs/ARCHITECTURE.md, "Which fact to doubt").

#include <cstddef>
#include <vector>

#include "model/interval.h"

namespace cc {

class ApartIndex {
 public:
  // `values` by position; they must outlive the index.
  explicit ApartIndex(std::vector<const Interval*> values);

  // The positions whose value does not overlap `value` (exactly those for which
  // `!values[j]->overlaps(value)`), ascending, into `out` (cleared first).
  void apart_from(const Interval& value, std::vector<std::size_t>& out) const;

  [[nodiscard]] std::size_t size() const { return values_.size(); }

 private:
  std::vector<const Interval*> values_;
  std::vector<std::size_t> by_lo_;  // non-empty values bounded below, by lower end, open first
  std::vector<std::size_t> by_hi_;  // non-empty values bounded above, by upper end, open first
  std::vector<std::size_t> empty_;  // empty values overlap nothing
};

}  // namespace cc
