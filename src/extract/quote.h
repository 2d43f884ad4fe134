#pragma once
// The stretch of a sentence to quote for a drafted value (private to src/extract/).

#include <cstddef>
#include <map>
#include <vector>

#include "extract/sentence.h"

namespace cc::extract {

struct Drafted {
  Span value;             // sentence-relative
  std::size_t first = 0;  // its tokens [first, end)
  std::size_t end = 0;
  bool doubtful = false;  // marked "check"
};

// The drafted values of a sentence, in text order, for counting those in a stretch of
// tokens in logarithmic time (a sentence may hold a thousand values).
class ValueIndex {
 public:
  explicit ValueIndex(const std::vector<Drafted>& drafted) : drafted_(drafted) {
    for (std::size_t d = 0; d < drafted.size(); ++d) {
      if (!drafted[d].doubtful) sure_.push_back(d);
    }
  }

  // The values not marked "check" within tokens [first, end), `except` aside.
  [[nodiscard]] std::size_t count(std::size_t first, std::size_t end, std::size_t except) const {
    // Values do not overlap, so both their first and their end tokens ascend.
    const auto lo =
        std::lower_bound(sure_.begin(), sure_.end(), first,
                         [&](std::size_t d, std::size_t at) { return drafted_[d].first < at; });
    const auto hi = std::partition_point(lo, sure_.end(),
                                         [&](std::size_t d) { return drafted_[d].end <= end; });
    std::size_t n = static_cast<std::size_t>(hi - lo);
    if (except < drafted_.size() && !drafted_[except].doubtful && drafted_[except].first >= first &&
        drafted_[except].end <= end && n > 0) {
      --n;
    }
    return n;
  }

  // Whether token `at` lies inside a value, after its first token (the "and" of "one
  // hundred and twenty").
  [[nodiscard]] bool inside(std::size_t at) const {
    const auto after = std::partition_point(drafted_.begin(), drafted_.end(),
                                            [&](const Drafted& v) { return v.first < at; });
    return after != drafted_.begin() && std::prev(after)->end > at;
  }

  // Whether a value not marked "check" starts within tokens [first, end).
  [[nodiscard]] bool starts_in(std::size_t first, std::size_t end) const {
    const auto it =
        std::lower_bound(sure_.begin(), sure_.end(), first,
                         [&](std::size_t d, std::size_t at) { return drafted_[d].first < at; });
    return it != sure_.end() && drafted_[*it].first < end;
  }

 private:
  const std::vector<Drafted>& drafted_;
  std::vector<std::size_t> sure_;  // indices of the values not marked "check"
};

// The stretch of the sentence to quote for drafted[d] (see quote.cc). `parts_of_clause`
// caches the parts of each clause, so a sentence costs time linear in its length.
[[nodiscard]] Span quote_for(const SentenceText& s, const std::vector<Drafted>& drafted,
                             const ValueIndex& values,
                             std::map<std::size_t, std::vector<Piece>>& parts_of_clause,
                             std::size_t d);

}  // namespace cc::extract
