// What the words around a number say (for `extract`): what is counted, the words of its
// id, and the periods and places its sentence names.
#include "extract/context.h"

#include <algorithm>
#include <array>
#include <optional>

#include "extract/statistics.h"

namespace cc::extract {
namespace {

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

// The periods of a text, read token by token; each reader returns the last token it took,
// or nullopt when the token at `i` starts nothing of its kind.
class PeriodReader {
 public:
  PeriodReader(std::string_view text, const Tokens& tokens)
      : text_(text), tokens_(tokens), dates_(find_dates(text, tokens)) {}

  std::vector<std::string> read() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (const auto date = in_date(i)) {
        if (*date) add_date(i, **date);
        continue;
      }
      if (is_year(tokens_[i])) {
        i = year(i);
      } else if (const auto end = the_count(i)) {
        i = *end;
      } else if (const auto last = relative(i)) {
        i = *last;
      } else if (tokens_[i].is("in") && i + 2 < tokens_.size() && tokens_[i + 1].is("a") &&
                 tokens_[i + 2].is("year")) {
        add_unique(periods_, "in a year");
        i += 2;
      }
    }
    return std::move(periods_);
  }

 private:
  // Whether token i lies in a date: the date when it starts there, else nullptr.
  std::optional<const DateMention*> in_date(std::size_t i) {
    const Token& t = tokens_[i];
    while (next_date_ < dates_.size() && dates_[next_date_].span.end() <= t.span.offset)
      ++next_date_;
    if (next_date_ >= dates_.size() || dates_[next_date_].span.offset > t.span.offset)
      return std::nullopt;
    const DateMention& date = dates_[next_date_];
    if (date.span.offset == t.span.offset && date.date.year != 0) return &date;
    return nullptr;
  }

  void add_date(std::size_t i, const DateMention& date) {
    const bool year_to = date.date.day == 0 && i >= 2 && tokens_[i - 1].is("to") &&
                         one_of(tokens_[i - 2], {"year", "months"});
    std::string item = std::string(date.span.of(text_));
    item += " (" + (year_to ? month_year_span(date) : iso(date.date)) + ")";
    if (year_to) item = "the year to " + item;
    add_unique(periods_, item);
  }

  // 2017-18, 2017/18: a fiscal year; 2017-2019: two years; "since 2017".
  std::size_t year(std::size_t i) {
    const Token& t = tokens_[i];
    const std::string since =
        i > 0 && one_of(tokens_[i - 1], {"since", "until", "before", "after", "by"})
            ? lower(tokens_[i - 1].text) + " "
            : "";
    if (i + 2 < tokens_.size() && !tokens_[i + 1].space_before && !tokens_[i + 2].space_before &&
        (is_mark(tokens_[i + 1], "-") || is_mark(tokens_[i + 1], "/") ||
         is_mark(tokens_[i + 1], "\u2013")) &&
        pure_digits(tokens_[i + 2]) && tokens_[i + 2].text.size() == 2 &&
        digits_value(tokens_[i + 2]) == (digits_value(t) + 1) % 100) {
      add_unique(periods_, since + std::string(t.text) + "-" + std::string(tokens_[i + 2].text));
      return i + 2;
    }
    if (i + 1 < tokens_.size() && !tokens_[i + 1].space_before && tokens_[i + 1].is("s")) return i;
    add_unique(periods_, since + std::string(t.text));
    return i;
  }

  [[nodiscard]] bool how_many(std::size_t k) const {
    return k < tokens_.size() &&
           (pure_digits(tokens_[k]) ||
            one_of(tokens_[k], {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                                "ten", "eleven", "twelve", "eighteen", "few"}));
  }

  // "the two years following", "the five years since", "the six months".
  std::optional<std::size_t> the_count(std::size_t i) {
    if (!tokens_[i].is("the") || !how_many(i + 1) || i + 2 >= tokens_.size() ||
        !duration_word(tokens_[i + 2])) {
      return std::nullopt;
    }
    std::string phrase = "the " + lower(tokens_[i + 1].text) + " " + lower(tokens_[i + 2].text);
    std::size_t k = i + 2;
    if (k + 1 < tokens_.size() && one_of(tokens_[k + 1], {"since", "following", "after", "before",
                                                          "to", "until", "ending"})) {
      phrase += " " + lower(tokens_[k + 1].text);
      ++k;
    }
    add_unique(periods_, phrase);
    return k;
  }

  // "last year", "the previous year", "this month", "the past two years".
  std::optional<std::size_t> relative(std::size_t i) {
    const Token& t = tokens_[i];
    if (!one_of(t, {"last", "past", "previous", "this", "next", "current", "first", "coming",
                    "preceding"})) {
      return std::nullopt;
    }
    std::size_t k = i + 1;
    std::string phrase = lower(t.text);
    if (how_many(k)) phrase += " " + std::string(tokens_[k++].text);
    if (k < tokens_.size() && tokens_[k].is("financial")) {
      phrase += " financial";
      ++k;
    }
    if (k >= tokens_.size() ||
        !(duration_word(tokens_[k]) || one_of(tokens_[k], {"quarter", "quarters"}))) {
      return i;
    }
    phrase += " " + lower(tokens_[k].text);
    const bool the = i > 0 && tokens_[i - 1].is("the");
    add_unique(periods_, (the ? "the " : "") + phrase);
    return k;
  }

  std::string_view text_;
  const Tokens& tokens_;
  std::vector<DateMention> dates_;
  std::size_t next_date_ = 0;
  std::vector<std::string> periods_;
};

}  // namespace

std::vector<std::string> periods_of(std::string_view text, const Tokens& tokens) {
  return PeriodReader(text, tokens).read();
}

namespace {

using PlaceName = std::vector<std::string_view>;

const std::vector<PlaceName>& known_places() {
  static const std::vector<PlaceName> kPlaces = {{"England", "and", "Wales"},
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
  return kPlaces;
}

// The places a text names, read token by token; each reader returns the last token it
// took, or nullopt when the token at `i` starts nothing of its kind.
class PlaceReader {
 public:
  explicit PlaceReader(const Tokens& tokens) : tokens_(tokens) {}

  std::vector<std::string> read() {
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (const auto last = known(i)) {
        i = *last;
      } else if (const auto dotted = with_full_stops(i)) {
        i = *dotted;
      } else if (const auto force = police_force(i)) {
        i = *force;
      } else if (const auto named = after_preposition(i)) {
        i = *named;
      }
    }
    return std::move(places_);
  }

 private:
  [[nodiscard]] bool matches(std::size_t i, const PlaceName& name) const {
    if (i + name.size() > tokens_.size()) return false;
    for (std::size_t k = 0; k < name.size(); ++k) {
      if (tokens_[i + k].kind != TokenKind::word || tokens_[i + k].text != name[k]) return false;
    }
    return true;
  }

  // "Greater Manchester", "Ross": the end of a run of up to four capitalised words.
  [[nodiscard]] std::size_t capitalised_run(std::size_t i) const {
    std::size_t k = i;
    while (k < tokens_.size() && k < i + 4 && tokens_[k].capitalised() && !place_stop(tokens_[k]))
      ++k;
    return k;
  }

  [[nodiscard]] std::string joined(std::size_t first, std::size_t end) const {
    std::string name;
    for (std::size_t w = first; w < end; ++w)
      name += (name.empty() ? "" : " ") + std::string(tokens_[w].text);
    return name;
  }

  std::optional<std::size_t> known(std::size_t i) {
    for (const PlaceName& name : known_places()) {
      if (!matches(i, name)) continue;
      add_unique(places_, joined(i, i + name.size()));
      return i + name.size() - 1;
    }
    return std::nullopt;
  }

  // "U.K.", "U.S."
  std::optional<std::size_t> with_full_stops(std::size_t i) {
    if (tokens_[i].text != "U" || i + 2 >= tokens_.size() || !is_mark(tokens_[i + 1], ".") ||
        (tokens_[i + 2].text != "K" && tokens_[i + 2].text != "S")) {
      return std::nullopt;
    }
    add_unique(places_, tokens_[i + 2].text == "K" ? "UK" : "US");
    return i + 2;
  }

  // "Cambridgeshire police", "Greater Manchester Police"
  std::optional<std::size_t> police_force(std::size_t i) {
    if (!tokens_[i].capitalised() || place_stop(tokens_[i])) return std::nullopt;
    const std::size_t k = capitalised_run(i);
    if (k >= tokens_.size() || !one_of(tokens_[k], {"police", "constabulary"}) || k <= i)
      return std::nullopt;
    std::size_t end = i;
    while (end < k && !one_of(tokens_[end], {"police", "constabulary"})) ++end;
    add_unique(places_, joined(i, end));
    return k;
  }

  // "in Salford", "across Cambridgeshire": a capitalised name not all in capitals.
  std::optional<std::size_t> after_preposition(std::size_t i) {
    if (!one_of(tokens_[i], {"in", "across", "throughout"}) || i + 1 >= tokens_.size())
      return std::nullopt;
    std::size_t from = i + 1;
    if (tokens_[from].is("the")) ++from;
    const bool known_place =
        std::any_of(known_places().begin(), known_places().end(),
                    [&](const PlaceName& name) { return matches(from, name); });
    if (from >= tokens_.size() || known_place || !tokens_[from].capitalised() ||
        tokens_[from].text.size() <= 1 || place_stop(tokens_[from]) ||
        std::all_of(tokens_[from].text.begin(), tokens_[from].text.end(),
                    [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return std::nullopt;
    }
    const std::size_t k = capitalised_run(from);
    add_unique(places_, joined(from, k));
    return k > i ? k - 1 : i;
  }

  const Tokens& tokens_;
  std::vector<std::string> places_;
};

}  // namespace

std::vector<std::string> places_of(const Tokens& tokens) {
  return PlaceReader(tokens).read();
}

std::vector<std::string> periods_in(std::string_view text) {
  return periods_of(text, tokenize(text));
}

std::vector<std::string> places_in(std::string_view text) {
  return places_of(tokenize(text));
}

}  // namespace cc::extract
