#include "grammar/number_words.h"

#include <array>
#include <cstdint>
#include <stdexcept>
#include <unordered_set>

namespace cc::value_detail {
namespace {

constexpr std::array<std::string_view, 20> kUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};

bool word_at(std::span<const Token> tokens, std::size_t i, std::string_view word) {
  return i < tokens.size() && is_word(tokens[i], word);
}

// one … nineteen (zero is a number only on its own).
std::optional<int> unit_at(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  for (std::size_t n = 1; n < kUnits.size(); ++n) {
    if (is_word(tokens[i], kUnits[n])) return static_cast<int>(n);
  }
  return std::nullopt;
}

std::optional<int> tens_at(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  for (std::size_t n = 0; n < kTens.size(); ++n) {
    if (is_word(tokens[i], kTens[n])) return static_cast<int>(n + 2) * 10;
  }
  return std::nullopt;
}

struct Part {
  int value = 0;
  std::size_t end = 0;
};

// 1 … 99: "seven", "fifteen", "forty", "forty-two", "forty two".
std::optional<Part> below_hundred(std::span<const Token> tokens, std::size_t i) {
  if (const auto unit = unit_at(tokens, i)) return Part{*unit, i + 1};
  const auto tens = tens_at(tokens, i);
  if (!tens) return std::nullopt;
  const std::size_t next = skip_hyphen(tokens, i + 1);
  if (const auto unit = unit_at(tokens, next); unit && *unit < 10)
    return Part{*tens + *unit, next + 1};
  return Part{*tens, i + 1};
}

// 1 … 999: "a hundred", "two hundred and fifty", "hundred", "ninety-nine".
std::optional<Part> group(std::span<const Token> tokens, std::size_t i) {
  std::optional<int> hundreds;
  std::size_t after = i;
  if (const auto unit = unit_at(tokens, i);
      unit && *unit < 10 && word_at(tokens, i + 1, "hundred")) {
    hundreds = *unit;
    after = i + 2;
  } else if ((word_at(tokens, i, "a") || word_at(tokens, i, "an")) &&
             word_at(tokens, i + 1, "hundred")) {
    hundreds = 1;
    after = i + 2;
  } else if (word_at(tokens, i, "hundred")) {
    hundreds = 1;
    after = i + 1;
  }
  if (!hundreds) return below_hundred(tokens, i);
  Part part{*hundreds * 100, after};
  const std::size_t rest = word_at(tokens, after, "and") ? after + 1 : after;
  if (const auto tail = below_hundred(tokens, rest)) {
    part.value += tail->value;
    part.end = tail->end;
  }
  return part;
}

std::optional<int> scale_word_at(std::span<const Token> tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  return scale_exponent(tokens[i], false);
}

}  // namespace

std::size_t skip_hyphen(std::span<const Token> tokens, std::size_t index) {
  if (index < tokens.size() && tokens[index].text == "-") return index + 1;
  return index;
}

std::optional<WordNumber> read_number_words(std::span<const Token> tokens, std::size_t begin) {
  if (word_at(tokens, begin, "zero")) return WordNumber{0, begin + 1, false, 0};
  WordNumber number;
  number.end = begin;
  int limit = 1000;  // scales must fall: "two million five hundred thousand"
  bool read_any = false;
  std::size_t i = begin;
  while (true) {
    std::optional<Part> part = group(tokens, i);
    if (!part && (word_at(tokens, i, "a") || word_at(tokens, i, "an")) &&
        scale_word_at(tokens, i + 1)) {
      part = Part{1, i + 1};  // "a thousand", "a million"
    } else if (!part && !read_any && scale_word_at(tokens, i)) {
      part = Part{1, i};  // a bare "thousand"
    }
    if (!part) break;
    const auto scale = scale_word_at(tokens, part->end);
    if (scale && *scale < limit) {
      number.value += BigInt(part->value) * pow10(*scale).convert_to<BigInt>();
      number.end = part->end + 1;
      number.ends_with_scale = true;
      number.last_scale = *scale;
      limit = *scale;
      read_any = true;
      // "a thousand and one": an "and" joins the last group
      i = word_at(tokens, number.end, "and") && group(tokens, number.end + 1) ? number.end + 1
                                                                              : number.end;
      continue;
    }
    if (part->end == i) break;  // a bare scale word that is not a scale here
    number.value += part->value;
    number.end = part->end;
    number.ends_with_scale = false;
    read_any = true;
    break;
  }
  if (!read_any) return std::nullopt;
  return number;
}

std::optional<grammar::Word> word_row(const Token& token, grammar::WordKind kind) {
  // is_word(token, phrase) for the first row of `kind`: the token in lower case, looked up.
  if (token.kind != TokenKind::word || token.text.size() > grammar::longest_phrase())
    return std::nullopt;
  std::array<char, 64> buffer{};
  const auto word = lower_word(token, buffer);
  if (!word) return std::nullopt;
  return grammar::find_word(*word, kind);
}

namespace {

// The first words of all the readings: units, tens, "a"/"an", "hundred" (number words),
// scale words ("a thousand", a bare "thousand"), fraction words and multipliers; and, to
// turn most other words away before hashing them, the first letters of those words of
// each length (bit c - 'a' of first_letters[length]).
struct FirstWords {
  static constexpr std::size_t kLongest = 15;
  std::unordered_set<std::string_view> words;
  std::array<std::uint32_t, kLongest + 1> first_letters{};

  FirstWords() {
    words.insert(kUnits.begin(), kUnits.end());
    words.insert(kTens.begin(), kTens.end());
    words.insert({"a", "an", "hundred"});
    for (const grammar::Word& row : grammar::words()) {
      if (row.kind == grammar::WordKind::scale || row.kind == grammar::WordKind::fraction ||
          row.kind == grammar::WordKind::multiplier) {
        words.insert(row.phrase);
      }
    }
    for (const std::string_view word : words) {
      if (word.size() > kLongest) throw std::logic_error("a number word longer than kLongest");
      first_letters[word.size()] |= 1U << static_cast<unsigned>(word[0] - 'a');
    }
  }
};

}  // namespace

bool may_start_number_words(const Token& token) {
  static const FirstWords first_words;
  if (token.kind != TokenKind::word || token.text.size() > FirstWords::kLongest) return false;
  const char first = token.text[0];
  const char lower_first =
      first >= 'A' && first <= 'Z' ? static_cast<char>(first - 'A' + 'a') : first;
  if ((first_words.first_letters[token.text.size()] >> static_cast<unsigned>(lower_first - 'a') &
       1U) == 0) {
    return false;
  }
  std::array<char, FirstWords::kLongest> buffer{};
  const auto word = lower_word(token, buffer);
  return word && first_words.words.contains(*word);
}

std::optional<int> scale_exponent(const Token& token, bool suffixes) {
  if (const auto row = word_row(token, grammar::WordKind::scale)) return row->number;
  if (!suffixes) return std::nullopt;
  if (const auto row = word_row(token, grammar::WordKind::suffix)) return row->number;
  return std::nullopt;
}

std::optional<FractionWord> fraction_word(const Token& token) {
  const auto row = word_row(token, grammar::WordKind::fraction);
  if (!row) return std::nullopt;
  return FractionWord{row->number, row->canonical};
}

std::optional<int> fraction_numerator(const Token& token) {
  if (token.kind != TokenKind::word) return std::nullopt;  // most values start with a number
  if (is_word(token, "a") || is_word(token, "an")) return 1;
  for (std::size_t n = 1; n < 10; ++n) {
    if (is_word(token, kUnits[n])) return static_cast<int>(n);
  }
  return std::nullopt;
}

std::optional<MultiplierWord> multiplier_word(const Token& token) {
  const auto row = word_row(token, grammar::WordKind::multiplier);
  if (!row) return std::nullopt;
  return MultiplierWord{Rational(row->number, row->denominator), row->canonical};
}

}  // namespace cc::value_detail
