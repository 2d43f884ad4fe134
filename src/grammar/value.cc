// The value grammar (FORMAT §2). A written value is one reading, or two when a second
// one follows in parentheses ("almost half (47%)"). A reading is an optional hedge
// ("more than") and a body: a number (digits or words, with a scale or as a
// percentage), "K in N", a fraction word, a multiplier, or "a majority".
#include "grammar/value.h"

#include <algorithm>
#include <array>
#include <span>

#include "grammar/number_words.h"
#include "grammar/tokens.h"
#include "grammar/value_numbers.h"
#include "grammar/words.h"

namespace cc {
namespace {

using value_detail::DigitText;
using value_detail::is_word;
using value_detail::Token;
using value_detail::TokenKind;

template <typename T>
using Result = std::variant<T, ValueError>;

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// The text being read: offsets are bytes into `text`, as given; messages quote `trimmed`.
struct Source {
  std::string_view text;
  std::string_view trimmed;

  [[nodiscard]] std::string_view between(const Token& first, const Token& last) const {
    return text.substr(first.offset, last.end() - first.offset);
  }
  [[nodiscard]] ValueError unreadable(const Token& first, const Token& last,
                                      std::string_view reason = {}) const {
    std::string message =
        "could not read " + quoted(between(first, last)) + " in " + quoted(trimmed);
    if (!reason.empty()) message += ": " + std::string(reason);
    return ValueError{first.offset, last.end() - first.offset, std::move(message)};
  }
  [[nodiscard]] ValueError unreadable(const Token& token, std::string_view reason = {}) const {
    return unreadable(token, token, reason);
  }
};

// ---- hedges

using grammar::Hedge;

struct HedgeMatch {
  Hedge hedge = Hedge::none;
  std::size_t end = 0;  // the token after the hedge
};

// The longest phrase of the word table, of kind `kind`, that the tokens start with
// (`end` is its length in tokens); `hedge` is its row's reading.
struct PhraseMatch {
  const grammar::Word* row = nullptr;
  std::size_t end = 0;
};

PhraseMatch match_phrase(std::span<const Token> tokens, grammar::WordKind kind) {
  PhraseMatch best;
  if (tokens.empty()) return best;
  std::array<char, 64> buffer{};
  const auto first = value_detail::lower_word(tokens[0], buffer);
  if (!first) return best;  // every phrase starts with a word
  for (const grammar::Phrase& phrase : grammar::phrases_starting(*first)) {
    if (phrase.row->kind != kind) continue;
    const std::size_t length = phrase.words.size();
    if (length <= best.end || length > tokens.size()) continue;
    bool matches = true;
    for (std::size_t k = 1; k < length && matches; ++k)
      matches = is_word(tokens[k], phrase.words[k]);
    if (matches) best = PhraseMatch{phrase.row, length};
  }
  return best;
}

// The longest hedge phrase of the word table that the tokens start with.
HedgeMatch match_hedge(std::span<const Token> tokens) {
  const PhraseMatch found = match_phrase(tokens, grammar::WordKind::hedge);
  if (found.row == nullptr) return HedgeMatch{};
  return HedgeMatch{found.row->hedge, found.end};
}

// A hedge written after the number ("or more", "or so") that ends the tokens.
HedgeMatch match_hedge_after(std::span<const Token> tokens, std::size_t from) {
  if (from >= tokens.size()) return HedgeMatch{};
  const PhraseMatch found = match_phrase(tokens.subspan(from), grammar::WordKind::hedge_after);
  if (found.row == nullptr || from + found.end != tokens.size()) return HedgeMatch{};
  return HedgeMatch{found.row->hedge, tokens.size()};
}

// ---- numbers as written

// digits · 10^(scale − decimals), with what was written to round it.
struct Numeral {
  Rational digits;     // every written digit, the point left out (a whole number)
  int decimals = 0;    // digits after the point
  bool point = false;  // a point was written: its trailing zeros are significant
  int scale = 0;       // a power of ten from an exponent, a scale word or a suffix
  bool scale_word = false;
  std::size_t next = 0;    // the token after the numeral
  std::string digit_text;  // the digits in decimal, no leading zeros ("0" for zero)
};

Rational value_of(const Numeral& n) {
  return n.digits * pow10(n.scale - n.decimals);
}

int trailing_zeros(std::string_view text) {
  const std::size_t last = text.find_last_not_of('0');
  return static_cast<int>(last == std::string::npos ? 0 : text.size() - 1 - last);
}

// The power of ten of the rounding unit: the last written digit; trailing zeros of a
// whole number widen it to the last non-zero digit, but never past 2 significant digits;
// with a scale ("2bn", "1e3") the unit is at most the second significant digit.
int unit_exponent(const Numeral& n) {
  const int last = n.scale - n.decimals;
  if (n.digits == 0) return last;
  const int written = static_cast<int>(n.digit_text.size());
  const int zeros = n.point ? 0 : trailing_zeros(n.digit_text);
  if (n.scale > 0) return std::min(last + zeros, last + written - 2);
  return last + std::min(zeros, std::max(0, written - 2));
}

// Digits that look measured, not rounded: at least 4 significant digits, the last not 0
// ("13,574", "107,543", "12.35"); a scale word or number words are round ("2.5 million").
bool unrounded(const Token& token, const Numeral& n) {
  if (token.kind != TokenKind::number || n.scale_word) return false;
  const std::string& digits = n.digit_text;
  return digits.size() >= 4 && digits.back() != '0';
}

Interval rounded(const Numeral& n, const ValueContext& context, bool exact_units) {
  const Rational x = value_of(n);
  if (context.exact) return Interval::point(x);
  if (context.precision)
    return Interval::closed(x - *context.precision / 2, x + *context.precision / 2);
  const int unit = unit_exponent(n);
  if (exact_units && unit == 0) return Interval::point(x);
  return Interval::closed(x - pow10(unit) / 2, x + pow10(unit) / 2);
}

// ---- the body of a reading

enum class Form { number, percent, one_in, fraction, multiplier, majority, minority, amount };

struct Body {
  Form form = Form::number;
  Rational nominal;  // X, the number named, taken exactly (a fraction for 89%)
  Interval meaning;  // what the written form means before hedge and role
  bool negative = false;
  std::size_t end = 0;     // the token after the body
  bool unrounded = false;  // digits that look measured, not rounded ("13,574"): FORMAT §2
};

bool counts(const ValueContext& context) {
  return context.count && (context.role == FactKind::figure || context.role == FactKind::total ||
                           context.role == FactKind::difference);
}

std::string_view role_name(FactKind role) {
  switch (role) {
    case FactKind::figure:
      return "a figure";
    case FactKind::share:
      return "a share";
    case FactKind::change:
      return "a change";
    case FactKind::ratio:
      return "a ratio";
    case FactKind::rate:
      return "a rate";
    case FactKind::interval:
      return "an interval";
    case FactKind::total:
      return "a total";
    case FactKind::difference:
      return "a difference";
  }
  return "a value";
}

class ReadingParser {
 public:
  ReadingParser(const Source& source, std::span<const Token> tokens, const ValueContext& context)
      : source_(source), tokens_(tokens), context_(context) {}

  Result<Reading> parse();
  [[nodiscard]] bool percent() const { return percent_; }

 private:
  [[nodiscard]] bool word_at(std::size_t i, std::string_view word) const {
    return i < tokens_.size() && is_word(tokens_[i], word);
  }
  [[nodiscard]] std::string_view text_of(std::size_t first, std::size_t end) const {
    return source_.between(tokens_[first], tokens_[end - 1]);
  }
  [[nodiscard]] Interval vague(const Rational& nominal) const {
    if (context_.exact) return Interval::point(nominal);
    return Interval::closed(nominal * (1 - context_.vague), nominal * (1 + context_.vague));
  }

  Result<Body> body(std::size_t i);
  std::optional<Body> share_words(std::size_t i) const;
  std::optional<Body> multiplier(std::size_t i) const;
  std::optional<Body> fraction(std::size_t i) const;
  std::optional<Body> amount(std::size_t i) const;
  Result<Body> number_form(std::size_t i);
  Result<Body> one_in(const Numeral& k, std::size_t in_token);
  Result<std::optional<Numeral>> numeral(std::size_t i) const;
  std::optional<ValueError> dotted_count(const Token& token, const DigitText& parts) const;
  [[nodiscard]] std::size_t percent_mark(std::size_t i) const;
  std::optional<ValueError> check_role(const Body& body, std::string_view text) const;
  Interval in_role_terms(const Body& body, Rational& nominal) const;
  [[nodiscard]] Interval hedged(Hedge hedge, const Rational& x, const Body& body,
                                const Interval& meaning) const;

  const Source& source_;
  std::span<const Token> tokens_;
  const ValueContext& context_;
  bool percent_ = false;
};

Result<Reading> ReadingParser::parse() {
  const HedgeMatch hedge = match_hedge(tokens_);
  if (hedge.end == tokens_.size()) {
    const std::string_view words = text_of(0, hedge.end);
    return ValueError{tokens_[0].offset, words.size(), quoted(words) + " needs a number after it"};
  }
  Result<Body> parsed = body(hedge.end);
  if (auto* error = std::get_if<ValueError>(&parsed)) return *error;
  const Body& read = std::get<Body>(parsed);
  const HedgeMatch after = match_hedge_after(tokens_, read.end);
  if (after.hedge != Hedge::none && hedge.hedge != Hedge::none) {
    return source_.unreadable(tokens_[read.end], tokens_.back(),
                              "a number takes one hedge, before it or after it");
  }
  if (read.end < tokens_.size() && after.hedge == Hedge::none)
    return source_.unreadable(tokens_[read.end]);
  const Hedge hedge_of = after.hedge != Hedge::none ? after.hedge : hedge.hedge;
  if (auto error = check_role(read, text_of(hedge.end, read.end))) return *error;
  const bool range = read.form == Form::majority || read.form == Form::minority ||
                     (read.form == Form::amount && read.meaning.hi() && read.meaning.hi()->open);
  if (hedge_of != Hedge::none && range) {
    const bool before = hedge.hedge != Hedge::none;
    return source_.unreadable(before ? tokens_[0] : tokens_[read.end],
                              before ? tokens_[hedge.end - 1] : tokens_.back(),
                              quoted(text_of(hedge.end, read.end)) + " is already a range");
  }
  percent_ = read.form == Form::percent;

  Rational x = read.nominal;
  const Interval meaning = in_role_terms(read, x);
  Interval result = hedged(hedge_of, x, read, meaning);
  // Only a change may be below zero (a change of "0%" may be a slight fall).
  if (context_.role != FactKind::change) result = result.intersect(Interval::nonnegative());
  const std::string_view text = text_of(0, tokens_.size());
  if (result.is_empty()) {
    return ValueError{tokens_[0].offset, text.size(), quoted(text) + " leaves no possible value"};
  }
  return Reading{std::string(text), result};
}

// What a hedge makes of the number X, whose written form means `meaning`.
// A vague hedge on an unrounded figure ("some 13,574") widens it by a tenth of the vague
// tolerance only: the writer hedged a measured number, not a round one.
Interval ReadingParser::hedged(Hedge hedge, const Rational& x, const Body& body,
                               const Interval& meaning) const {
  const Rational v = body.unrounded ? context_.vague / 10 : context_.vague;
  switch (hedge) {
    case Hedge::none:
      return meaning;
    case Hedge::more_than:
      return Interval::above(x, true);
    case Hedge::at_least:
      return Interval::above(x, false);
    case Hedge::less_than:
      return Interval(Bound{0, false}, Bound{x, true});
    case Hedge::up_to:
      return Interval::closed(0, x);
    case Hedge::almost:
      return Interval(Bound{x * (1 - v), false}, Bound{x, true});
    case Hedge::just_over:
      return Interval(Bound{x, true}, Bound{x * (1 + v), false});
    case Hedge::around:
      return Interval::closed(x * (1 - v), x * (1 + v)).hull(meaning);
  }
  return meaning;
}

Result<Body> ReadingParser::body(std::size_t i) {
  if (auto found = share_words(i)) return *found;
  if (auto found = multiplier(i)) return *found;
  if (auto found = fraction(i)) return *found;
  if (auto found = amount(i)) return *found;
  return number_form(i);
}

// "a majority", "the majority", "most" → (0.5, 1]; "a minority", "the minority" → [0, 0.5).
std::optional<Body> ReadingParser::share_words(std::size_t i) const {
  if (word_at(i, "most"))
    return Body{Form::majority, Rational(1, 2),
                Interval(Bound{Rational(1, 2), true}, Bound{1, false}), false, i + 1};
  const std::size_t word = (word_at(i, "a") || word_at(i, "the")) ? i + 1 : i;
  if (word_at(word, "majority")) {
    return Body{Form::majority, Rational(1, 2),
                Interval(Bound{Rational(1, 2), true}, Bound{1, false}), false, word + 1};
  }
  if (word_at(word, "minority")) {
    return Body{Form::minority, Rational(1, 2),
                Interval(Bound{0, false}, Bound{Rational(1, 2), true}), false, word + 1};
  }
  return std::nullopt;
}

// "doubled", "twice", "a doubling".
std::optional<Body> ReadingParser::multiplier(std::size_t i) const {
  if (word_at(i, "a") && i + 1 < tokens_.size() && value_detail::multiplier_word(tokens_[i + 1]))
    ++i;
  if (i >= tokens_.size()) return std::nullopt;
  const auto word = value_detail::multiplier_word(tokens_[i]);
  if (!word) return std::nullopt;
  return Body{Form::multiplier, word->factor, vague(word->factor), false, i + 1};
}

// "half", "a half", "a third", "one-third", "two thirds", "three quarters", "a tenth".
std::optional<Body> ReadingParser::fraction(std::size_t i) const {
  if (i >= tokens_.size()) return std::nullopt;
  int numerator = 1;
  std::size_t word = i;
  if (const auto count = value_detail::fraction_numerator(tokens_[i])) {
    numerator = *count;
    word = value_detail::skip_hyphen(tokens_, i + 1);
  } else if (!is_word(tokens_[i], "half")) {
    return std::nullopt;  // "third" alone is an ordinal, not a fraction
  }
  if (word >= tokens_.size()) return std::nullopt;
  const auto fraction = value_detail::fraction_word(tokens_[word]);
  if (!fraction) return std::nullopt;
  const Rational f(numerator, fraction->denominator);
  return Body{Form::fraction, f, vague(f), false, word + 1};
}

// A count word of the table: "no", "none" 0; "a dozen" 12 ± v; "dozens" [24, 100),
// "hundreds" [200, 1000), "thousands" [2000, 10000).
std::optional<Body> ReadingParser::amount(std::size_t i) const {
  const PhraseMatch found = match_phrase(tokens_.subspan(i), grammar::WordKind::amount);
  if (found.row == nullptr) return std::nullopt;
  const grammar::Word& row = *found.row;
  const Rational low(row.number);
  const Interval meaning = row.upper == row.number
                               ? vague(low)
                               : Interval(Bound{low, false}, Bound{Rational(row.upper), true});
  return Body{Form::amount, low, meaning, false, i + found.end};
}

// Digits or number words, optionally signed or after a currency sign, then a scale, a
// percentage mark, "in N" or "times".
Result<Body> ReadingParser::number_form(std::size_t i) {
  Body body;
  std::size_t j = i;
  while (j < tokens_.size() && j < i + 2) {
    const TokenKind kind = tokens_[j].kind;
    if (kind != TokenKind::dash && kind != TokenKind::plus && kind != TokenKind::currency) break;
    body.negative = body.negative || kind == TokenKind::dash;
    ++j;
  }
  Result<std::optional<Numeral>> read = numeral(j);
  if (auto* error = std::get_if<ValueError>(&read)) return *error;
  const std::optional<Numeral>& n = std::get<std::optional<Numeral>>(read);
  if (!n) {
    const std::size_t at = std::min(j, tokens_.size() - 1);
    if (j >= tokens_.size()) return source_.unreadable(tokens_[i], tokens_[at]);
    return source_.unreadable(tokens_[at]);
  }
  if (word_at(n->next, "in")) {
    Result<Body> fraction = one_in(*n, n->next);
    if (auto* found = std::get_if<Body>(&fraction)) found->negative = body.negative;
    return fraction;
  }
  const bool exact_units = counts(context_);
  body.end = n->next;
  body.nominal = value_of(*n);
  body.meaning = rounded(*n, context_, exact_units);
  body.unrounded = unrounded(tokens_[j], *n);
  if (const std::size_t mark = n->scale_word ? 0 : percent_mark(n->next); mark > 0) {
    body.form = Form::percent;
    body.nominal /= 100;
    body.meaning = body.meaning * Interval::point(Rational(1, 100));
    body.end += mark;
  } else if (const std::size_t fold = value_detail::skip_hyphen(tokens_, n->next);
             word_at(n->next, "times") || word_at(fold, "fold")) {
    body.form = Form::multiplier;  // "3 times", "2.5-fold", "2.5 fold"
    body.meaning = rounded(*n, context_, false);
    body.end = word_at(n->next, "times") ? n->next + 1 : fold + 1;
  }
  return body;
}

// "1 in 4", "one in every five": N is rounded like a real number.
Result<Body> ReadingParser::one_in(const Numeral& k, std::size_t in_token) {
  const std::size_t n_token = word_at(in_token + 1, "every") ? in_token + 2 : in_token + 1;
  Result<std::optional<Numeral>> read = numeral(n_token);
  if (auto* error = std::get_if<ValueError>(&read)) return *error;
  const std::optional<Numeral>& n = std::get<std::optional<Numeral>>(read);
  if (!n) {
    return source_.unreadable(tokens_[in_token], tokens_[std::min(n_token, tokens_.size() - 1)],
                              "'1 in N' needs a number N");
  }
  const Rational part = value_of(k);
  const Rational whole = value_of(*n);
  if (!is_integer(part) || part < 1 || whole < part) {
    return source_.unreadable(tokens_[0], tokens_[n->next - 1],
                              "'K in N' needs a whole number K from 1 to N");
  }
  const Interval n_meaning = rounded(*n, context_, false);
  const Rational& low = n_meaning.lo()->value;
  const Rational& high = n_meaning.hi()->value;
  Interval meaning =
      low > 0 ? Interval::closed(part / high, part / low) : Interval::above(part / high, false);
  return Body{Form::one_in, part / whole, meaning, false, n->next};
}

// A count written "12.900": a European thousands separator or a typo, never a count with
// decimals (FORMAT §2). Digits with a scale after them ("1.234k") are not read here.
std::optional<ValueError> ReadingParser::dotted_count(const Token& token,
                                                      const DigitText& parts) const {
  if (!counts(context_) || !parts.point || parts.exponent_written) return std::nullopt;
  const std::size_t next = static_cast<std::size_t>(&token - tokens_.data()) + 1;
  if (next < tokens_.size() && value_detail::scale_exponent(tokens_[next], true))
    return std::nullopt;
  const std::size_t whole = parts.integer_digits.size();
  if (whole < 1 || whole > 3 || parts.fraction_digits.size() != 3) return std::nullopt;
  return ValueError{token.offset, token.length,
                    "a count cannot have decimals: " + quoted(token.text) +
                        " — if the point separates thousands, write " + parts.integer_digits + "," +
                        parts.fraction_digits};
}

Result<std::optional<Numeral>> ReadingParser::numeral(std::size_t i) const {
  if (i >= tokens_.size()) return std::optional<Numeral>{};
  const Token& token = tokens_[i];
  if (token.kind == TokenKind::word) {
    const auto words = value_detail::read_number_words(tokens_, i);
    if (!words) return std::optional<Numeral>{};
    Numeral n{Rational(words->value), 0, false, 0, false, words->end, words->value.str()};
    return std::optional<Numeral>{std::move(n)};
  }
  if (token.kind != TokenKind::number) return std::optional<Numeral>{};
  const DigitText parts = value_detail::split_digits(token.text);
  if (!parts.grouping_ok)
    return source_.unreadable(token, "a comma must separate groups of three digits");
  const std::string all_digits = parts.integer_digits + parts.fraction_digits;
  if (all_digits.size() > value_detail::max_digits) {
    return ValueError{token.offset, token.length,
                      "too many digits: " + quoted(token.text) + " (at most 30)"};
  }
  if (!parts.exponent_in_range) {
    return ValueError{token.offset, token.length,
                      "number out of range: " + quoted(token.text) + " (exponents go up to 15)"};
  }
  if (auto error = dotted_count(token, parts)) return *error;
  const std::string_view significant = value_detail::significant_digits(all_digits);
  Numeral n{value_detail::digits_number(significant),
            static_cast<int>(parts.fraction_digits.size()),
            parts.point,
            parts.exponent,
            false,
            i + 1,
            std::string(significant)};
  if (i + 1 < tokens_.size()) {
    if (const auto scale = value_detail::scale_exponent(tokens_[i + 1], true)) {
      n.scale += *scale;
      n.scale_word = true;
      n.next = i + 2;
    }
  }
  return std::optional<Numeral>{n};
}

// "%", "per cent", "per-cent", "percent", "pc", "pct": the tokens it takes, or 0.
std::size_t ReadingParser::percent_mark(std::size_t i) const {
  if (i < tokens_.size() && tokens_[i].kind == TokenKind::percent) return 1;
  // "36-percent", "36-per-cent": a hyphen before the word.
  if (i < tokens_.size() && tokens_[i].text == "-" && i + 1 < tokens_.size() &&
      tokens_[i + 1].kind == TokenKind::word) {
    const std::size_t mark = percent_mark(i + 1);
    return mark > 0 ? mark + 1 : 0;
  }
  if (word_at(i, "percent") || word_at(i, "pc") || word_at(i, "pct")) return 1;
  if (word_at(i, "per") && word_at(i + 1, "cent")) return 2;
  if (word_at(i, "per") && i + 1 < tokens_.size() && tokens_[i + 1].text == "-" &&
      word_at(i + 2, "cent")) {
    return 3;
  }
  return 0;
}

std::optional<ValueError> ReadingParser::check_role(const Body& body, std::string_view text) const {
  const auto error = [&](std::string message) {
    const auto offset = static_cast<std::size_t>(text.data() - source_.text.data());
    return ValueError{offset, text.size(), std::move(message)};
  };
  const bool change = context_.role == FactKind::change;
  if (body.negative) {
    if ((change || context_.role == FactKind::difference) && !context_.fall) {
      return error(std::string(change ? "a change" : "a difference") + " cannot be negative (" +
                   quoted(text) + "): write a fall with 'direction: fall'");
    }
    return error("a value cannot be negative: " + quoted(text));
  }
  if (counts(context_) && body.form == Form::percent)
    return error("a count cannot be a percentage: " + quoted(text));
  if (body.form == Form::amount && context_.role != FactKind::figure &&
      context_.role != FactKind::total) {
    return error(quoted(text) + " is a count word, which needs a figure or a total, not " +
                 std::string(role_name(context_.role)));
  }
  if (counts(context_) && (body.form == Form::one_in || body.form == Form::fraction ||
                           body.form == Form::majority || body.form == Form::minority)) {
    return error("a count cannot be a fraction: " + quoted(text));
  }
  if (body.form == Form::multiplier && !change && context_.role != FactKind::ratio) {
    return error(quoted(text) + " is a multiplier, which needs a ratio or a change, not " +
                 std::string(role_name(context_.role)));
  }
  if (body.form == Form::multiplier && change && !context_.fall && body.nominal < 1) {
    return error("a rise cannot be " + quoted(text) + ": write a fall with 'direction: fall'");
  }
  if (body.form == Form::multiplier && change && context_.fall && body.nominal > 1) {
    return error("a fall cannot be " + quoted(text) + ": it is a rise");
  }
  if (context_.role == FactKind::share && body.form == Form::number && body.nominal > 1) {
    return error("a share is a fraction of 1, so " + quoted(text) +
                 " would be more than the whole: write a percentage with '%'");
  }
  return std::nullopt;
}

// A multiplier in a change becomes the rise m − 1 (or the fall 1 − m); `nominal` follows.
Interval ReadingParser::in_role_terms(const Body& body, Rational& nominal) const {
  if (context_.role != FactKind::change || body.form != Form::multiplier) return body.meaning;
  if (context_.fall) {
    nominal = 1 - nominal;
    return Interval::point(1) - body.meaning;
  }
  nominal -= 1;
  return body.meaning - Interval::point(1);
}

// ---- the whole value

std::optional<ValueError> not_a_number(const Source& source, std::size_t offset) {
  // At most a sign and "infinity" (most values are longer, and not copied to be lowered).
  std::string_view text = source.trimmed;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  const auto is = [&](std::string_view word) {  // `text` is `word`, in any case
    return text.size() == word.size() &&
           std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
           });
  };
  if (is("nan") || is(".nan")) {
    return ValueError{offset, source.trimmed.size(), "not a number: " + quoted(source.trimmed)};
  }
  if (is("inf") || is(".inf") || is("infinity")) {
    return ValueError{offset, source.trimmed.size(),
                      "not a finite number: " + quoted(source.trimmed)};
  }
  return std::nullopt;
}

// The readings' token ranges: the whole, or the part before "(" and the part inside.
struct Readings {
  std::array<std::span<const Token>, 2> parts;
  std::size_t count = 1;
  [[nodiscard]] std::span<const std::span<const Token>> all() const {
    return std::span(parts).first(count);
  }
};

Result<Readings> split_readings(const Source& source, std::span<const Token> tokens) {
  std::vector<std::size_t> parens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::open_paren || tokens[i].kind == TokenKind::close_paren)
      parens.push_back(i);
  }
  if (parens.empty()) return Readings{{tokens, {}}, 1};
  const std::size_t open = parens[0];
  const bool well_formed = parens.size() == 2 && tokens[open].kind == TokenKind::open_paren &&
                           parens[1] == tokens.size() - 1 && open > 0 && open + 1 < parens[1];
  if (!well_formed) {
    const std::size_t at = parens.size() >= 2 && tokens[open].kind == TokenKind::open_paren &&
                                   open > 0 && open + 1 < parens[1]
                               ? parens[1]
                               : open;
    return source.unreadable(tokens[at],
                             "a second reading goes in parentheses at the end, as in "
                             "'almost half (47%)'");
  }
  return Readings{{tokens.subspan(0, open), tokens.subspan(open + 1, parens[1] - open - 1)}, 2};
}

}  // namespace

ValueResult parse_value(std::string_view written, const ValueContext& context) {
  const std::vector<Token> tokens = value_detail::tokenize(written, value_detail::LexMode::value);
  if (tokens.empty()) return ValueError{0, written.size(), "the value is empty"};
  const std::size_t begin = tokens.front().offset;
  const Source source{written, written.substr(begin, tokens.back().end() - begin)};
  if (auto error = not_a_number(source, begin)) return *error;

  auto parts = split_readings(source, tokens);
  if (auto* error = std::get_if<ValueError>(&parts)) return *error;
  Value value;
  value.written = source.trimmed;  // a view of `written`, the caller's
  for (std::span<const Token> part : std::get<Readings>(parts).all()) {
    ReadingParser parser(source, part, context);
    Result<Reading> reading = parser.parse();
    if (auto* error = std::get_if<ValueError>(&reading)) return *error;
    value.readings.push_back(std::get<Reading>(std::move(reading)));
    value.percent = value.percent || parser.percent();
  }
  value.interval = value.readings.front().interval;
  if (value.readings.size() == 2) {
    const Interval& precise = value.readings[1].interval;
    value.hedge_conflict = !value.interval.overlaps(precise);
    value.interval = value.hedge_conflict ? precise : value.interval.intersect(precise);
  }
  value.parsed = true;
  return value;
}

}  // namespace cc
