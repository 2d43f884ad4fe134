#pragma once
// The tokens of a written value or of a quote: numbers, words and the few symbols the
// value grammar reads. Private to the value grammar (value.cc, value_numbers.cc) and its tests.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/number.h"

namespace cc::value_detail {

enum class TokenKind {
  number,       // "7,062", "2.5", ".5", "1e3" (see DigitText)
  word,         // a run of ASCII letters: "forty", "per", "m"
  percent,      // %
  currency,     // £ $ €
  open_paren,   // (
  close_paren,  // )
  plus,         // +
  dash,         // - (hyphen-minus), − (minus sign), – (en dash)
  other,        // any other character (one UTF-8 sequence, or one byte when malformed)
};

struct Token {
  TokenKind kind = TokenKind::other;
  std::size_t offset = 0;  // bytes into the lexed text
  std::size_t length = 0;
  std::string_view text;
  [[nodiscard]] std::size_t end() const { return offset + length; }
};

enum class LexMode {
  value,  // a value: a comma between digits always joins ("70,62" is one, badly grouped, number)
  quote,  // free text: a comma joins only a group of exactly three digits ("in 2019, 12")
};

// Splits text into tokens, skipping white space (ASCII and the Unicode no-break and thin
// spaces). Never reads outside `text`; every byte belongs to a token or to white space.
[[nodiscard]] std::vector<Token> tokenize(std::string_view text, LexMode mode);

// The parts of a number token.
struct DigitText {
  std::string integer_digits;   // without separators, may be empty (".5")
  std::string fraction_digits;  // after the point
  bool point = false;           // a decimal point was written
  bool grouping_ok = true;      // commas, if any, separate groups of three digits
  bool exponent_written = false;
  bool exponent_in_range = true;  // |exponent| ≤ max_exponent
  int exponent = 0;
};
inline constexpr int max_exponent = 15;
inline constexpr std::size_t max_digits = 30;

[[nodiscard]] DigitText split_digits(std::string_view number_token);

// A run of decimal digits as a number ("048" is 48: never octal); "" is 0.
[[nodiscard]] BigInt digits_value(std::string_view digits);

// The digits without leading zeros, "0" when all are zeros or there are none: "0480" →
// "480" (what digits_value(digits).str() writes).
[[nodiscard]] std::string_view significant_digits(std::string_view digits);

// digits_value(digits) as a Rational, read without GMP when it fits in 64 bits.
[[nodiscard]] Rational digits_number(std::string_view digits);

// digits · 10^exponent written as a plain decimal without superfluous zeros: ("25", -1) is
// "2.5", ("7062", 0) "7062", ("25", 5) "2500000", ("0480", -3) "0.48". Works on the text,
// so a quote holding a number of any length costs time linear in it.
[[nodiscard]] std::string plain_decimal(std::string_view digits, int exponent);

[[nodiscard]] bool is_word(const Token& token, std::string_view lower_case_word);
[[nodiscard]] std::string lower(std::string_view text);

// A word token in lower case, written into `buffer` (no allocation): nullopt when the token
// is not a word or is longer than the buffer. is_word(token, w) is lower_word(token) == w.
[[nodiscard]] std::optional<std::string_view> lower_word(const Token& token,
                                                         std::span<char> buffer);

}  // namespace cc::value_detail
