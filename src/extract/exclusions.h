#pragma once
// Numbers that are not statistics (private to src/extract/): dates, times, years, phone
// numbers, links, ordinals, names and labels, the base of a rate, lengths of time that
// name a period.

#include <cstddef>
#include <string>

#include "extract/sentence.h"
#include "grammar/value.h"

namespace cc::extract {

struct Excluded {
  std::string reason;  // "" when the number may be a statistic
  Span shown;          // what the draft's comment shows: "1 November 2024", "0800 310 2300"
};

// Whether the number at `number` (with tokens [first, end) holding it) is left out, and why.
[[nodiscard]] Excluded excluded(const SentenceText& s, const NumberInText& number,
                                std::size_t first, std::size_t end);

}  // namespace cc::extract
