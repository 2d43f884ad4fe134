// What the words around a number say (for `extract`): what is counted, the words of its
// id, and the periods and places its sentence names.
#include "extract/context.h"

#include <algorithm>
#include <array>

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

std::vector<std::string> periods_in(std::string_view text) {
  return periods_of(text, tokenize(text));
}

std::vector<std::string> places_in(std::string_view text) {
  return places_of(tokenize(text));
}

}  // namespace cc::extract
