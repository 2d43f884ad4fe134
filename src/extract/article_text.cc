#include "extract/article_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "load/files.h"
#include "load/text.h"
#include "model/period.h"
#include "model/utf8.h"

namespace cc::extract {
namespace {

bool ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

using CodePoint = utf8::CodePoint;
using utf8::decode;

// White space and letters beyond ASCII: Unicode's categories (utf8proc, model/utf8.h).
using utf8::is_letter;
using utf8::is_space;

bool is_apostrophe(std::string_view text, std::size_t i, std::size_t& length) {
  if (text[i] == '\'') {
    length = 1;
    return true;
  }
  if (text.substr(i, 3) == "\u2019") {
    length = 3;
    return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// A capitalised month name or abbreviation ("June", "Jun", "Sept", "JUNE"): 1…12, or 0.
int month_number(const Token& token) {
  if (token.kind != TokenKind::word || !token.capitalised()) return 0;
  const std::string word = lower(token.text);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (word == kMonths[m]) return static_cast<int>(m) + 1;
    if (word.size() == 3 && kMonths[m].substr(0, 3) == word && word != "may") {
      return static_cast<int>(m) + 1;
    }
  }
  if (word == "sept") return 9;
  return 0;
}

bool weekday(const Token& token) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (token.kind != TokenKind::word || !token.capitalised()) return false;
  const std::string word = lower(token.text);
  return std::find(kDays.begin(), kDays.end(), word) != kDays.end();
}

// A whole number of at most `digits` digits, no separators.
std::optional<int> small_number(const Token& token, std::size_t min_digits, std::size_t digits) {
  if (token.kind != TokenKind::number || token.text.size() < min_digits ||
      token.text.size() > digits) {
    return std::nullopt;
  }
  int value = 0;
  for (char c : token.text) {
    if (!ascii_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The days of a month (<chrono>, through model/period.h); year 0 (not written) allows
// 29 February.
int days_in(int year, int month) {
  return static_cast<int>(days_in_month(year == 0 ? 2000 : year, static_cast<unsigned>(month)));
}

bool ordinal_suffix(const Token& token) {
  return token.kind == TokenKind::word && !token.space_before &&
         (token.is("st") || token.is("nd") || token.is("rd") || token.is("th"));
}

bool mark(const Token& token, std::string_view text) {
  return token.kind == TokenKind::mark && token.text == text;
}

// "18", "18th": the day and the token after it.
std::optional<std::pair<int, std::size_t>> day_at(const std::vector<Token>& tokens, std::size_t i) {
  if (i >= tokens.size()) return std::nullopt;
  const auto day = small_number(tokens[i], 1, 2);
  if (!day || *day < 1 || *day > 31) return std::nullopt;
  std::size_t next = i + 1;
  if (next < tokens.size() && ordinal_suffix(tokens[next])) ++next;
  return std::make_pair(*day, next);
}

// The token after a month name, and after the full stop of an abbreviated one ("Jan.").
std::size_t after_month(const std::vector<Token>& tokens, std::size_t month) {
  const std::size_t next = month + 1;
  if (next < tokens.size() && mark(tokens[next], ".") && !tokens[next].space_before &&
      tokens[month].text.size() <= 4) {
    return next + 1;
  }
  return next;
}

// ", 2020" or " 2020" at `i`: the year and the token after it.
std::optional<std::pair<int, std::size_t>> year_at(const std::vector<Token>& tokens,
                                                   std::size_t i) {
  std::size_t k = i;
  if (k < tokens.size() && mark(tokens[k], ",")) ++k;
  if (k >= tokens.size()) return std::nullopt;
  const auto year = small_number(tokens[k], 4, 4);
  if (!year || *year < 1000) return std::nullopt;
  // "May 2020-21" is a fiscal year, not a month's year; a year glued to what follows is
  // not a year either ("2020s" reads as a decade).
  if (k + 1 < tokens.size() && !tokens[k + 1].space_before &&
      (tokens[k + 1].kind != TokenKind::mark || mark(tokens[k + 1], "-"))) {
    return std::nullopt;
  }
  return std::make_pair(*year, k + 1);
}

Span span_of(const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  return Span{tokens[first].span.offset, tokens[end - 1].span.end() - tokens[first].span.offset};
}

bool page_furniture(std::string_view line) {
  static constexpr std::array<std::string_view, 12> kFurniture = {
      "you are here", "skip to content", "skip to main content",   "advertisement",    "menu",
      "home",         "share",           "listen to this article", "loading audio...", "search",
      "sign in",      "subscribe"};
  const std::string folded = lower(collapse_space(line));
  return std::find(kFurniture.begin(), kFurniture.end(), folded) != kFurniture.end();
}

// A line holding a date and little else: "29 May, 2020", "1 November 2024, 05:57 | …".
constexpr std::size_t kDatelineBytes = 100;
constexpr std::size_t kHeadLines = 20;

}  // namespace

std::optional<std::string> read_article(const std::filesystem::path& path, ReadError& error,
                                        std::uintmax_t max_bytes) {
  error = ReadError{};
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    error.message = "no such file";
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error.message = "a folder, not a text file";
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(status)) {
    error.message = "not a regular file (a device, a pipe or a socket): give a text file";
    return std::nullopt;
  }
  std::string message;
  std::optional<std::string> bytes = load::read_bytes(path, max_bytes, message);
  if (!bytes) {
    error.message = message;
    return std::nullopt;
  }
  if (const auto bad = load::check_utf8(*bytes)) {
    const load::Pos at = load::PositionMap(*bytes).at(bad->offset);
    error = ReadError{"not UTF-8 text: " + bad->message, at.line, at.column};
    return std::nullopt;
  }
  if (bytes->starts_with("\xEF\xBB\xBF")) bytes->erase(0, 3);
  const std::vector<Line> lines = split_lines(*bytes);
  if (std::all_of(lines.begin(), lines.end(),
                  [&](const Line& line) { return line.blank(*bytes); })) {
    error.message = bytes->empty() ? "the file is empty: there is no text to draft facts from"
                                   : "the file holds only white space: there is no text to "
                                     "draft facts from";
    return std::nullopt;
  }
  return bytes;
}

bool Line::blank(std::string_view text) const {
  const std::string_view line = span.of(text);
  for (std::size_t i = 0; i < line.size();) {
    const CodePoint c = decode(line, i);
    if (!is_space(c.value)) return false;
    i += c.length;
  }
  return true;
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t number = 1;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::size_t content = end;
    if (content > start && text[content - 1] == '\r') --content;
    if (!(last && start == text.size() && !lines.empty())) {
      lines.push_back(Line{Span{start, content - start}, number});
    }
    if (last) break;
    start = end + 1;
    ++number;
  }
  return lines;
}

bool Token::is(std::string_view lower_case_word) const {
  if (kind != TokenKind::word || text.size() != lower_case_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower_case_word[i]) return false;
  }
  return true;
}

bool Token::capitalised() const {
  return kind == TokenKind::word && !text.empty() && ascii_upper(text[0]);
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool space = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const CodePoint c = decode(text, i);
    if (is_space(c.value)) {
      space = true;
      i += c.length;
      continue;
    }
    Token token;
    token.space_before = space;
    space = false;
    const std::size_t start = i;
    if (ascii_digit(text[i])) {
      token.kind = TokenKind::number;
      while (i < text.size()) {
        if (ascii_digit(text[i])) {
          ++i;
        } else if ((text[i] == ',' || text[i] == '.') && i + 1 < text.size() &&
                   ascii_digit(text[i + 1])) {
          ++i;
        } else {
          break;
        }
      }
    } else if (ascii_alpha(text[i]) || is_letter(c.value)) {
      token.kind = TokenKind::word;
      i += c.length;
      while (i < text.size()) {
        const CodePoint next = decode(text, i);
        std::size_t apostrophe = 0;
        if (ascii_alpha(text[i]) || is_letter(next.value)) {
          i += next.length;
        } else if (is_apostrophe(text, i, apostrophe) && i + apostrophe < text.size() &&
                   (ascii_alpha(text[i + apostrophe]) ||
                    is_letter(decode(text, i + apostrophe).value))) {
          i += apostrophe;
        } else {
          break;
        }
      }
    } else {
      token.kind = TokenKind::mark;
      i += c.length;
    }
    token.span = Span{start, i - start};
    token.text = text.substr(start, i - start);
    tokens.push_back(token);
  }
  return tokens;
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t offset) {
  const auto it =
      std::lower_bound(tokens.begin(), tokens.end(), offset,
                       [](const Token& token, std::size_t at) { return token.span.end() <= at; });
  return static_cast<std::size_t>(it - tokens.begin());
}

namespace {

bool abbreviation(std::string_view word, const Token* next) {
  static constexpr std::array<std::string_view, 48> kAbbreviations = {
      "mr",     "mrs", "ms",  "dr",  "prof", "st",  "sgt", "insp", "supt", "det",  "gen", "col",
      "capt",   "lt",  "rev", "hon", "jr",   "sr",  "inc", "ltd",  "co",   "corp", "vs",  "v",
      "approx", "est", "cf",  "fig", "figs", "vol", "ed",  "cllr", "gov",  "sen",  "rep", "jan",
      "feb",    "mar", "apr", "jun", "jul",  "aug", "sep", "sept", "oct",  "nov",  "dec", "dept"};
  const std::string folded = lower(word);
  if (folded == "no" || folded == "nos" || folded == "nr" || folded == "p" || folded == "pp") {
    return next != nullptr && next->kind == TokenKind::number;  // "No. 5", "p. 12"
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), folded) != kAbbreviations.end();
}

bool closing(const Token& token) {
  return token.kind == TokenKind::mark &&
         (token.text == "\"" || token.text == "'" || token.text == ")" || token.text == "]" ||
          token.text == "\u201D" || token.text == "\u2019" || token.text == "\u00BB");
}

bool opening(const Token& token) {
  return token.kind == TokenKind::mark &&
         (token.text == "\"" || token.text == "'" || token.text == "(" || token.text == "[" ||
          token.text == "\u201C" || token.text == "\u2018" || token.text == "\u00AB");
}

// Whether a sentence may start at `token` (after a full stop and white space).
bool starts_sentence(const Token& token) {
  if (token.kind == TokenKind::number || opening(token)) return true;
  if (token.kind != TokenKind::word) return false;
  return ascii_upper(token.text[0]) || static_cast<unsigned char>(token.text[0]) >= 0x80;
}

// Splits one paragraph [begin, end) of `text` into sentences.
void split_paragraph(std::string_view text, Span paragraph, std::size_t line,
                     const std::vector<Line>& lines, std::vector<Sentence>& out) {
  const std::string_view body = paragraph.of(text);
  const std::vector<Token> tokens = tokenize(body);
  std::size_t first = 0;
  const auto line_of = [&](std::size_t offset) {
    const auto it = std::upper_bound(
        lines.begin(), lines.end(), offset,
        [](std::size_t at, const Line& candidate) { return at < candidate.span.offset; });
    return it == lines.begin() ? line : std::prev(it)->number;
  };
  const auto emit = [&](std::size_t from, std::size_t to) {
    if (from >= to) return;
    const Span span = span_of(tokens, from, to);
    out.push_back(Sentence{Span{paragraph.offset + span.offset, span.length},
                           line_of(paragraph.offset + span.offset)});
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const bool stop = mark(t, ".") || mark(t, "!") || mark(t, "?") || mark(t, "\u2026");
    if (!stop) continue;
    std::size_t end = i + 1;
    while (end < tokens.size() && !tokens[end].space_before &&
           (closing(tokens[end]) || mark(tokens[end], ".") || mark(tokens[end], "!") ||
            mark(tokens[end], "?"))) {
      ++end;
    }
    if (end >= tokens.size()) break;
    if (!tokens[end].space_before || !starts_sentence(tokens[end])) continue;
    if (mark(t, ".") && i > 0 && !t.space_before && tokens[i - 1].kind == TokenKind::word) {
      const Token& word = tokens[i - 1];
      const bool initial = word.text.size() == 1 && ascii_upper(word.text[0]);
      // "U.K." and "e.g.": a word after another full stop, with no space between.
      const bool dotted = i >= 2 && mark(tokens[i - 2], ".") && !word.space_before;
      if (initial || dotted || abbreviation(word.text, &tokens[end])) continue;
    }
    emit(first, end);
    first = end;
  }
  emit(first, tokens.size());
}

bool ends_in_punctuation(std::string_view line) {
  const std::vector<Token> tokens = tokenize(line);
  if (tokens.empty()) return true;
  const Token& last = tokens.back();
  return last.kind == TokenKind::mark && !mark(last, ",") && !mark(last, "-");
}

// A line that goes on from the one before: it starts in lower case or with a digit.
bool continues(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    return ascii_lower(c) || ascii_digit(c);
  }
  return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  std::vector<Sentence> sentences;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank(text)) {
      ++i;
      continue;
    }
    std::size_t last = i;
    while (last + 1 < lines.size() && !lines[last + 1].blank(text) &&
           !ends_in_punctuation(lines[last].span.of(text)) &&
           continues(lines[last + 1].span.of(text))) {
      ++last;
    }
    const Span paragraph{lines[i].span.offset, lines[last].span.end() - lines[i].span.offset};
    split_paragraph(text, paragraph, lines[i].number, lines, sentences);
    i = last + 1;
  }
  return sentences;
}

std::string iso(const CalendarDate& date) {
  if (date.year == 0) return "";
  if (date.month == 0) return fmt::format("{:04}", date.year);
  if (date.day == 0) return fmt::format("{:04}-{:02}", date.year, date.month);
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

namespace {

// A date read at a token, and the token after it (0: no date there).
struct DateAt {
  CalendarDate date;
  std::size_t end = 0;
};

// 2020-05-29
DateAt iso_date_at(const std::vector<Token>& tokens, std::size_t at) {
  const auto year = small_number(tokens[at], 4, 4);
  if (!year || at + 4 >= tokens.size() || !mark(tokens[at + 1], "-") ||
      !mark(tokens[at + 3], "-") || tokens[at + 1].space_before || tokens[at + 2].space_before ||
      tokens[at + 3].space_before || tokens[at + 4].space_before) {
    return {};
  }
  const auto month = small_number(tokens[at + 2], 2, 2);
  const auto day = small_number(tokens[at + 4], 2, 2);
  if (*year >= 1000 && month && *month >= 1 && *month <= 12 && day && *day >= 1 &&
      *day <= days_in(*year, *month)) {
    return {{*year, *month, *day}, at + 5};
  }
  return {};
}

// The year after a day and month, if any; no date when the day is not in the month.
DateAt with_year(const std::vector<Token>& tokens, int month, int day, std::size_t end) {
  DateAt found{{0, month, day}, end};
  if (const auto year = year_at(tokens, end)) {
    found.date.year = year->first;
    found.end = year->second;
  }
  if (day > days_in(found.date.year, month)) found.end = 0;
  return found;
}

// 18th June 2018, 29 May, 2020, 3rd of April
DateAt day_month_at(const std::vector<Token>& tokens, std::size_t at) {
  const auto day = day_at(tokens, at);
  if (!day) return {};
  std::size_t m = day->second;
  if (m < tokens.size() && tokens[m].is("of")) ++m;
  if (m >= tokens.size()) return {};
  const int month = month_number(tokens[m]);
  if (month <= 0 || day->first > 31) return {};
  return with_year(tokens, month, day->first, after_month(tokens, m));
}

// June 18th, 2018, April 3, April 2019
DateAt month_day_at(const std::vector<Token>& tokens, std::size_t at) {
  const int month = month_number(tokens[at]);
  if (month <= 0) return {};
  const std::size_t next = after_month(tokens, at);
  if (const auto day = day_at(tokens, next))
    return with_year(tokens, month, day->first, day->second);
  if (const auto year = year_at(tokens, next)) return {{year->first, month, 0}, year->second};
  return {};
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view, const std::vector<Token>& tokens) {
  std::vector<DateMention> dates;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t begin = i;
    std::size_t at = i;
    if (weekday(tokens[at])) {
      ++at;
      if (at < tokens.size() && mark(tokens[at], ",")) ++at;
    }
    DateAt found;
    if (at < tokens.size()) found = iso_date_at(tokens, at);
    if (at < tokens.size() && found.end == 0) found = day_month_at(tokens, at);
    if (at < tokens.size() && found.end == 0) found = month_day_at(tokens, at);
    if (found.end == 0) {
      ++i;
      continue;
    }
    if (at != begin && found.date.day == 0) begin = at;  // "Monday, April 2019" is not one date
    dates.push_back(DateMention{span_of(tokens, begin, found.end), found.date});
    i = found.end;
  }
  return dates;
}

std::vector<Span> find_times(std::string_view, const std::vector<Token>& tokens) {
  std::vector<Span> times;
  const auto am_pm = [&](std::size_t k) -> std::size_t {  // tokens taken by "pm", "p.m."
    if (k >= tokens.size()) return 0;
    if (tokens[k].is("am") || tokens[k].is("pm") || tokens[k].is("gmt") || tokens[k].is("bst"))
      return 1;
    if ((tokens[k].is("a") || tokens[k].is("p")) && k + 2 < tokens.size() &&
        mark(tokens[k + 1], ".") && tokens[k + 2].is("m")) {
      return k + 3 < tokens.size() && mark(tokens[k + 3], ".") && !tokens[k + 3].space_before ? 4
                                                                                              : 3;
    }
    return 0;
  };
  std::size_t i = 0;
  while (i < tokens.size()) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::number) {
      ++i;
      continue;
    }
    std::size_t end = 0;
    // 05:57, 1:36 pm, 10:30:15
    if (const auto hour = small_number(t, 1, 2);
        hour && *hour <= 24 && i + 2 < tokens.size() && mark(tokens[i + 1], ":") &&
        !tokens[i + 1].space_before && !tokens[i + 2].space_before &&
        small_number(tokens[i + 2], 2, 2)) {
      end = i + 3;
      if (end + 1 < tokens.size() && mark(tokens[end], ":") && !tokens[end].space_before &&
          small_number(tokens[end + 1], 2, 2)) {
        end += 2;
      }
      end += am_pm(end);
    }
    // 10am, 10.30 a.m., 6 pm
    if (end == 0) {
      std::string_view digits = t.text;
      bool ok = true;
      const std::size_t point = digits.find('.');
      const std::string_view hour_text = digits.substr(0, point);
      for (char c : digits) ok = ok && (ascii_digit(c) || c == '.');
      if (ok && !hour_text.empty() && hour_text.size() <= 2 &&
          (point == std::string_view::npos || digits.size() - point == 3)) {
        const int hour = std::stoi(std::string(hour_text));
        if (hour <= 12) {
          if (const std::size_t taken = am_pm(i + 1)) end = i + 1 + taken;
          if (end == 0 && i + 1 < tokens.size() && tokens[i + 1].is("o'clock")) end = i + 2;
        }
      }
    }
    if (end == 0) {
      ++i;
      continue;
    }
    times.push_back(span_of(tokens, i, end));
    i = end;
  }
  return times;
}

std::optional<Publication> find_publication_date(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  std::size_t seen = 0;
  for (const Line& line : lines) {
    if (line.blank(text)) continue;
    if (++seen > kHeadLines) break;
    if (line.span.length > kDatelineBytes) continue;
    const std::string_view body = line.span.of(text);
    const std::vector<Token> tokens = tokenize(body);
    for (const DateMention& date : find_dates(body, tokens)) {
      if (date.date.year == 0 || date.date.day == 0) continue;
      return Publication{date.date, Span{line.span.offset + date.span.offset, date.span.length},
                         line.number};
    }
  }
  return std::nullopt;
}

std::optional<Line> find_title(std::string_view text, const std::vector<Line>& lines) {
  for (const Line& line : lines) {
    if (line.blank(text) || page_furniture(line.span.of(text))) continue;
    return line;
  }
  return std::nullopt;
}

std::size_t find_article_end(std::string_view text, const std::vector<Line>& lines,
                             std::size_t title_line) {
  static constexpr std::array<std::string_view, 16> kEnds = {
      "more latest news",  "latest news",  "related articles",
      "related stories",   "related",      "most read",
      "most popular",      "more stories", "more on this story",
      "you may also like", "read next",    "leave comment",
      "leave a comment",   "comments",     "see more more latest news",
      "recommended"};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].number <= title_line) continue;
    if (lines[i].span.length > 40) continue;
    const std::string folded = lower(collapse_space(lines[i].span.of(text)));
    if (std::find(kEnds.begin(), kEnds.end(), folded) != kEnds.end()) return i;
  }
  return lines.size();
}

bool is_link_line(std::string_view line) {
  const std::string folded = lower(collapse_space(line.substr(0, 20)));
  return folded.starts_with("read more:") || folded.starts_with("read more -") ||
         folded.starts_with("read more \u2013") || folded.starts_with("read more |");
}

std::string quote_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char c = text[i];
    bool white = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    for (std::string_view wide : {"\u00A0", "\u2009", "\u202F"}) {
      if (text.substr(i, wide.size()) == wide) {
        white = true;
        length = wide.size();
      }
    }
    if (white) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
    i += length;
  }
  return out;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint c = decode(text, i);
    const bool control = c.value < 0x20 || c.value == 0x7F || (c.value >= 0x80 && c.value < 0xA0);
    if (is_space(c.value) || control || c.value == 0xFEFF) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      if (!c.valid) {
        out += "\uFFFD";  // a malformed byte
      } else {
        out.append(text.substr(i, c.length));
      }
    }
    i += c.length;
  }
  return out;
}

}  // namespace cc::extract
