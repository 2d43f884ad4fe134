#include "extract/statistics.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <variant>

#include "model/value.h"

namespace cc::extract {
namespace {

using Tokens = std::vector<Token>;

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

// ---- what parse_value reads

bool reads(std::string_view text, ValueRole role, bool count = false, bool fall = false) {
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
  return reads(text, ValueRole::ratio) || reads(text, ValueRole::change, false, true);
}

enum class Form { number, fraction, multiplier };

Form form_of(std::string_view text) {
  if (reads(text, ValueRole::figure, true)) return Form::number;
  if (reads(text, ValueRole::share)) return Form::fraction;
  return Form::multiplier;
}

// ---- words

constexpr std::array<std::string_view, 7> kTimeUnits = {"second", "minute", "hour", "day",
                                                        "week",   "month",  "year"};

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

bool hedge_word(const Token& token) {
  return one_of(token, {"more",          "than",   "over",    "above",  "exceeding", "least",
                        "less",          "under",  "below",   "fewer",  "up",        "to",
                        "most",          "almost", "nearly",  "just",   "around",    "about",
                        "approximately", "some",   "roughly", "approx", "circa",     "estimated"});
}

bool rise_word(const Token& token) {
  return one_of(
      token,
      {"rise",       "rises",  "rose",   "risen",  "rising", "increase", "increased", "increases",
       "increasing", "up",     "jump",   "jumped", "jumps",  "soar",     "soared",    "soars",
       "soaring",    "grow",   "grew",   "grown",  "growth", "grows",    "climb",     "climbed",
       "surge",      "surged", "higher", "spike",  "spiked", "doubled",  "tripled",   "trebled"});
}

bool fall_word(const Token& token) {
  return one_of(token, {"fall",     "falls",    "fell",     "fallen",    "falling",   "drop",
                        "dropped",  "drops",    "decrease", "decreased", "decreases", "decline",
                        "declined", "declines", "down",     "cut",       "reduced",   "reduction",
                        "lower",    "plunged",  "slumped",  "shrank",    "halved"});
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

// ---- a sentence, read once

struct Piece {
  std::size_t first = 0;  // tokens [first, end)
  std::size_t end = 0;
};

struct SentenceText {
  std::string_view text;  // the sentence
  std::size_t base = 0;   // its offset in the article
  std::size_t line = 0;
  Tokens tokens;
  std::vector<Span> dates;  // sentence-relative, in order
  std::vector<Span> times;
  std::vector<Piece> pieces;          // split at , ; : – — and spaced hyphens, outside brackets
  std::vector<std::size_t> piece_of;  // token → piece (tokens that split: the piece before)
  std::vector<std::size_t> words_before;  // token → the words and numbers before it
  // The words and numbers among tokens [first, end).
  [[nodiscard]] std::size_t words(std::size_t first, std::size_t end) const {
    return end > first ? words_before[end] - words_before[first] : 0;
  }
};

bool separator(const Tokens& tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::mark) return false;
  if (t.text == "," || t.text == ";" || t.text == ":" || t.text == "\u2013" || t.text == "\u2014" ||
      t.text == "|" || t.text == "\u2026") {
    return true;
  }
  return t.text == "-" && t.space_before && i + 1 < tokens.size() && tokens[i + 1].space_before;
}

std::vector<Piece> split_pieces(const Tokens& tokens, std::size_t first, std::size_t end,
                                bool conjunctions) {
  std::vector<Piece> pieces;
  int depth = 0;
  std::size_t start = first;
  for (std::size_t i = first; i < end; ++i) {
    const Token& t = tokens[i];
    if (is_mark(t, "(") || is_mark(t, "[")) ++depth;
    if ((is_mark(t, ")") || is_mark(t, "]")) && depth > 0) --depth;
    if (depth > 0) continue;
    if (!conjunctions && separator(tokens, i)) {
      if (i > start) pieces.push_back({start, i});
      start = i + 1;
    } else if (conjunctions && i > start && one_of(t, {"and", "while", "whereas", "but", "that"})) {
      pieces.push_back({start, i});
      start = i;
    }
  }
  if (end > start) pieces.push_back({start, end});
  return pieces;
}

std::size_t words_in(const Tokens& tokens, std::size_t first, std::size_t end) {
  std::size_t words = 0;
  for (std::size_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::mark) ++words;
  }
  return words;
}

SentenceText read_sentence(std::string_view article, const Sentence& sentence) {
  SentenceText s;
  s.text = sentence.span.of(article);
  s.base = sentence.span.offset;
  s.line = sentence.line;
  s.tokens = tokenize(s.text);
  for (const DateMention& date : find_dates(s.text, s.tokens)) s.dates.push_back(date.span);
  s.times = find_times(s.text, s.tokens);
  s.pieces = split_pieces(s.tokens, 0, s.tokens.size(), false);
  s.piece_of.assign(s.tokens.size(), 0);
  for (std::size_t p = 0; p < s.pieces.size(); ++p) {
    const std::size_t from = p == 0 ? 0 : s.pieces[p].first;
    const std::size_t to = p + 1 < s.pieces.size() ? s.pieces[p + 1].first : s.tokens.size();
    for (std::size_t i = from; i < to; ++i) s.piece_of[i] = p;
  }
  s.words_before.assign(s.tokens.size() + 1, 0);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    s.words_before[i + 1] = s.words_before[i] + (s.tokens[i].kind != TokenKind::mark ? 1 : 0);
  }
  return s;
}

// The first of `spans` (sorted, not overlapping) that overlaps `span`, or nullptr.
const Span* overlapping(const std::vector<Span>& spans, Span span) {
  const auto it =
      std::lower_bound(spans.begin(), spans.end(), span.offset,
                       [](const Span& candidate, std::size_t at) { return candidate.end() <= at; });
  return it != spans.end() && it->offset < span.end() ? &*it : nullptr;
}

// ---- numbers that are not statistics

// "0800 310 2300", "+44 20 7946 0000", "(020) 7946-0000": digit groups after a 0 or a
// '+', 7 digits or more; or 10 or more in three groups; or 6 or more after "call", "tel"…
bool phone_number(const Tokens& tokens, std::size_t at) {
  if (at >= tokens.size() || !pure_digits(tokens[at])) return false;
  const auto joins = [&](std::size_t i) {
    return pure_digits(tokens[i]) || is_mark(tokens[i], "-") || is_mark(tokens[i], "(") ||
           is_mark(tokens[i], ")") || is_mark(tokens[i], "+");
  };
  std::size_t first = at;
  while (first > 0 && joins(first - 1) && at - first < 12) --first;
  std::size_t end = at + 1;
  while (end < tokens.size() && joins(end) && end - at < 12) ++end;
  std::size_t digits = 0;
  std::size_t groups = 0;
  bool plus = false;
  std::string_view first_group;
  for (std::size_t i = first; i < end; ++i) {
    if (is_mark(tokens[i], "+")) plus = plus || groups == 0;
    if (!pure_digits(tokens[i])) continue;
    if (groups == 0) first_group = tokens[i].text;
    digits += tokens[i].text.size();
    ++groups;
  }
  const bool zero = first_group.starts_with("0");
  if ((zero || plus) && digits >= 7 && (groups >= 2 || digits >= 10)) return true;
  if (digits >= 10 && groups >= 3) return true;
  // "call 999", "text 988", "call us on 0300 123": right after a verb of calling.
  std::size_t verb = first;
  if (verb > 0 && (tokens[verb - 1].is("on") || is_mark(tokens[verb - 1], ":"))) --verb;
  if (verb > 1 && tokens[verb - 1].is("us")) --verb;
  if (verb > 0 && one_of(tokens[verb - 1], {"call", "text", "dial", "ring", "phone", "tel",
                                            "telephone", "freephone", "helpline", "fax", "sms"})) {
    return true;
  }
  if (digits >= 6 && groups >= 2) {
    for (std::size_t i = first, seen = 0; i > 0 && seen < 4; --i, ++seen) {
      if (one_of(tokens[i - 1], {"call", "phone", "tel", "telephone", "freephone", "helpline",
                                 "ring", "dial", "text", "fax", "mobile"})) {
        return true;
      }
    }
  }
  return false;
}

// A number written inside a link, an e-mail address or a reference with '/'
// ("www.x.com/2020/05", "24/7"), or in a run of more than 200 bytes without white space.
bool in_link(std::string_view text, Span span) {
  constexpr std::size_t kReach = 200;
  std::size_t from = span.offset;
  while (from > 0 && span.offset - from <= kReach && text[from - 1] != ' ' &&
         text[from - 1] != '\n' && text[from - 1] != '\t') {
    --from;
  }
  std::size_t to = span.end();
  while (to < text.size() && to - span.end() <= kReach && text[to] != ' ' && text[to] != '\n' &&
         text[to] != '\t') {
    ++to;
  }
  if (span.offset - from > kReach || to - span.end() > kReach) return true;
  std::string_view chunk = text.substr(from, to - from);
  while (!chunk.empty() && (chunk.back() == ',' || chunk.back() == '.' || chunk.back() == ')' ||
                            chunk.back() == ';' || chunk.back() == ':')) {
    chunk.remove_suffix(1);
  }
  while (!chunk.empty() && chunk.front() == '(') chunk.remove_prefix(1);
  // "2017/18" is a fiscal year, not a reference.
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (chunk.size() == 7 && chunk[4] == '/' &&
      std::all_of(chunk.begin(), chunk.begin() + 4, digit) &&
      std::all_of(chunk.begin() + 5, chunk.end(), digit)) {
    return false;
  }
  return chunk.find('/') != std::string_view::npos || chunk.find('@') != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos;
}

bool label_word(const Token& token) {
  return one_of(
      token,
      {"no",       "nos",    "number",   "section",  "sections", "article", "clause", "paragraph",
       "schedule", "page",   "pages",    "chapter",  "part",     "figure",  "table",  "episode",
       "season",   "series", "volume",   "vol",      "version",  "route",   "flight", "junction",
       "day",      "round",  "stage",    "grade",    "level",    "top",     "room",   "bus",
       "channel",  "tier",   "phase",    "category", "covid",    "windows", "iphone", "euro",
       "size",     "gate",   "platform", "act",      "rule",     "line",    "unit",   "ward"});
}

struct Excluded {
  std::string reason;  // "" when the number may be a statistic
  Span shown;          // what the draft's comment shows: "1 November 2024", "0800 310 2300"
};

// The run of text around `span` without white space, trimmed of punctuation at its ends
// ("15A", "2023-24"), at most 40 bytes each side.
Span word_around(std::string_view text, Span span) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  const auto edge = [](char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
           c == '\'' || c == '!' || c == '?';
  };
  std::size_t from = span.offset;
  while (from > 0 && span.offset - from < 40 && !space(text[from - 1])) --from;
  std::size_t to = span.end();
  while (to < text.size() && to - span.end() < 40 && !space(text[to])) ++to;
  while (from < span.offset && edge(text[from])) ++from;
  while (to > span.end() && edge(text[to - 1])) --to;
  return Span{from, to - from};
}

// Phone numbers: the run of digit groups holding token `at`.
Span digit_run(const Tokens& tokens, std::size_t at) {
  std::size_t first = at;
  while (first > 0 && first + 12 > at &&
         (pure_digits(tokens[first - 1]) || is_mark(tokens[first - 1], "-") ||
          is_mark(tokens[first - 1], "(") || is_mark(tokens[first - 1], "+"))) {
    --first;
  }
  while (first < at && !pure_digits(tokens[first]) && !is_mark(tokens[first], "+")) ++first;
  std::size_t end = at + 1;
  while (end < tokens.size() && end < at + 12 &&
         (pure_digits(tokens[end]) || is_mark(tokens[end], "-") || is_mark(tokens[end], ")"))) {
    ++end;
  }
  while (end > at + 1 && !pure_digits(tokens[end - 1])) --end;
  return Span{tokens[first].span.offset, tokens[end - 1].span.end() - tokens[first].span.offset};
}

// Whether the number at `number` (with tokens [first, end) holding it) is left out, and why.
Excluded excluded(const SentenceText& s, const NumberInText& number, std::size_t first,
                  std::size_t end) {
  const Tokens& tokens = s.tokens;
  const Span span{number.offset, number.length};
  const std::string_view written = span.of(s.text);
  if (const Span* date = overlapping(s.dates, span)) return {"a date", *date};
  if (const Span* time = overlapping(s.times, span)) return {"a time of day", *time};
  std::size_t digits = 0;
  for (char c : written) digits += c >= '0' && c <= '9' ? 1 : 0;
  if (digits > 30)
    return {"a run of digits", Span{span.offset, std::min<std::size_t>(span.length, 20)}};
  if (first >= tokens.size()) return {};
  if (phone_number(tokens, first)) return {"a phone number", digit_run(tokens, first)};
  const Span around = word_around(s.text, span);
  const Token* before = first > 0 ? &tokens[first - 1] : nullptr;
  const Token* after = end < tokens.size() ? &tokens[end] : nullptr;
  const bool glued_before = before != nullptr && !tokens[first].space_before;
  const bool glued_after = after != nullptr && !after->space_before;
  if (in_link(s.text, span)) return {"part of a link, an address or a reference", around};
  // Years: "2017", "2017-18", "2017/18", "1990s"; a hedge or currency makes it a number.
  if (is_year(tokens[first]) && end == first + 1) {
    const bool hedged = before != nullptr && (hedge_word(*before) || is_mark(*before, "\u00A3") ||
                                              is_mark(*before, "$") || is_mark(*before, "\u20AC"));
    const bool scaled = after != nullptr &&
                        (is_mark(*after, "%") || one_of(*after, {"per", "percent", "pc", "times"}));
    if (!hedged && !scaled) {
      Span shown = span;
      if (end + 1 < tokens.size() && glued_after &&
          (is_mark(*after, "-") || is_mark(*after, "/") || is_mark(*after, "\u2013")) &&
          !tokens[end + 1].space_before && pure_digits(tokens[end + 1])) {
        shown = Span{span.offset, tokens[end + 1].span.end() - span.offset};  // 2017-18
      }
      if (glued_after && after->is("s")) shown = around;  // 1990s
      return {"a year", shown};
    }
  }
  if (glued_after && after->kind == TokenKind::word) {
    if (one_of(*after, {"st", "nd", "rd", "th"})) return {"an ordinal", around};
    if (after->is("s") && is_year(tokens[first])) return {"a year", around};
    return {"a name or a label", around};  // "15A", "4G"
  }
  if (glued_before && before->kind == TokenKind::word) return {"a name or a label", around};
  const bool digit = !number.numbers.front().empty() && number.numbers.front().front() >= '0' &&
                     number.numbers.front().front() <= '9';
  if (glued_before && is_mark(*before, "-") && first >= 2 && !before->space_before &&
      tokens[first - 2].kind == TokenKind::word && digit) {
    return {"a name or a label", around};  // "Covid-19"
  }
  if (glued_after && (is_mark(*after, "-") || is_mark(*after, "/")) && end + 1 < tokens.size() &&
      !tokens[end + 1].space_before && tokens[end + 1].kind == TokenKind::word &&
      time_unit(tokens[end + 1], true).empty() && !tokens[end + 1].is("per") && !digit) {
    return {"a name or a label", around};  // "double-decker", "half-time"
  }
  // "84 offences per 100,000 people": the base of a rate, not a statistic.
  if (before != nullptr && before->is("per") && digit && tokens[first].space_before) {
    return {"the base of a rate", Span{before->span.offset, span.end() - before->span.offset}};
  }
  if (before != nullptr && label_word(*before) && tokens[first].space_before) {
    return {"a name or a label",
            Span{before->span.offset, span.end() - before->span.offset}};  // "section 3"
  }
  if (first >= 2 && is_mark(*before, ".") && !before->space_before &&
      one_of(tokens[first - 2], {"no", "nos", "nr"})) {
    return {"a name or a label", Span{tokens[first - 2].span.offset,
                                      span.end() - tokens[first - 2].span.offset}};  // "No. 5"
  }
  // A length of time that names a period: "the past two years", "in the six months".
  if (after != nullptr && duration_word(*after) && before != nullptr) {
    const bool the = before->is("the") ||
                     (first >= 2 && tokens[first - 2].is("the") &&
                      one_of(*before, {"past", "last", "first", "next", "previous", "following",
                                       "preceding", "coming", "same", "latest"}));
    if (the) {
      const std::size_t from = before->is("the") ? first - 1 : first - 2;
      return {"a period",
              Span{tokens[from].span.offset, after->span.end() - tokens[from].span.offset}};
    }
  }
  // "a year and a half": the scanner's "a half" starts at "a".
  if (!digit) {
    std::size_t k = first;
    if (!one_of(tokens[k], {"a", "an"}) && k > 0 && one_of(tokens[k - 1], {"a", "an"})) --k;
    if (k >= 2 && tokens[k - 1].is("and") && duration_word(tokens[k - 2])) {
      return {"a period", Span{tokens[k - 2].span.offset, span.end() - tokens[k - 2].span.offset}};
    }
  }
  return {};
}

// ---- widening a number to its hedge and form

struct Widened {
  Span value;  // sentence-relative
  bool ok = false;
};

Widened widen(const SentenceText& s, Span number, std::size_t consumed) {
  const Tokens& tokens = s.tokens;
  std::vector<std::size_t> starts{number.offset};
  std::size_t left = first_from(tokens, number.offset);  // tokens [0, left) lie before
  if (left > 0 && tokens[left - 1].span.end() <= number.offset) {
    const Token& sign = tokens[left - 1];
    const bool glued = sign.span.end() == number.offset;
    if (glued && (is_mark(sign, "\u00A3") || is_mark(sign, "$") || is_mark(sign, "\u20AC") ||
                  is_mark(sign, "+"))) {
      starts.front() = sign.span.offset;
      --left;
    }
    // Up to three words before, separated by white space only ("no more than").
    for (std::size_t k = 0; k < 3 && left > 0; ++k) {
      const Token& word = tokens[left - 1];
      const std::size_t next = word.span.end();
      if (word.kind != TokenKind::word || word.span.offset < consumed) break;
      if (next < s.text.size() && !(s.text[next] == ' ' || s.text[next] == '\n' ||
                                    s.text[next] == '\t' || s.text[next] == '\r')) {
        break;
      }
      starts.push_back(word.span.offset);
      --left;
    }
  }
  std::vector<std::size_t> ends{number.end()};
  const std::size_t right = first_from(tokens, number.end());
  for (std::size_t k = right; k < tokens.size() && k < right + 5; ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::mark &&
        !(is_mark(t, "%") || is_mark(t, "(") || is_mark(t, ")") || is_mark(t, "-"))) {
      break;
    }
    // "79 in 2021/22" is 79 in a year, not "1 in 4": a year ends the value.
    if (is_year(t)) break;
    ends.push_back(t.span.end());
  }
  Widened best;
  for (std::size_t start : starts) {
    for (std::size_t end : ends) {
      const std::size_t length = end - start;
      if (best.ok && length <= best.value.length) continue;
      if (length > 200) continue;
      if (readable(s.text.substr(start, length))) best = {Span{start, length}, true};
    }
  }
  // "The majority" reads as "majority": the article is not needed.
  if (best.ok) {
    const std::string_view text = best.value.of(s.text);
    if (text.size() > 4 && lower(text.substr(0, 4)) == "the " && readable(text.substr(4))) {
      best.value = Span{best.value.offset + 4, best.value.length - 4};
    }
  }
  return best;
}

// ---- quoting

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

struct Drafted {
  Span value;             // sentence-relative
  std::size_t first = 0;  // its tokens [first, end)
  std::size_t end = 0;
  bool doubtful = false;  // marked "check"
};

// The drafted values of a sentence, in text order, for counting those in a stretch of
// tokens in logarithmic time (a sentence may hold a thousand values).
class ValueIndex {
 public:
  explicit ValueIndex(const std::vector<Drafted>& drafted) : drafted_(drafted) {
    for (std::size_t d = 0; d < drafted.size(); ++d) {
      if (!drafted[d].doubtful) sure_.push_back(d);
    }
  }

  // The values not marked "check" within tokens [first, end), `except` aside.
  [[nodiscard]] std::size_t count(std::size_t first, std::size_t end, std::size_t except) const {
    // Values do not overlap, so both their first and their end tokens ascend.
    const auto lo =
        std::lower_bound(sure_.begin(), sure_.end(), first,
                         [&](std::size_t d, std::size_t at) { return drafted_[d].first < at; });
    const auto hi = std::partition_point(lo, sure_.end(),
                                         [&](std::size_t d) { return drafted_[d].end <= end; });
    std::size_t n = static_cast<std::size_t>(hi - lo);
    if (except < drafted_.size() && !drafted_[except].doubtful && drafted_[except].first >= first &&
        drafted_[except].end <= end && n > 0) {
      --n;
    }
    return n;
  }

  // Whether token `at` lies inside a value, after its first token (the "and" of "one
  // hundred and twenty").
  [[nodiscard]] bool inside(std::size_t at) const {
    const auto after = std::partition_point(drafted_.begin(), drafted_.end(),
                                            [&](const Drafted& v) { return v.first < at; });
    return after != drafted_.begin() && std::prev(after)->end > at;
  }

  // Whether a value not marked "check" starts within tokens [first, end).
  [[nodiscard]] bool starts_in(std::size_t first, std::size_t end) const {
    const auto it =
        std::lower_bound(sure_.begin(), sure_.end(), first,
                         [&](std::size_t d, std::size_t at) { return drafted_[d].first < at; });
    return it != sure_.end() && drafted_[*it].first < end;
  }

 private:
  const std::vector<Drafted>& drafted_;
  std::vector<std::size_t> sure_;  // indices of the values not marked "check"
};

bool quote_mark_or_separator(const Token& token) {
  return token.kind == TokenKind::mark &&
         (token.text == "\"" || token.text == "\u201C" || token.text == "\u201D" ||
          token.text == "\u2018" || token.text == "," || token.text == ";" || token.text == ":" ||
          token.text == "." || token.text == "!" || token.text == "?" || token.text == "\u2026" ||
          token.text == "-" || token.text == "\u2013" || token.text == "\u2014" ||
          token.text == "|" || token.text == "*");
}

// A clause holding several statistics, split again before "and", "that", "while", …; a
// part without a statistic joins the next one (the last joins the one before), and so does
// a part of fewer than three words. The same for every value of the clause.
std::vector<Piece> clause_parts(const Tokens& tokens, const ValueIndex& values, Piece clause) {
  const auto holds_value = [&](const Piece& part) {
    return values.starts_in(part.first, part.end);
  };
  // Never split inside a value.
  std::vector<Piece> split;
  for (const Piece& part : split_pieces(tokens, clause.first, clause.end, true)) {
    if (!split.empty() && values.inside(part.first)) {
      split.back().end = part.end;
    } else {
      split.push_back(part);
    }
  }
  std::vector<Piece> merged;
  std::optional<std::size_t> pending;
  for (Piece part : split) {
    if (pending) part.first = *pending;
    pending.reset();
    if (!holds_value(part)) {
      pending = part.first;
    } else {
      merged.push_back(part);
    }
  }
  if (pending) {
    if (merged.empty()) {
      merged.push_back({*pending, clause.end});
    } else {
      merged.back().end = clause.end;
    }
  }
  std::vector<Piece> parts;
  for (const Piece& part : merged) {
    if (!parts.empty() && words_in(tokens, part.first, part.end) < 3) {
      parts.back().end = part.end;
    } else {
      parts.push_back(part);
    }
  }
  if (parts.size() >= 2 && words_in(tokens, parts.front().first, parts.front().end) < 3) {
    parts[1].first = parts.front().first;
    parts.erase(parts.begin());
  }
  return parts;
}

// The stretch of the sentence to quote for drafted[d]: its clause (split at commas, dashes
// and semicolons outside brackets), with a qualifying clause before it ("Where the gender
// was known, 83% of …") or a short tail ("…, Snapchat or Instagram"); split again at "and"
// when the clause holds another statistic; trimmed of conjunctions and punctuation at the
// ends. At most about 400 bytes: a window around the value in a longer clause. `parts`
// caches clause_parts() by clause, so a sentence costs time linear in its length.
Span quote_for(const SentenceText& s, const std::vector<Drafted>& drafted, const ValueIndex& values,
               std::map<std::size_t, std::vector<Piece>>& parts_of_clause, std::size_t d) {
  const Tokens& tokens = s.tokens;
  const Drafted& v = drafted[d];
  const std::size_t p = s.piece_of[v.first];
  std::size_t first = s.pieces[p].first;
  std::size_t end = s.pieces[p].end;
  if (!v.doubtful && values.count(first, end, d) > 0) {
    auto cached = parts_of_clause.find(p);
    if (cached == parts_of_clause.end()) {
      cached = parts_of_clause.emplace(p, clause_parts(tokens, values, s.pieces[p])).first;
    }
    const std::vector<Piece>& parts = cached->second;
    const auto part = std::partition_point(parts.begin(), parts.end(),
                                           [&](const Piece& x) { return x.end <= v.first; });
    if (part != parts.end() && v.first >= part->first && v.first < part->end) {
      first = std::min(part->first, v.first);
      end = std::max(part->end, v.end);
    }
  } else {
    const auto piece_words = [&](std::size_t q) {
      return s.words(s.pieces[q].first, s.pieces[q].end);
    };
    const auto piece_values = [&](std::size_t q) {
      return values.count(s.pieces[q].first, s.pieces[q].end, d);
    };
    if (p > 0 && piece_values(p - 1) == 0) {
      std::size_t lead = s.pieces[p].first;
      if (conjunction(tokens[lead]) && lead + 1 < s.pieces[p].end) ++lead;
      std::size_t prev_lead = s.pieces[p - 1].first;
      if (conjunction(tokens[prev_lead]) && prev_lead + 1 < s.pieces[p - 1].end) ++prev_lead;
      if (relative_word(tokens[lead]) || qualifier_word(tokens[prev_lead]) ||
          (p == 1 && piece_words(0) < 4)) {
        first = s.pieces[p - 1].first;
      }
    }
    // A list the clause ends in: "…involving Facebook, Snapchat or Instagram".
    for (std::size_t q = p + 1; q < s.pieces.size() && q <= p + 6 && piece_values(q) == 0; ++q) {
      const Piece& next = s.pieces[q];
      bool list_end = false;
      for (std::size_t k = next.first + 1; k < next.end && k <= next.first + 3; ++k) {
        list_end = list_end || one_of(tokens[k], {"and", "or"});
      }
      std::size_t lead = next.first;
      while (lead < next.end && tokens[lead].kind == TokenKind::mark) ++lead;
      const bool item = lead < next.end && tokens[lead].capitalised() && piece_words(q) <= 3;
      const bool short_tail = item || s.words(first, end) < 3;
      if (!list_end && !short_tail) break;
      end = next.end;
      if (list_end) break;
    }
  }
  // The quote holds the whole value, even one that runs over a separator ("twenty - one").
  first = std::min(first, v.first);
  end = std::max(end, v.end);
  // Too short to say anything ("to 5,500"): take the clause before as well.
  if (s.words(first, end) < 4 && s.piece_of[first] > 0 && s.piece_of[first] == p) {
    first = s.pieces[p - 1].first;
  }
  // A clause of more than about 400 bytes: a window of about 150 bytes either side of the
  // value, cut at tokens (so trimming below looks at a bounded stretch).
  constexpr std::size_t kMaxQuote = 400;
  constexpr std::size_t kReach = 150;
  if (tokens[end - 1].span.end() - tokens[first].span.offset > kMaxQuote) {
    const std::size_t lo = v.value.offset > kReach ? v.value.offset - kReach : 0;
    const std::size_t hi = v.value.end() + kReach;
    first = std::min(std::max(first, first_from(tokens, lo)), v.first);
    const auto last = std::partition_point(tokens.begin() + static_cast<std::ptrdiff_t>(v.end),
                                           tokens.begin() + static_cast<std::ptrdiff_t>(end),
                                           [&](const Token& t) { return t.span.end() <= hi; });
    end = static_cast<std::size_t>(last - tokens.begin());
  }
  // Trim: conjunctions and punctuation at the ends, unbalanced brackets; never the value.
  const std::size_t untrimmed_first = first;
  const std::size_t untrimmed_end = end;
  const auto count = [&](std::string_view mark) {
    return std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                         tokens.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](const Token& x) { return is_mark(x, mark); });
  };
  std::ptrdiff_t open = count("(") - count(")");  // unclosed brackets in [first, end)
  while (first < v.first) {
    const Token& t = tokens[first];
    // A sentence's first "That" is a pronoun ("That is nine a day"), not a conjunction.
    const bool pronoun = first == 0 && t.is("that");
    if ((conjunction(t) && !pronoun && s.words(first + 1, end) >= 3) ||
        quote_mark_or_separator(t) || (is_mark(t, "(") && open > 0)) {
      if (is_mark(t, "(")) --open;
      if (is_mark(t, ")")) ++open;
      ++first;
    } else {
      break;
    }
  }
  while (end > v.end) {
    const Token& t = tokens[end - 1];
    if (quote_mark_or_separator(t) || (is_mark(t, ")") && open < 0)) {
      if (is_mark(t, ")")) ++open;
      if (is_mark(t, "(")) --open;
      --end;
    } else {
      break;
    }
  }
  // A quote mark trimmed away from its pair ("in \"2019\":" → "in \"2019") comes back, with
  // the punctuation between.
  const auto rebalance = [&](std::string_view opening, std::string_view closing) {
    const bool straight = opening == closing;
    const std::ptrdiff_t opened = straight ? count(opening) % 2 : count(opening) - count(closing);
    if (opened > 0) {  // look for the closing mark after the end
      for (std::size_t k = end; k < untrimmed_end && tokens[k].kind == TokenKind::mark; ++k) {
        if (is_mark(tokens[k], closing)) {
          end = k + 1;
          return;
        }
      }
    }
    if (opened < 0 || (straight && opened > 0)) {  // look for the opening mark before the start
      for (std::size_t k = first; k > untrimmed_first && tokens[k - 1].kind == TokenKind::mark;
           --k) {
        if (is_mark(tokens[k - 1], opening)) {
          first = k - 1;
          return;
        }
      }
    }
  };
  rebalance("\"", "\"");
  rebalance("\u201C", "\u201D");
  return Span{tokens[first].span.offset, tokens[end - 1].span.end() - tokens[first].span.offset};
}

// ---- what the words around a number say

// Up to `max` words after token `from` (within [from, end)), until a verb, a preposition
// of time or place, or punctuation: "sexual communication with a child offences".
std::string words_after(const Tokens& tokens, std::size_t from, std::size_t end, std::size_t max) {
  std::string out;
  std::size_t taken = 0;
  for (std::size_t i = from; i < end && taken < max; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::mark && !(is_mark(t, "-") && !t.space_before)) break;
    if (t.kind != TokenKind::mark && ends_phrase(t)) break;
    if (!out.empty() && t.space_before) out += ' ';
    out += t.text;
    if (t.kind != TokenKind::mark) ++taken;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  // Not ending in a stop word: "offences recorded of sexual communication with" loses
  // "with"; "and" or "a" alone is nothing.
  while (!out.empty()) {
    const std::size_t space = out.rfind(' ');
    const std::string last = out.substr(space == std::string::npos ? 0 : space + 1);
    if (!stop_word(lower(last))) break;
    out.resize(space == std::string::npos ? 0 : space);
  }
  return out;
}

// Content words (not stop words) next to the value for its id: after it, or before it,
// among the nearest kReach tokens.
std::vector<std::string> content_words(const Tokens& tokens, std::size_t from, std::size_t to,
                                       bool forward, std::size_t max) {
  constexpr std::size_t kReach = 12;
  std::vector<std::string> words;
  if (forward) {
    to = std::min(to, from + kReach);
    for (std::size_t i = from; i < to && words.size() < max; ++i) {
      const Token& t = tokens[i];
      if (t.kind == TokenKind::mark && !is_mark(t, "-")) break;
      if (t.kind != TokenKind::word || stop_word(lower(t.text))) continue;
      words.push_back(lower(t.text));
    }
  } else {
    from = std::max(from, to > kReach ? to - kReach : 0);
    for (std::size_t i = to; i > from && words.size() < max; --i) {
      const Token& t = tokens[i - 1];
      if (t.kind == TokenKind::mark && !is_mark(t, "-")) break;
      if (t.kind != TokenKind::word || stop_word(lower(t.text)) || hedge_word(t)) continue;
      words.insert(words.begin(), lower(t.text));
    }
  }
  return words;
}

// The number of a value for its id: "89%" → "89pc", "more than 10,000" → "10000",
// "almost half (47%)" → "half-47pc", "1 in 4" → "1-in-4".
std::string number_tag(std::string_view value) {
  const Tokens tokens = tokenize(value);
  std::size_t i = 0;
  while (i < tokens.size() &&
         (hedge_word(tokens[i]) || one_of(tokens[i], {"a", "an", "the", "no", "at", "just"}))) {
    ++i;
  }
  if (i == tokens.size()) i = 0;
  std::string tag;
  for (; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    std::string piece;
    if (is_mark(t, "%") || one_of(t, {"percent", "pc", "pct"})) {
      piece = "pc";
    } else if (t.is("per") && i + 1 < tokens.size() && tokens[i + 1].is("cent")) {
      piece = "pc";
      ++i;
    } else if (t.kind == TokenKind::number) {
      for (char c : t.text) {
        if (c != ',') piece += c == '.' ? '-' : c;
      }
    } else if (t.kind == TokenKind::word && !one_of(t, {"a", "an", "the"})) {
      piece = lower(t.text);
    }
    if (piece.empty()) continue;
    const bool glue =
        piece == "pc" || (!tag.empty() && !t.space_before && t.kind == TokenKind::word &&
                          tokens[i - 1].kind == TokenKind::number);
    if (!tag.empty() && !glue) tag += '-';
    tag += piece;
  }
  return slug(tag);
}

// ---- periods and places named in a text

std::string month_year_span(const DateMention& date) {
  // "the year to April 2019": the twelve months ending with April 2019.
  int month = date.date.month + 1;
  int year = date.date.year - 1;
  if (month > 12) {
    month = 1;
    ++year;
  }
  return iso(CalendarDate{year, month, 0}) + ".." + iso(date.date);
}

void add_unique(std::vector<std::string>& list, std::string item) {
  if (item.empty()) return;
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

bool place_stop(const Token& token) {
  static constexpr std::array<std::string_view, 30> kNotPlaces = {
      "january",    "february", "march",     "april",    "may",      "june",
      "july",       "august",   "september", "october",  "november", "december",
      "monday",     "tuesday",  "wednesday", "thursday", "friday",   "saturday",
      "sunday",     "the",      "a",         "an",       "online",   "government",
      "parliament", "court",    "police",    "i",        "it",       "this"};
  const std::string word = lower(token.text);
  return std::find(kNotPlaces.begin(), kNotPlaces.end(), word) != kNotPlaces.end();
}

}  // namespace

std::string slug(std::string_view text, std::size_t max) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\'' ||
               (c == ',' && !out.empty() && out.back() >= '0' && out.back() <= '9' && !dash)) {
      continue;  // "children's" → "childrens", "10,000" → "10000"
    } else {
      dash = true;
    }
  }
  if (out.size() > max) {
    const std::size_t cut = out.rfind('-', max);
    out.resize(cut == std::string::npos || cut == 0 ? max : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

namespace {

// periods_in and places_in over the tokens of `text`, which find_statistics has already.
std::vector<std::string> periods_of(std::string_view text, const Tokens& tokens) {
  const std::vector<DateMention> dates = find_dates(text, tokens);
  std::vector<std::string> periods;
  std::size_t next_date = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    while (next_date < dates.size() && dates[next_date].span.end() <= t.span.offset) ++next_date;
    if (next_date < dates.size() && dates[next_date].span.offset <= t.span.offset) {
      const DateMention& date = dates[next_date];
      if (date.span.offset == t.span.offset && date.date.year != 0) {
        const bool year_to = date.date.day == 0 && i >= 2 && tokens[i - 1].is("to") &&
                             one_of(tokens[i - 2], {"year", "months"});
        std::string item = std::string(date.span.of(text));
        item += " (" + (year_to ? month_year_span(date) : iso(date.date)) + ")";
        if (year_to) item = "the year to " + item;
        add_unique(periods, item);
      }
      continue;
    }
    const std::string since =
        i > 0 && one_of(tokens[i - 1], {"since", "until", "before", "after", "by"})
            ? lower(tokens[i - 1].text) + " "
            : "";
    if (is_year(t)) {
      // 2017-18, 2017/18: a fiscal year; 2017-2019: two years.
      if (i + 2 < tokens.size() && !tokens[i + 1].space_before && !tokens[i + 2].space_before &&
          (is_mark(tokens[i + 1], "-") || is_mark(tokens[i + 1], "/") ||
           is_mark(tokens[i + 1], "\u2013")) &&
          pure_digits(tokens[i + 2]) && tokens[i + 2].text.size() == 2) {
        const int year = digits_value(t);
        if (digits_value(tokens[i + 2]) == (year + 1) % 100) {
          add_unique(periods, since + std::string(t.text) + "-" + std::string(tokens[i + 2].text));
          i += 2;
          continue;
        }
      }
      if (i + 1 < tokens.size() && !tokens[i + 1].space_before && tokens[i + 1].is("s")) continue;
      add_unique(periods, since + std::string(t.text));
      continue;
    }
    const auto how_many = [&](std::size_t k) {
      return k < tokens.size() &&
             (pure_digits(tokens[k]) ||
              one_of(tokens[k], {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                                 "ten", "eleven", "twelve", "eighteen", "few"}));
    };
    // the two years following, the five years since, the six months
    if (t.is("the") && how_many(i + 1) && i + 2 < tokens.size() && duration_word(tokens[i + 2])) {
      std::string phrase = "the " + lower(tokens[i + 1].text) + " " + lower(tokens[i + 2].text);
      std::size_t k = i + 2;
      if (k + 1 < tokens.size() && one_of(tokens[k + 1], {"since", "following", "after", "before",
                                                          "to", "until", "ending"})) {
        phrase += " " + lower(tokens[k + 1].text);
        ++k;
      }
      add_unique(periods, phrase);
      i = k;
      continue;
    }
    // last year, the previous year, this month, the past two years, the last 6 years
    if (one_of(t, {"last", "past", "previous", "this", "next", "current", "first", "coming",
                   "preceding"})) {
      std::size_t k = i + 1;
      std::string phrase = lower(t.text);
      if (how_many(k)) {
        phrase += " " + std::string(tokens[k].text);
        ++k;
      }
      if (k < tokens.size() && tokens[k].is("financial")) {
        phrase += " financial";
        ++k;
      }
      if (k < tokens.size() &&
          (duration_word(tokens[k]) || one_of(tokens[k], {"quarter", "quarters"}))) {
        phrase += " " + lower(tokens[k].text);
        const bool the = i > 0 && tokens[i - 1].is("the");
        add_unique(periods, (the ? "the " : "") + phrase);
        i = k;
      }
      continue;
    }
    if (t.is("in") && i + 2 < tokens.size() && tokens[i + 1].is("a") && tokens[i + 2].is("year")) {
      add_unique(periods, "in a year");
      i += 2;
    }
  }
  return periods;
}

std::vector<std::string> places_of(const Tokens& tokens) {
  static const std::vector<std::vector<std::string_view>> kPlaces = {{"England", "and", "Wales"},
                                                                     {"Northern", "Ireland"},
                                                                     {"Great", "Britain"},
                                                                     {"United", "Kingdom"},
                                                                     {"United", "States"},
                                                                     {"Republic", "of", "Ireland"},
                                                                     {"UK"},
                                                                     {"GB"},
                                                                     {"Britain"},
                                                                     {"England"},
                                                                     {"Wales"},
                                                                     {"Scotland"},
                                                                     {"Ireland"},
                                                                     {"London"},
                                                                     {"US"},
                                                                     {"USA"},
                                                                     {"EU"},
                                                                     {"Europe"}};
  std::vector<std::string> places;
  const auto matches = [&](std::size_t i, const std::vector<std::string_view>& name) {
    if (i + name.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < name.size(); ++k) {
      if (tokens[i + k].kind != TokenKind::word || tokens[i + k].text != name[k]) return false;
    }
    return true;
  };
  const auto capitalised_run = [&](std::size_t i) {  // "Greater Manchester", "Ross"
    std::size_t k = i;
    while (k < tokens.size() && k < i + 4 && tokens[k].capitalised() && !place_stop(tokens[k])) ++k;
    return k;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool known = false;
    for (const auto& name : kPlaces) {
      if (matches(i, name)) {
        std::string joined;
        for (std::string_view w : name) joined += (joined.empty() ? "" : " ") + std::string(w);
        // "U.K." is written with full stops.
        add_unique(places, joined);
        i += name.size() - 1;
        known = true;
        break;
      }
    }
    if (known) continue;
    if (tokens[i].text == "U" && i + 2 < tokens.size() && is_mark(tokens[i + 1], ".") &&
        (tokens[i + 2].text == "K" || tokens[i + 2].text == "S")) {
      add_unique(places, tokens[i + 2].text == "K" ? "UK" : "US");  // "U.K.", "U.S."
      i += 2;
      continue;
    }
    // "Cambridgeshire police", "Greater Manchester Police"
    if (tokens[i].capitalised() && !place_stop(tokens[i])) {
      const std::size_t k = capitalised_run(i);
      if (k < tokens.size() && one_of(tokens[k], {"police", "constabulary"}) && k > i) {
        std::string name;
        for (std::size_t w = i; w < k; ++w) {
          if (one_of(tokens[w], {"police", "constabulary"})) break;
          name += (name.empty() ? "" : " ") + std::string(tokens[w].text);
        }
        add_unique(places, name);
        i = k;
        continue;
      }
    }
    // "in Salford", "across Cambridgeshire"
    if (one_of(tokens[i], {"in", "across", "throughout"}) && i + 1 < tokens.size()) {
      std::size_t from = i + 1;
      if (tokens[from].is("the")) ++from;
      const bool known_place = std::any_of(kPlaces.begin(), kPlaces.end(),
                                           [&](const auto& name) { return matches(from, name); });
      if (from < tokens.size() && !known_place && tokens[from].capitalised() &&
          tokens[from].text.size() > 1 && !place_stop(tokens[from]) &&
          !(tokens[from].text.size() > 1 &&
            std::all_of(tokens[from].text.begin(), tokens[from].text.end(),
                        [](char c) { return c >= 'A' && c <= 'Z'; }))) {
        const std::size_t k = capitalised_run(from);
        std::string name;
        for (std::size_t w = from; w < k; ++w)
          name += (name.empty() ? "" : " ") + std::string(tokens[w].text);
        add_unique(places, name);
        i = k > i ? k - 1 : i;
      }
    }
  }
  return places;
}

}  // namespace

std::vector<std::string> periods_in(std::string_view text) {
  return periods_of(text, tokenize(text));
}

std::vector<std::string> places_in(std::string_view text) {
  return places_of(tokenize(text));
}

Statistics find_statistics(std::string_view text, const std::vector<Sentence>& sentences,
                           const Limits& limits) {
  Statistics out;
  std::size_t looked_at = 0;
  constexpr std::size_t kKeepLeftOut = 300;
  for (const Sentence& sentence : sentences) {
    if (out.truncated) break;
    const SentenceText s = read_sentence(text, sentence);
    const std::vector<NumberInText> numbers = number_spans_in_text(s.text);
    if (numbers.empty()) continue;

    struct Found {
      Drafted drafted;
      Statistic statistic;
    };
    std::vector<Found> found;
    std::size_t consumed = 0;
    // Whether a clause has words of rise and fall, read once per clause.
    struct Change {
      bool rise = false;
      bool fall = false;
    };
    std::vector<std::optional<Change>> changes(s.pieces.size());
    const auto change_words = [&](std::size_t p) {
      if (!changes[p]) {
        Change change;
        for (std::size_t k = s.pieces[p].first; k < s.pieces[p].end; ++k) {
          change.rise = change.rise || rise_word(s.tokens[k]);
          change.fall = change.fall || fall_word(s.tokens[k]);
        }
        changes[p] = change;
      }
      return *changes[p];
    };
    for (const NumberInText& number : numbers) {
      if (number.offset < consumed) continue;
      if (++looked_at > limits.max_numbers ||
          out.found.size() + found.size() >= limits.max_statistics) {
        out.truncated = true;
        break;
      }
      const Span span{number.offset, number.length};
      const std::size_t first = token_at(s.tokens, span.offset);
      const std::size_t end = std::max(first + 1, first_from(s.tokens, span.end()));
      const auto leave_out = [&](std::string reason, Span what) {
        ++out.left_out_count;
        if (out.left_out.size() < kKeepLeftOut) {
          out.left_out.push_back(
              LeftOut{collapse_space(what.of(s.text)), std::move(reason), s.line});
        }
      };
      const Excluded out_of_draft = excluded(s, number, first, end);
      if (!out_of_draft.reason.empty()) {
        leave_out(out_of_draft.reason, out_of_draft.shown);
        consumed = std::max(span.end(), out_of_draft.shown.end());
        continue;
      }
      const Widened widened = widen(s, span, consumed);
      if (!widened.ok) {
        leave_out("not a value the grammar reads", span);
        continue;
      }
      const std::string value_text = quote_text(widened.value.of(s.text));
      const std::string folded = lower(value_text);
      const std::size_t vfirst = token_at(s.tokens, widened.value.offset);
      const std::size_t vend = std::max(vfirst + 1, first_from(s.tokens, widened.value.end()));
      const Token* before = vfirst > 0 ? &s.tokens[vfirst - 1] : nullptr;
      const Token* after = vend < s.tokens.size() ? &s.tokens[vend] : nullptr;
      if ((folded == "one" || folded.ends_with(" one")) && after != nullptr && after->is("every")) {
        leave_out("'one' of 'one every …' (the interval is the number after it)", widened.value);
        consumed = widened.value.end();
        continue;
      }
      if (folded == "one" || folded == "zero" ||
          (folded == "most" && !(after != nullptr && after->is("of")))) {
        leave_out("'" + value_text + "' alone", widened.value);
        consumed = widened.value.end();
        continue;
      }
      consumed = widened.value.end();

      Statistic st;
      st.value_text = value_text;
      st.line = s.line;
      const std::size_t piece = s.piece_of[vfirst];
      const std::size_t piece_first = s.pieces[piece].first;
      const std::size_t piece_end = std::max(s.pieces[piece].end, vend);
      // The kind of fact the words suggest.
      const Form form = form_of(value_text);
      if (form == Form::number) {
        st.kind = StatisticKind::figure;
        const std::string every_unit = before != nullptr && before->is("every") && after != nullptr
                                           ? time_unit(*after, true)
                                           : "";
        if (!every_unit.empty()) {
          st.kind = StatisticKind::interval;
          st.unit = every_unit;
        } else {
          for (std::size_t k = vend; k + 1 < piece_end && k < vend + 5; ++k) {
            const Token& t = s.tokens[k];
            const std::string unit = time_unit(s.tokens[k + 1], false);
            if (unit.empty()) continue;
            const bool per = one_of(t, {"per", "each", "every"});
            const bool a = one_of(t, {"a", "an"}) &&
                           (k == vend || !one_of(s.tokens[k - 1], {"in", "within", "for", "over",
                                                                   "than", "the", "last", "past"}));
            if (per || a) {
              st.kind = StatisticKind::rate;
              st.unit = unit;
              break;
            }
          }
        }
      } else if (form == Form::fraction) {
        st.kind = StatisticKind::share;
        const bool of = after != nullptr && after->is("of");
        const Change change = change_words(piece);
        bool rise = change.rise;
        bool fall = change.fall;
        for (std::size_t k = s.pieces[piece].end; k < piece_end; ++k) {  // the value's own
          rise = rise || rise_word(s.tokens[k]);
          fall = fall || fall_word(s.tokens[k]);
        }
        if (!of && (rise || fall)) {
          st.kind = StatisticKind::change;
          st.fall = fall && !rise;
        }
      } else {
        constexpr std::string_view kVerbs[] = {"doubled", "doubling", "tripled",    "tripling",
                                               "trebled", "trebling", "quadrupled", "halv"};
        const bool verb =
            std::any_of(std::begin(kVerbs), std::end(kVerbs),
                        [&](std::string_view w) { return folded.find(w) != std::string::npos; });
        st.kind = verb ? StatisticKind::change : StatisticKind::ratio;
        st.fall = folded.find("halv") != std::string::npos;
      }
      // Doubts: ages, lengths of time, "Boy, 4," in a headline.
      const auto after_is = [&](std::size_t k, std::string_view word) {
        return vend + k < s.tokens.size() && s.tokens[vend + k].is(word);
      };
      // "aged 11", "aged between 12 and 15", "as young as 11": a number after "aged" with no
      // punctuation between; "people under 18"; "she was 12".
      bool aged = false;
      if (form == Form::number) {
        for (std::size_t k = vfirst, seen = 0; k > 0 && seen < 4; --k, ++seen) {
          const Token& t = s.tokens[k - 1];
          if (t.kind == TokenKind::mark) break;
          if (one_of(t, {"aged", "age", "ages"})) aged = true;
        }
        aged = aged || (vfirst >= 2 && s.tokens[vfirst - 1].is("as") &&
                        one_of(s.tokens[vfirst - 2], {"young", "old"}));
      }
      const bool small = number.numbers.front().size() <= 3 &&
                         std::all_of(number.numbers.front().begin(), number.numbers.front().end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
      const bool people_under =
          form == Form::number && small && before != nullptr &&
          std::stoi(number.numbers.front()) <= 25 &&
          (folded.starts_with("under ") || folded.starts_with("over ") ||
           folded.starts_with("below ") || folded.starts_with("above ")) &&
          one_of(*before, {"people", "children", "child", "young", "girls", "boys", "kids", "those",
                           "persons", "adults", "teenagers", "pupils", "students", "victims",
                           "anyone", "everyone"});
      const bool she_was =
          form == Form::number && small && vfirst >= 2 &&
          one_of(s.tokens[vfirst - 1], {"was", "is", "turned", "being"}) &&
          one_of(s.tokens[vfirst - 2], {"she", "he", "i", "they", "who", "you", "we"}) &&
          (after == nullptr || after->kind == TokenKind::mark ||
           one_of(*after, {"when", "and", "but", "at", "then"}));
      aged = aged || people_under || she_was;
      const bool year_old =
          (after != nullptr && is_mark(*after, "-") && !after->space_before &&
           (after_is(1, "year") || after_is(1, "years") || after_is(1, "month"))) ||
          ((after_is(0, "years") || after_is(0, "year")) && after_is(1, "old")) ||
          (after_is(0, "years") && after_is(1, "of") && after_is(2, "age")) ||
          (after_is(0, "or") && (after_is(1, "younger") || after_is(1, "older") ||
                                 after_is(1, "under") || after_is(1, "over")));
      // "Boy, 4, found dead": an age in a headline.
      const bool headline_age = before != nullptr && after != nullptr && is_mark(*before, ",") &&
                                is_mark(*after, ",") && vfirst >= 2 &&
                                s.tokens[vfirst - 2].capitalised() && form == Form::number &&
                                small && folded.size() <= 3;
      // One end of a range: "3,000-4,000", "between 10 and 20 per cent".
      const auto a_number = [&](std::size_t k) {
        return k < s.tokens.size() &&
               (s.tokens[k].kind == TokenKind::number || form_of(s.tokens[k].text) == Form::number);
      };
      const auto dash = [&](std::size_t k) {
        return is_mark(s.tokens[k], "-") || is_mark(s.tokens[k], "\u2013");
      };
      const auto between_before = [&](std::size_t k) {  // "between" just before token k
        return (k >= 1 && s.tokens[k - 1].is("between")) ||
               (k >= 2 && s.tokens[k - 2].is("between"));
      };
      const bool range_start = vend + 1 < s.tokens.size() && a_number(vend + 1) &&
                               (dash(vend) || (s.tokens[vend].is("and") && between_before(vfirst)));
      const bool range_end =
          vfirst >= 2 && s.tokens[vfirst - 2].kind == TokenKind::number &&
          (dash(vfirst - 1) || (s.tokens[vfirst - 1].is("and") && between_before(vfirst - 2)));
      if (aged || year_old || headline_age) {
        st.check = "an age";
      } else if (range_start || range_end) {
        st.check = "one end of a range, and a value cannot be a range";
      } else if (after_is(0, "percentage") && (after_is(1, "point") || after_is(1, "points"))) {
        st.check = "a difference in percentage points, which no claim states";
      } else if (st.kind == StatisticKind::figure && after != nullptr && duration_word(*after)) {
        st.check = "a length of time";
      }
      // What is counted, or the whole of a share.
      std::size_t counted_from = vend;
      if (after != nullptr && after->is("of")) ++counted_from;
      std::size_t counted_end = piece_end;
      if (st.kind == StatisticKind::rate) {
        for (std::size_t k = counted_from; k + 1 < piece_end; ++k) {
          if (one_of(s.tokens[k], {"per", "a", "an", "each", "every"}) &&
              !time_unit(s.tokens[k + 1], false).empty()) {
            counted_end = k;
            break;
          }
        }
      }
      st.counted = words_after(s.tokens, counted_from, counted_end, 8);
      // A share's whole follows its "of"; a rate counts what comes before its "per"; an
      // age or a claim without "of" names no measure after it.
      const bool names_measure = st.kind == StatisticKind::figure ||
                                 st.kind == StatisticKind::rate ||
                                 (after != nullptr && after->is("of"));
      if (!names_measure || st.check == "an age" || range_start) st.counted.clear();
      // The id: the number and the words next to it, in the order the text has them: for a
      // change, or a share whose clause names something before it ("Snapchat named in
      // 48%"), the words before; else the words after ("7,062 sexual communication …").
      const std::string tag = number_tag(value_text);
      const bool of_after = after != nullptr && after->is("of");
      const std::vector<std::string> words_before =
          content_words(s.tokens, piece_first, vfirst, false, 3);
      const std::vector<std::string> words_following =
          content_words(s.tokens, of_after ? vend + 1 : vend, piece_end, true, 3);
      bool named_before = false;
      for (std::size_t k = vfirst; k > piece_first && vfirst - k < 6; --k) {
        const Token& t = s.tokens[k - 1];
        named_before = named_before || (t.capitalised() && k - 1 != piece_first);
        named_before =
            named_before || (t.capitalised() && t.text.size() > 1 && !stop_word(lower(t.text)));
      }
      const bool before_first =
          (st.kind == StatisticKind::change && !words_before.empty()) ||
          (st.kind == StatisticKind::share && named_before && !words_before.empty()) ||
          words_following.empty();
      std::string id;
      if (before_first) {
        for (const std::string& w : words_before) id += w + "-";
        id += tag;
      } else {
        id = tag;
        for (const std::string& w : words_following) id += "-" + w;
      }
      st.id_base = slug(id);
      if (st.id_base.empty()) st.id_base = "fact";
      st.value = Span{s.base + widened.value.offset, widened.value.length};
      found.push_back(
          Found{Drafted{widened.value, vfirst, vend, !st.check.empty()}, std::move(st)});
    }
    if (found.empty()) continue;
    std::vector<Drafted> drafted;
    for (const Found& f : found) drafted.push_back(f.drafted);
    const ValueIndex values(drafted);
    std::map<std::size_t, std::vector<Piece>> parts_of_clause;
    const std::vector<std::string> periods = periods_of(s.text, s.tokens);
    const std::vector<std::string> places = places_of(s.tokens);
    for (std::size_t d = 0; d < found.size(); ++d) {
      Statistic& st = found[d].statistic;
      const Span quote = quote_for(s, drafted, values, parts_of_clause, d);
      st.quote = Span{s.base + quote.offset, quote.length};
      st.quote_text = quote_text(quote.of(s.text));
      st.periods = periods;
      st.places = places;
      out.found.push_back(std::move(st));
    }
  }
  return out;
}

}  // namespace cc::extract
