#pragma once
// The numbers written in a text, for the quote check (FORMAT §7). Private to the value
// grammar; the public entry points are value_numbers and numbers_in_text (value.h).

#include <string>
#include <string_view>
#include <vector>

namespace cc::value_detail {

struct FoundNumber {
  std::string primary;  // "7062", "2.5" (of "2.5 million"), "9" (of "nine"), "half"
  // Other spellings of the same number: "2500000" for "2.5 million", "2" for "two million".
  std::vector<std::string> alternates;
  std::size_t offset = 0;  // the bytes it is written in: "2.5 million", "a third", "nine"
  std::size_t length = 0;
};

[[nodiscard]] std::vector<FoundNumber> scan_numbers(std::string_view text);

}  // namespace cc::value_detail
