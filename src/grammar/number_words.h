#pragma once
// The words of the value grammar: number words ("forty-two", "two hundred and fifty",
// "a thousand"), and the rows of the word table (grammar/words.h) read from tokens: scale
// words and suffixes, fraction words ("a third", "three quarters") and multipliers
// ("doubled"). Private to the value grammar and its tests.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "grammar/tokens.h"
#include "grammar/words.h"
#include "model/number.h"

namespace cc::value_detail {

// Number words read from tokens[begin]: the longest reading that is a number.
struct WordNumber {
  BigInt value;
  std::size_t end = 0;           // the token after the last one read
  bool ends_with_scale = false;  // "two million": the mantissa is value / 10^scale
  int last_scale = 0;
};
[[nodiscard]] std::optional<WordNumber> read_number_words(std::span<const Token> tokens,
                                                          std::size_t begin);

// The row of kind `kind` whose phrase is the one word `token`, if any.
[[nodiscard]] std::optional<grammar::Word> word_row(const Token& token, grammar::WordKind kind);

// thousand 3, million 6, billion 9, trillion 12; with `suffixes`, also k, m, mn, bn, tn
// (written after digits: "34k", "1.6m").
[[nodiscard]] std::optional<int> scale_exponent(const Token& token, bool suffixes);

// "half"/"halves" 2, "third"/"thirds" 3, "quarter"/"quarters" 4, "fifth"… "tenth" 5…10.
struct FractionWord {
  int denominator = 0;
  std::string_view singular;  // "third" for "thirds"
};
[[nodiscard]] std::optional<FractionWord> fraction_word(const Token& token);

// The numerator a fraction word may follow: "a"/"an"/"one" 1, "two" … "nine".
[[nodiscard]] std::optional<int> fraction_numerator(const Token& token);

// double, doubled, twice, triple, tripled, treble, trebled, quadruple, quadrupled, halved
// (and their -ing forms): the factor and the word the quote check compares.
struct MultiplierWord {
  Rational factor;
  std::string_view canonical;  // "double" for "doubled"
};
[[nodiscard]] std::optional<MultiplierWord> multiplier_word(const Token& token);

// False when none of read_number_words, fraction_numerator, fraction_word and
// multiplier_word can read anything starting at `token` ("the", "said", "7"): most words
// of a quote, passed over with one lookup instead of every word list.
[[nodiscard]] bool may_start_number_words(const Token& token);

// The index of the token after a hyphen-minus at `index`, when there is one there.
[[nodiscard]] std::size_t skip_hyphen(std::span<const Token> tokens, std::size_t index);

}  // namespace cc::value_detail
