#pragma once
// The words `extract` reads around a number (private to src/extract/). The words of
// numbers (hedges, multipliers, rise and fall) are read from the grammar's one table,
// grammar/words.h; the rest are extract's own lists.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_text.h"
#include "model/value.h"

namespace cc::extract {

using Tokens = std::vector<Token>;

[[nodiscard]] std::string lower(std::string_view text);
[[nodiscard]] bool one_of(const Token& token, std::initializer_list<std::string_view> words);
[[nodiscard]] bool is_mark(const Token& token, std::string_view text);
[[nodiscard]] bool pure_digits(const Token& token);
[[nodiscard]] int digits_value(const Token& token);  // a pure-digit token of at most 9 digits
[[nodiscard]] bool is_year(const Token& token);      // 1900 … 2099
// The first token that starts at or after `offset`.
[[nodiscard]] std::size_t first_from(const Tokens& tokens, std::size_t offset);

// What the value grammar reads: `text` as a value in `role`, without a hedge conflict.
[[nodiscard]] bool reads(std::string_view text, FactKind role, bool count = false,
                         bool fall = false);
// Read by the grammar in some role: a ratio takes every form but a fall ("halved").
[[nodiscard]] bool readable(std::string_view text);
enum class Form { number, fraction, multiplier };
[[nodiscard]] Form form_of(std::string_view text);

// "day" for "day" (or "days" when `plural_too`); "" when not a unit of time.
[[nodiscard]] std::string time_unit(const Token& token, bool plural_too);
[[nodiscard]] bool duration_word(const Token& token);  // a unit of time, "decade", "century"

// From the grammar's word table.
[[nodiscard]] bool hedge_word(const Token& token);
[[nodiscard]] bool rise_word(const Token& token);
[[nodiscard]] bool fall_word(const Token& token);
[[nodiscard]] bool change_verb(const Token& token);           // "doubled", not "double"
[[nodiscard]] bool shrinking_multiplier(const Token& token);  // "halved"

[[nodiscard]] bool stop_word(std::string_view lower_case_word);
// Where the words of a measure end: verbs, prepositions of time and place, conjunctions.
[[nodiscard]] bool ends_phrase(const Token& token);
[[nodiscard]] bool conjunction(const Token& token);
[[nodiscard]] bool relative_word(const Token& token);
[[nodiscard]] bool qualifier_word(const Token& token);
[[nodiscard]] bool quote_mark_or_separator(const Token& token);

}  // namespace cc::extract
