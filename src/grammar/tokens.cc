#include "grammar/tokens.h"

#include <algorithm>
#include <cstdint>

#include "model/utf8.h"

namespace cc::value_detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool digit_at(std::string_view text, std::size_t i) {
  return i < text.size() && is_digit(text[i]);
}

std::size_t skip_digits(std::string_view text, std::size_t i) {
  while (digit_at(text, i)) ++i;
  return i;
}

bool starts_with_at(std::string_view text, std::size_t i, std::string_view what) {
  return text.substr(i, what.size()) == what;
}

// No-break space, thin space, narrow no-break space: length in bytes, or 0.
std::size_t unicode_space_length(std::string_view text, std::size_t i) {
  for (std::string_view space : {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"}) {
    if (starts_with_at(text, i, space)) return space.size();
  }
  return 0;
}

// A comma at i continues the number: in a value, when a digit follows; in a quote, when
// exactly three digits follow.
bool comma_joins(std::string_view text, std::size_t i, LexMode mode) {
  if (i >= text.size() || text[i] != ',' || !digit_at(text, i + 1)) return false;
  if (mode == LexMode::value) return true;
  return skip_digits(text, i + 1) == i + 4;
}

// An exponent at i ("e3", "E-4", "e+15") not followed by a letter: its length, or 0.
std::size_t exponent_length(std::string_view text, std::size_t i) {
  if (i >= text.size() || (text[i] != 'e' && text[i] != 'E')) return 0;
  std::size_t j = i + 1;
  if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
  if (!digit_at(text, j)) return 0;
  j = skip_digits(text, j);
  if (j < text.size() && is_letter(text[j])) return 0;
  return j - i;
}

std::size_t number_end(std::string_view text, std::size_t i, LexMode mode) {
  i = skip_digits(text, i);
  while (comma_joins(text, i, mode)) i = skip_digits(text, i + 1);
  if (i < text.size() && text[i] == '.' && digit_at(text, i + 1)) i = skip_digits(text, i + 1);
  return i + exponent_length(text, i);
}

TokenKind symbol_kind(std::string_view symbol) {
  if (symbol == "%") return TokenKind::percent;
  if (symbol == "(") return TokenKind::open_paren;
  if (symbol == ")") return TokenKind::close_paren;
  if (symbol == "+") return TokenKind::plus;
  if (symbol == "-" || symbol == "\xE2\x88\x92" || symbol == "\xE2\x80\x93") return TokenKind::dash;
  if (symbol == "$" || symbol == "\xC2\xA3" || symbol == "\xE2\x82\xAC") return TokenKind::currency;
  return TokenKind::other;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, LexMode mode) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 2);  // about one token in 4 or 5 bytes of prose
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_space(c)) {
      ++i;
      continue;
    }
    if (const std::size_t space =
            static_cast<unsigned char>(c) < 0x80 ? 0 : unicode_space_length(text, i);
        space > 0) {
      i += space;
      continue;
    }
    std::size_t end = i + 1;
    TokenKind kind = TokenKind::other;
    if (is_digit(c) || (c == '.' && digit_at(text, i + 1))) {
      kind = TokenKind::number;
      end = number_end(text, i, mode);
    } else if (is_letter(c)) {
      kind = TokenKind::word;
      while (end < text.size() && is_letter(text[end])) ++end;
    } else {
      end = i + utf8::decode(text, i).length;  // a malformed byte alone
      kind = symbol_kind(text.substr(i, end - i));
    }
    tokens.push_back(Token{kind, i, end - i, text.substr(i, end - i)});
    i = end;
  }
  return tokens;
}

DigitText split_digits(std::string_view token) {
  DigitText parts;
  std::size_t i = 0;
  std::size_t group = 0;  // digits in the current comma group
  bool first_group = true;
  for (; i < token.size() && (is_digit(token[i]) || token[i] == ','); ++i) {
    if (token[i] == ',') {
      if ((first_group && (group == 0 || group > 3)) || (!first_group && group != 3)) {
        parts.grouping_ok = false;
      }
      first_group = false;
      group = 0;
      continue;
    }
    parts.integer_digits += token[i];
    ++group;
  }
  if (!first_group && group != 3) parts.grouping_ok = false;
  if (i < token.size() && token[i] == '.') {
    parts.point = true;
    for (++i; i < token.size() && is_digit(token[i]); ++i) parts.fraction_digits += token[i];
  }
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    parts.exponent_written = true;
    ++i;
    const bool negative = i < token.size() && token[i] == '-';
    if (i < token.size() && (token[i] == '-' || token[i] == '+')) ++i;
    while (i < token.size() && token[i] == '0') ++i;  // leading zeros: "1e003"
    const std::string_view exponent_digits = token.substr(i);
    if (exponent_digits.size() > 2) {
      parts.exponent_in_range = false;
    } else {
      int magnitude = 0;
      for (char d : exponent_digits) magnitude = magnitude * 10 + (d - '0');
      parts.exponent = negative ? -magnitude : magnitude;
      parts.exponent_in_range = magnitude <= max_exponent;
    }
  }
  return parts;
}

BigInt digits_value(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return 0;
  return BigInt(std::string(digits.substr(first)).c_str());
}

std::string_view significant_digits(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  return digits.substr(first);
}

Rational digits_number(std::string_view digits) {
  const std::string_view significant = significant_digits(digits);
  if (significant.size() > 18) return Rational(digits_value(significant));
  std::int64_t value = 0;  // 18 digits fit in 64 bits: no text for GMP to read
  for (const char d : significant) value = value * 10 + (d - '0');
  return Rational(value);
}

std::string plain_decimal(std::string_view digits, int exponent) {
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  std::string text(digits.substr(first));
  if (exponent >= 0) return text + std::string(static_cast<std::size_t>(exponent), '0');
  const auto decimals = static_cast<std::size_t>(-exponent);
  if (text.size() <= decimals) text.insert(0, decimals + 1 - text.size(), '0');
  std::string whole = text.substr(0, text.size() - decimals);
  std::string fraction = text.substr(text.size() - decimals);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? whole : whole + "." + fraction;
}

bool is_word(const Token& token, std::string_view lower_case_word) {
  if (token.kind != TokenKind::word || token.text.size() != lower_case_word.size()) return false;
  return std::equal(token.text.begin(), token.text.end(), lower_case_word.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

std::optional<std::string_view> lower_word(const Token& token, std::span<char> buffer) {
  if (token.kind != TokenKind::word || token.text.size() > buffer.size()) return std::nullopt;
  for (std::size_t i = 0; i < token.text.size(); ++i) {
    const char c = token.text[i];
    buffer[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buffer.data(), token.text.size());
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace cc::value_detail
