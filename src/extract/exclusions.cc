#include "extract/exclusions.h"

#include <algorithm>
#include <optional>

namespace cc::extract {
namespace {

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

// A number and the tokens around it.
struct NumberAt {
  const SentenceText& s;
  Span span;              // the number, sentence-relative
  std::size_t first = 0;  // its tokens [first, end)
  std::size_t end = 0;
  const Token* before = nullptr;
  const Token* after = nullptr;
  bool glued_before = false;  // no white space between the number and the token before
  bool glued_after = false;
  bool digit = false;  // written in digits
  Span around;         // the run of text around it without white space

  [[nodiscard]] const Token& token(std::size_t i) const { return s.tokens[i]; }
  [[nodiscard]] Span from(std::size_t i) const {  // token i to the number's end
    return Span{token(i).span.offset, span.end() - token(i).span.offset};
  }
};

// Dates, times, long runs of digits, phone numbers and links: read from the text.
std::optional<Excluded> excluded_by_text(const SentenceText& s, Span span, std::size_t first) {
  if (const Span* date = overlapping(s.dates, span)) return Excluded{"a date", *date};
  if (const Span* time = overlapping(s.times, span)) return Excluded{"a time of day", *time};
  const std::string_view written = span.of(s.text);
  const auto digits =
      std::count_if(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits > 30)
    return Excluded{"a run of digits", Span{span.offset, std::min<std::size_t>(span.length, 20)}};
  if (first >= s.tokens.size()) return Excluded{};
  if (phone_number(s.tokens, first)) return Excluded{"a phone number", digit_run(s.tokens, first)};
  return std::nullopt;
}

// Years: "2017", "2017-18", "2017/18", "1990s"; a hedge or currency makes it a number.
std::optional<Excluded> excluded_year(const NumberAt& n) {
  if (!is_year(n.token(n.first)) || n.end != n.first + 1) return std::nullopt;
  const Token* before = n.before;
  const Token* after = n.after;
  const bool hedged = before != nullptr && (hedge_word(*before) || is_mark(*before, "\u00A3") ||
                                            is_mark(*before, "$") || is_mark(*before, "\u20AC"));
  const bool scaled = after != nullptr &&
                      (is_mark(*after, "%") || one_of(*after, {"per", "percent", "pc", "times"}));
  if (hedged || scaled) return std::nullopt;
  Span shown = n.span;
  if (n.end + 1 < n.s.tokens.size() && n.glued_after &&
      (is_mark(*after, "-") || is_mark(*after, "/") || is_mark(*after, "\u2013")) &&
      !n.token(n.end + 1).space_before && pure_digits(n.token(n.end + 1))) {
    shown = Span{n.span.offset, n.token(n.end + 1).span.end() - n.span.offset};  // 2017-18
  }
  if (n.glued_after && after->is("s")) shown = n.around;  // 1990s
  return Excluded{"a year", shown};
}

// Words glued to the number: "15th", "15A", "4G", "Covid-19", "double-decker".
std::optional<Excluded> excluded_glued(const NumberAt& n) {
  const Token* before = n.before;
  const Token* after = n.after;
  if (n.glued_after && after->kind == TokenKind::word) {
    if (one_of(*after, {"st", "nd", "rd", "th"})) return Excluded{"an ordinal", n.around};
    if (after->is("s") && is_year(n.token(n.first))) return Excluded{"a year", n.around};
    return Excluded{"a name or a label", n.around};  // "15A", "4G"
  }
  if (n.glued_before && before->kind == TokenKind::word)
    return Excluded{"a name or a label", n.around};
  if (n.glued_before && is_mark(*before, "-") && n.first >= 2 && !before->space_before &&
      n.token(n.first - 2).kind == TokenKind::word && n.digit) {
    return Excluded{"a name or a label", n.around};  // "Covid-19"
  }
  if (n.glued_after && (is_mark(*after, "-") || is_mark(*after, "/")) &&
      n.end + 1 < n.s.tokens.size() && !n.token(n.end + 1).space_before &&
      n.token(n.end + 1).kind == TokenKind::word && time_unit(n.token(n.end + 1), true).empty() &&
      !n.token(n.end + 1).is("per") && !n.digit) {
    return Excluded{"a name or a label", n.around};  // "double-decker", "half-time"
  }
  return std::nullopt;
}

// "top 29,000", "top 100k": a mark crossed (FORMAT §2: more than X), not a ranking ("top
// 10", "top three"): "top" before digits with more than three digits or a scale.
bool crossed_mark(const NumberAt& n) {
  const std::string_view written = n.span.of(n.s.text);
  if (!n.before->is("top") || written.empty() || written[0] < '0' || written[0] > '9') return false;
  const auto digits =
      std::count_if(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool scaled = std::any_of(written.begin(), written.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
  return digits > 3 || scaled;
}

// The word before: "per 100,000" (the base of a rate), "section 3", "No. 5".
std::optional<Excluded> excluded_by_word_before(const NumberAt& n) {
  const Token* before = n.before;
  const bool spaced = n.token(n.first).space_before;
  if (before != nullptr && before->is("per") && n.digit && spaced)
    return Excluded{"the base of a rate", n.from(n.first - 1)};
  if (before != nullptr && label_word(*before) && spaced && !crossed_mark(n))
    return Excluded{"a name or a label", n.from(n.first - 1)};  // "section 3"
  if (n.first >= 2 && is_mark(*before, ".") && !before->space_before &&
      one_of(n.token(n.first - 2), {"no", "nos", "nr"})) {
    return Excluded{"a name or a label", n.from(n.first - 2)};  // "No. 5"
  }
  return std::nullopt;
}

// A length of time that names a period: "the past two years", "in the six months", "a
// year and a half" (the scanner's "a half" starts at "a").
std::optional<Excluded> excluded_period(const NumberAt& n) {
  const Token* before = n.before;
  const Token* after = n.after;
  if (after != nullptr && duration_word(*after) && before != nullptr) {
    const bool the = before->is("the") ||
                     (n.first >= 2 && n.token(n.first - 2).is("the") &&
                      one_of(*before, {"past", "last", "first", "next", "previous", "following",
                                       "preceding", "coming", "same", "latest"}));
    if (the) {
      const std::size_t from = before->is("the") ? n.first - 1 : n.first - 2;
      return Excluded{"a period", Span{n.token(from).span.offset,
                                       after->span.end() - n.token(from).span.offset}};
    }
  }
  if (n.digit) return std::nullopt;
  std::size_t k = n.first;
  if (!one_of(n.token(k), {"a", "an"}) && k > 0 && one_of(n.token(k - 1), {"a", "an"})) --k;
  if (k >= 2 && n.token(k - 1).is("and") && duration_word(n.token(k - 2)))
    return Excluded{"a period", n.from(k - 2)};
  return std::nullopt;
}

}  // namespace

Excluded excluded(const SentenceText& s, const NumberInText& number, std::size_t first,
                  std::size_t end) {
  const Span span{number.offset, number.length};
  if (auto found = excluded_by_text(s, span, first)) return *found;
  const Tokens& tokens = s.tokens;
  const std::string& primary = number.numbers.front();
  NumberAt n{s, span, first, end, nullptr, nullptr, false, false, false, Span{}};
  n.before = first > 0 ? &tokens[first - 1] : nullptr;
  n.after = end < tokens.size() ? &tokens[end] : nullptr;
  n.glued_before = n.before != nullptr && !tokens[first].space_before;
  n.glued_after = n.after != nullptr && !n.after->space_before;
  n.digit = !primary.empty() && primary.front() >= '0' && primary.front() <= '9';
  n.around = word_around(s.text, span);
  if (in_link(s.text, span)) return {"part of a link, an address or a reference", n.around};
  for (const auto rule :
       {excluded_year, excluded_glued, excluded_by_word_before, excluded_period}) {
    if (auto found = rule(n)) return *found;
  }
  return {};
}

}  // namespace cc::extract
