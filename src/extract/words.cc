// The word lists of `extract`: the words of numbers come from the grammar's one table
// (grammar/words.h); the rest (units of time, stop words, the words that end a phrase or
// open a clause) are extract's own.
#include "extract/words.h"

#include <algorithm>
#include <array>
#include <variant>

#include "grammar/value.h"
#include "grammar/words.h"

namespace cc::extract {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool one_of(const Token& token, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

bool is_mark(const Token& token, std::string_view text) {
  return token.kind == TokenKind::mark && token.text == text;
}

bool pure_digits(const Token& token) {
  return token.kind == TokenKind::number &&
         std::all_of(token.text.begin(), token.text.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

int digits_value(const Token& token) {  // a pure-digit token of at most 9 digits
  int value = 0;
  for (char c : token.text) value = value * 10 + (c - '0');
  return value;
}

bool is_year(const Token& token) {
  if (!pure_digits(token) || token.text.size() != 4) return false;
  const int year = digits_value(token);
  return year >= 1900 && year <= 2099;
}

// The first token that starts at or after `offset`.
std::size_t first_from(const Tokens& tokens, std::size_t offset) {
  const auto it =
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& token, std::size_t at) { return token.span.offset < at; });
  return static_cast<std::size_t>(it - tokens.begin());
}

// ---- what the value grammar reads

bool reads(std::string_view text, FactKind role, bool count, bool fall) {
  ValueContext context;
  context.role = role;
  context.count = count;
  context.fall = fall;
  const ValueResult result = parse_value(text, context);
  const Value* value = std::get_if<Value>(&result);
  return value != nullptr && !value->hedge_conflict;
}

// Read by the grammar in some role: a ratio takes every form but a fall ("halved").
bool readable(std::string_view text) {
  return reads(text, FactKind::ratio) || reads(text, FactKind::change, false, true);
}

Form form_of(std::string_view text) {
  if (reads(text, FactKind::figure, true)) return Form::number;
  if (reads(text, FactKind::share)) return Form::fraction;
  return Form::multiplier;
}

// ---- words

namespace {

constexpr std::array<std::string_view, 7> kTimeUnits = {"second", "minute", "hour", "day",
                                                        "week",   "month",  "year"};

}  // namespace

// "day" for "day" or "days"; "" when not a unit of time.
std::string time_unit(const Token& token, bool plural_too) {
  if (token.kind != TokenKind::word) return "";
  const std::string word = lower(token.text);
  for (std::string_view unit : kTimeUnits) {
    if (word == unit) return std::string(unit);
    if (plural_too && word == std::string(unit) + "s") return std::string(unit);
  }
  return "";
}

bool duration_word(const Token& token) {
  return !time_unit(token, true).empty() ||
         one_of(token, {"decade", "decades", "fortnight", "fortnights", "century", "centuries"});
}

// A word of a hedge phrase of the word table (grammar/words.h): "more", "than", "nearly";
// "at", "no" and "an" say nothing alone and are left out.
bool hedge_word(const Token& token) {
  for (const grammar::Word& row : grammar::words()) {
    if (row.kind != grammar::WordKind::hedge) continue;
    for (std::string_view word : grammar::words_of(row.phrase)) {
      if (word != "at" && word != "no" && word != "an" && token.is(word)) return true;
    }
  }
  return false;
}

namespace {

std::optional<grammar::Word> table_word(const Token& token, grammar::WordKind kind) {
  if (token.kind != TokenKind::word) return std::nullopt;
  return grammar::find_word(lower(token.text), kind);
}

}  // namespace

bool rise_word(const Token& token) {
  return table_word(token, grammar::WordKind::rise).has_value();
}

bool fall_word(const Token& token) {
  return table_word(token, grammar::WordKind::fall).has_value();
}

bool change_verb(const Token& token) {
  const auto row = table_word(token, grammar::WordKind::multiplier);
  return row && row->said == grammar::Said::change;
}

bool shrinking_multiplier(const Token& token) {
  const auto row = table_word(token, grammar::WordKind::multiplier);
  return row && row->number < row->denominator;
}

bool stop_word(std::string_view word) {
  static constexpr std::string_view kStop[] = {
      "a",       "an",      "the",   "of",        "in",      "on",      "at",     "to",
      "for",     "by",      "with",  "from",      "and",     "or",      "but",    "as",
      "is",      "are",     "was",   "were",      "be",      "been",    "being",  "has",
      "have",    "had",     "do",    "does",      "did",     "that",    "which",  "who",
      "whom",    "this",    "these", "those",     "it",      "its",     "their",  "there",
      "here",    "than",    "then",  "so",        "such",    "also",    "only",   "just",
      "up",      "out",     "into",  "over",      "under",   "about",   "around", "more",
      "most",    "less",    "fewer", "almost",    "nearly",  "some",    "any",    "all",
      "each",    "every",   "per",   "cent",      "percent", "pc",      "said",   "says",
      "not",     "no",      "can",   "could",     "will",    "would",   "may",    "might",
      "must",    "should",  "while", "where",     "when",    "s",       "during", "since",
      "between", "against", "among", "following", "within",  "after",   "before", "through",
      "meaning", "showed",  "shows", "show",      "reveals", "revealed"};
  return std::find(std::begin(kStop), std::end(kStop), word) != std::end(kStop);
}

// Where the words of a measure end: verbs, prepositions of time and place, conjunctions.
bool ends_phrase(const Token& token) {
  return one_of(
      token,
      {"were",  "was",    "are",   "is",    "have",   "has",   "had",    "do",      "does",
       "did",   "will",   "would", "can",   "could",  "in",    "on",     "at",      "during",
       "since", "from",   "to",    "by",    "for",    "over",  "across", "between", "compared",
       "after", "before", "that",  "which", "who",    "while", "as",     "than",    "per",
       "when",  "where",  "said",  "says",  "showed", "show",  "shows",  "took",    "taking"});
}

bool conjunction(const Token& token) {
  return one_of(token, {"and", "but", "while", "whereas", "that"});
}

bool relative_word(const Token& token) {
  return one_of(token, {"which", "who", "that", "whom", "whose"});
}

bool qualifier_word(const Token& token) {
  return one_of(token,
                {"where", "when",    "among",  "amongst", "of",        "out",       "in",
                 "since", "across",  "for",    "from",    "after",     "before",    "during",
                 "over",  "between", "within", "overall", "according", "excluding", "including"});
}

bool quote_mark_or_separator(const Token& token) {
  return token.kind == TokenKind::mark &&
         (token.text == "\"" || token.text == "\u201C" || token.text == "\u201D" ||
          token.text == "\u2018" || token.text == "," || token.text == ";" || token.text == ":" ||
          token.text == "." || token.text == "!" || token.text == "?" || token.text == "\u2026" ||
          token.text == "-" || token.text == "\u2013" || token.text == "\u2014" ||
          token.text == "|" || token.text == "*");
}

}  // namespace cc::extract
