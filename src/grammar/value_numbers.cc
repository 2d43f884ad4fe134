#include "grammar/value_numbers.h"

#include <span>

#include "grammar/number_words.h"
#include "grammar/tokens.h"
#include "grammar/value.h"

namespace cc {
namespace value_detail {
namespace {

// The token after `index` when it is a scale word or suffix ("2.5 million", "34k").
std::optional<int> scale_after(std::span<const Token> tokens, std::size_t index) {
  if (index + 1 >= tokens.size()) return std::nullopt;
  return scale_exponent(tokens[index + 1], true);
}

// Digits, and the scale word or suffix after them: returns the token after both.
std::size_t read_digits(std::span<const Token> tokens, std::size_t index,
                        std::vector<FoundNumber>& out) {
  const DigitText parts = split_digits(tokens[index].text);
  const std::string digits = parts.integer_digits + parts.fraction_digits;
  // An exponent out of range is left out: the value grammar rejects it anyway.
  const int exponent = (parts.exponent_in_range ? parts.exponent : 0) -
                       static_cast<int>(parts.fraction_digits.size());
  FoundNumber found{plain_decimal(digits, exponent), {}, tokens[index].offset, 0};
  const auto scale = scale_after(tokens, index);
  if (scale) found.alternates.push_back(plain_decimal(digits, exponent + *scale));
  found.length = tokens[scale ? index + 1 : index].end() - found.offset;
  out.push_back(std::move(found));
  return scale ? index + 2 : index + 1;
}

FoundNumber word_number(const WordNumber& number) {
  FoundNumber found{number.value.str(), {}, 0, 0};
  if (number.ends_with_scale) {
    const BigInt mantissa = number.value / pow10(number.last_scale).convert_to<BigInt>();
    found.alternates.push_back(mantissa.str());
  }
  return found;
}

// A fraction word, with the "a"/"one" before it folded in: "a third", "one-third" →
// "third". Returns the token after it, or `index` when there is none.
std::size_t read_fraction(std::span<const Token> tokens, std::size_t index,
                          std::vector<FoundNumber>& out) {
  std::size_t word = index;
  if (const auto numerator = fraction_numerator(tokens[index]); numerator == 1) {
    word = skip_hyphen(tokens, index + 1);
    if (word >= tokens.size() || !fraction_word(tokens[word])) word = index;
  }
  const auto fraction = fraction_word(tokens[word]);
  if (!fraction) return index;
  out.push_back(FoundNumber{std::string(fraction->singular),
                            {},
                            tokens[index].offset,
                            tokens[word].end() - tokens[index].offset});
  return word + 1;
}

std::optional<std::string> share_word(const Token& token) {
  for (std::string_view word : {"majority", "minority", "most"}) {
    if (is_word(token, word)) return std::string(word);
  }
  if (is_word(token, "majorities")) return "majority";
  if (is_word(token, "minorities")) return "minority";
  return std::nullopt;
}

bool is_share_word(const Token& token) {
  for (std::string_view word : {"majority", "minority", "most", "majorities", "minorities"}) {
    if (is_word(token, word)) return true;
  }
  return false;
}

}  // namespace

std::vector<FoundNumber> scan_numbers(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text, LexMode::quote);
  const std::span<const Token> all(tokens);
  std::vector<FoundNumber> found;
  std::size_t i = 0;
  while (i < tokens.size()) {
    const Token& token = tokens[i];
    if (token.kind == TokenKind::number) {
      i = read_digits(all, i, found);
      continue;
    }
    if (token.kind != TokenKind::word) {
      ++i;
      continue;
    }
    if (!may_start_number_words(token) && !is_share_word(token)) {
      ++i;  // what the branches below would conclude, without asking each of them
      continue;
    }
    if (const std::size_t next = read_fraction(all, i, found); next != i) {
      i = next;
    } else if (const auto multiplier = multiplier_word(token)) {
      found.push_back(
          FoundNumber{std::string(multiplier->canonical), {}, token.offset, token.length});
      ++i;
    } else if (const auto word = share_word(token)) {
      found.push_back(FoundNumber{*word, {}, token.offset, token.length});
      ++i;
    } else if (const auto number = read_number_words(all, i)) {
      found.push_back(word_number(*number));
      found.back().offset = token.offset;
      found.back().length = tokens[number->end - 1].end() - token.offset;
      i = number->end;
    } else {
      ++i;
    }
  }
  return found;
}

}  // namespace value_detail

std::vector<NumberInText> number_spans_in_text(std::string_view text) {
  std::vector<NumberInText> spans;
  for (value_detail::FoundNumber& number : value_detail::scan_numbers(text)) {
    NumberInText span{number.offset, number.length, {std::move(number.primary)}};
    for (std::string& alternate : number.alternates) span.numbers.push_back(std::move(alternate));
    spans.push_back(std::move(span));
  }
  return spans;
}

namespace {
std::vector<std::string> numbers_of_value(std::string_view written, bool parsed) {
  std::vector<std::string> numbers;
  if (!parsed) return numbers;
  for (value_detail::FoundNumber& number : value_detail::scan_numbers(written)) {
    numbers.push_back(std::move(number.primary));
  }
  return numbers;
}
}  // namespace

std::vector<std::string> value_numbers(const Value& value) {
  return numbers_of_value(value.written, value.parsed);
}

std::vector<std::string> value_numbers(const FactValue& value) {
  return numbers_of_value(value.written, value.parsed);
}

std::vector<std::string> numbers_in_text(std::string_view text) {
  std::vector<std::string> numbers;
  for (value_detail::FoundNumber& number : value_detail::scan_numbers(text)) {
    numbers.push_back(std::move(number.primary));
    for (std::string& alternate : number.alternates) numbers.push_back(std::move(alternate));
  }
  return numbers;
}

}  // namespace cc
