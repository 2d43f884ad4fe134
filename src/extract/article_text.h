#pragma once
// The text of an article, for `extract`: reading it, its lines, words, sentences, title,
// dates and times. Offsets are bytes into the text; every function accepts any bytes
// (malformed UTF-8 is read one byte at a time) and costs time linear in the text.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::extract {

// A file larger than this is refused unread. An article is some kilobytes; 16 MB keeps
// hostile input to a few seconds and a few hundred MB of memory.
inline constexpr std::uintmax_t kMaxArticleBytes = std::uintmax_t{16} * 1024 * 1024;

// Why an article cannot be read, and where in it when the problem has a place (a byte that
// is not UTF-8): line and column are then 1-based, else 0.
struct ReadError {
  std::string message;  // "no such file", "not UTF-8 text: the byte 0xE9 is not valid …"
  std::size_t line = 0;
  std::size_t column = 0;
};

// The article's text, or nullopt with `error` set. Refused: a missing path, a folder, what
// is not a regular readable file, a file above `max_bytes`, text that is not UTF-8 or
// holds a NUL byte, and a file with nothing but white space. A byte order mark is dropped.
[[nodiscard]] std::optional<std::string> read_article(const std::filesystem::path& path,
                                                      ReadError& error,
                                                      std::uintmax_t max_bytes = kMaxArticleBytes);

struct Span {
  std::size_t offset = 0;
  std::size_t length = 0;
  [[nodiscard]] std::size_t end() const { return offset + length; }
  [[nodiscard]] std::string_view of(std::string_view text) const {
    return text.substr(offset, length);
  }
};

// A line without its line break (and without a '\r' before it); `number` is 1-based.
struct Line {
  Span span;
  std::size_t number = 0;
  [[nodiscard]] bool blank(std::string_view text) const;
};
[[nodiscard]] std::vector<Line> split_lines(std::string_view text);

// Words, numbers and single punctuation marks. A word is a run of letters (Unicode's letters
// and combining marks) with apostrophes inside it ("children's"); a number a run of digits
// with ',' or '.' between digits ("7,062", "2.5"); anything else one mark (one UTF-8
// sequence: "“", "–", "%"). White space (with no-break and thin spaces) separates them.
enum class TokenKind { word, number, mark };
struct Token {
  TokenKind kind = TokenKind::mark;
  Span span;
  bool space_before = false;  // white space (or the start of the text) before it
  std::string_view text;
  [[nodiscard]] bool is(std::string_view lower_case_word) const;  // a word, any case
  [[nodiscard]] bool capitalised() const;                         // a word: "June", "UK"
};
[[nodiscard]] std::vector<Token> tokenize(std::string_view text);

// The index of the token holding byte `offset` (or the first one after it).
[[nodiscard]] std::size_t token_at(const std::vector<Token>& tokens, std::size_t offset);

// Sentences: a paragraph (lines up to a blank line) is split after '.', '!' or '?' (and
// any closing quotes or brackets) followed by white space and a capital, a digit or an
// opening quote, unless the word before is an abbreviation ("Mr.", "No. 5", "U.K.",
// "e.g.") or an initial; "2.5" and "£3.50" are never split. A line break ends a sentence
// too, unless the line does not end in punctuation and the next one starts in lower case
// (a sentence wrapped over lines). Sentences do not start or end with white space.
struct Sentence {
  Span span;
  std::size_t line = 0;  // where it starts, 1-based
};
[[nodiscard]] std::vector<Sentence> split_sentences(std::string_view text);

// A calendar date as written: month and day are 0 when the text does not give them.
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};
// "2024-11-01", "2019-04", "2019", or "" when the year is not known.
[[nodiscard]] std::string iso(const CalendarDate& date);

// Dates written in words or ISO: "29 May, 2020", "1 November 2024", "Monday, 18th June
// 2018", "April 3, 2017", "3rd of April" (no year), "April 2019" (no day), "2020-05-29".
// Month names are capitalised ("may" is a verb); a day must exist in its month.
struct DateMention {
  Span span;
  CalendarDate date;  // year 0: a day and month only
};
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text,
                                                  const std::vector<Token>& tokens);

// Times of day: "05:57", "1:36 pm", "10am", "10.30 a.m.", "6 o'clock".
[[nodiscard]] std::vector<Span> find_times(std::string_view text, const std::vector<Token>& tokens);

// The publication date: the first full date (day, month, year) on a short line (a
// dateline, at most 100 bytes) among the first 20 non-blank lines.
struct Publication {
  CalendarDate date;
  Span span;  // the date as written
  std::size_t line = 0;
};
[[nodiscard]] std::optional<Publication> find_publication_date(std::string_view text);

// The title: the first non-blank line that is not page furniture ("You are here", "Skip
// to content", "Advertisement", …). Nullopt for a text with no such line.
[[nodiscard]] std::optional<Line> find_title(std::string_view text, const std::vector<Line>& lines);

// Page furniture that ends the article: a line "More Latest News", "Related articles",
// "Most read", "Leave a comment", … The index into `lines` of the first one after the
// title, or lines.size().
[[nodiscard]] std::size_t find_article_end(std::string_view text, const std::vector<Line>& lines,
                                           std::size_t title_line);

// "Read more: …" and "Read More - …" lines: links to other stories.
[[nodiscard]] bool is_link_line(std::string_view line);

// Whitespace runs (line breaks included) folded to one space, ends trimmed; control
// characters become spaces. For titles and comments.
[[nodiscard]] std::string collapse_space(std::string_view text);

// A stretch of the article as a quote: only the white space the quote check folds (ASCII
// white space, no-break and thin spaces) becomes one space, ends trimmed; every other
// byte is kept, so the quote still occurs in the article once both are folded.
[[nodiscard]] std::string quote_text(std::string_view text);

}  // namespace cc::extract
