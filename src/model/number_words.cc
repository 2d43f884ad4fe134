#include "model/number_words.h"

#include <array>
#include <utility>

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

std::optional<int> scale_exponent(const Token& token, bool suffixes) {
  static constexpr std::array<std::pair<std::string_view, int>, 4> kWords = {
      {{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}}};
  static constexpr std::array<std::pair<std::string_view, int>, 5> kSuffixes = {
      {{"k", 3}, {"m", 6}, {"mn", 6}, {"bn", 9}, {"tn", 12}}};
  for (const auto& [word, exponent] : kWords) {
    if (is_word(token, word)) return exponent;
  }
  if (!suffixes) return std::nullopt;
  for (const auto& [word, exponent] : kSuffixes) {
    if (is_word(token, word)) return exponent;
  }
  return std::nullopt;
}

std::optional<FractionWord> fraction_word(const Token& token) {
  struct Entry {
    std::string_view singular;
    std::string_view plural;
    int denominator;
  };
  static constexpr std::array<Entry, 9> kFractions = {{{"half", "halves", 2},
                                                       {"third", "thirds", 3},
                                                       {"quarter", "quarters", 4},
                                                       {"fifth", "fifths", 5},
                                                       {"sixth", "sixths", 6},
                                                       {"seventh", "sevenths", 7},
                                                       {"eighth", "eighths", 8},
                                                       {"ninth", "ninths", 9},
                                                       {"tenth", "tenths", 10}}};
  for (const Entry& entry : kFractions) {
    if (is_word(token, entry.singular) || is_word(token, entry.plural)) {
      return FractionWord{entry.denominator, entry.singular};
    }
  }
  return std::nullopt;
}

std::optional<int> fraction_numerator(const Token& token) {
  if (is_word(token, "a") || is_word(token, "an")) return 1;
  for (std::size_t n = 1; n < 10; ++n) {
    if (is_word(token, kUnits[n])) return static_cast<int>(n);
  }
  return std::nullopt;
}

std::optional<MultiplierWord> multiplier_word(const Token& token) {
  struct Entry {
    std::string_view word;
    int numerator;
    int denominator;
    std::string_view canonical;
  };
  static constexpr std::array<Entry, 15> kMultipliers = {{
      {"double", 2, 1, "double"},
      {"doubled", 2, 1, "double"},
      {"doubling", 2, 1, "double"},
      {"twice", 2, 1, "twice"},
      {"triple", 3, 1, "triple"},
      {"tripled", 3, 1, "triple"},
      {"tripling", 3, 1, "triple"},
      {"treble", 3, 1, "triple"},
      {"trebled", 3, 1, "triple"},
      {"trebling", 3, 1, "triple"},
      {"quadruple", 4, 1, "quadruple"},
      {"quadrupled", 4, 1, "quadruple"},
      {"quadrupling", 4, 1, "quadruple"},
      {"halved", 1, 2, "halved"},
      {"halving", 1, 2, "halved"},
  }};
  for (const Entry& entry : kMultipliers) {
    if (is_word(token, entry.word))
      return MultiplierWord{Rational(entry.numerator, entry.denominator), entry.canonical};
  }
  return std::nullopt;
}

}  // namespace cc::value_detail
