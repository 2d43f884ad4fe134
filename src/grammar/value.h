#pragma once
// The value grammar (FORMAT §2): what a written number means, as the interval of true
// values a careful writer could have written that way (model/value.h holds the result),
// and the numbers written in a text, for the quote check and for `extract`. The words it
// knows are the one table of grammar/words.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/value.h"

namespace cc {

struct ValueError {
  std::size_t offset = 0;  // bytes into the written text where the unreadable part starts
  std::size_t length = 0;
  std::string message;  // lower-case, names the part not understood in quotes
};

using ValueResult = std::variant<Value, ValueError>;

// The value's `written` is a view of `written` (trimmed): keep it while the value is used.
[[nodiscard]] ValueResult parse_value(std::string_view written, const ValueContext& context);

// The numbers written in a value read by parse_value (none for one not read), normalised
// as numbers_in_text() writes them, so the quote check can find them in the quote:
// "7,062" → "7062", "nine" → "9", "89%" → "89", "1 in 4" → "1", "4", "2.5 million" →
// "2.5"; a fraction or multiplier word is kept as the word ("half", "third" for "a third"
// and "thirds", "double" for "doubled"). Every one of them is in numbers_in_text(written).
// They depend on the written text alone, so a fact does not hold them.
[[nodiscard]] std::vector<std::string> value_numbers(const Value& value);
[[nodiscard]] std::vector<std::string> value_numbers(const FactValue& value);  // a fact's

// The numbers in a text (a quote), normalised like value_numbers(): digit groups with
// separators ("7,062" → "7062", "2.5" → "2.5"), number words ("nine" → "9",
// "forty-two" → "42"), and fraction and multiplier words as themselves ("half", "double").
// A scaled number is listed twice, as written and in full, so that either spelling in a
// value finds it: "2.5 million" → "2.5", "2500000"; "two million" → "2000000", "2".
// Any bytes are accepted (UTF-8 punctuation and malformed sequences separate numbers).
[[nodiscard]] std::vector<std::string> numbers_in_text(std::string_view text);

// The numbers of numbers_in_text(), each with the bytes it is written in: "7,062",
// "2.5 million", "a third", "forty-two", "doubled". `numbers` lists its normalised
// spellings as numbers_in_text() does, the primary one first. (For `extract`, which drafts
// a fact around each number of an article.)
struct NumberInText {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::vector<std::string> numbers;
};
[[nodiscard]] std::vector<NumberInText> number_spans_in_text(std::string_view text);

}  // namespace cc
