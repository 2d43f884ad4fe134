// The statistics of an article (statistics.h): each number of a sentence, left out
// (exclusions.cc) or widened to the value the grammar reads, given a kind, doubts, what it
// counts and an id from the words around it (context.cc), then quoted (quote.cc).
#include "extract/statistics.h"

#include <algorithm>
#include <map>
#include <optional>

#include "extract/context.h"
#include "extract/exclusions.h"
#include "extract/quote.h"
#include "extract/sentence.h"
#include "extract/words.h"
#include "grammar/value.h"

namespace cc::extract {
namespace {

struct Widened {
  Span value;  // sentence-relative
  bool ok = false;
};

// Where the value may start: the number, a currency sign or '+' glued to it, and up to three
// words before, separated by white space only ("no more than"), after `consumed`.
std::vector<std::size_t> value_starts(const SentenceText& s, Span number, std::size_t consumed) {
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
  return starts;
}

// Where the value may end: the number, and up to five tokens after it (words, "%",
// brackets, '-') until a year ("79 in 2021/22" is 79 in a year, not "1 in 4").
std::vector<std::size_t> value_ends(const SentenceText& s, Span number) {
  const Tokens& tokens = s.tokens;
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
  return ends;
}

Widened widen(const SentenceText& s, Span number, std::size_t consumed) {
  const std::vector<std::size_t> starts = value_starts(s, number, consumed);
  const std::vector<std::size_t> ends = value_ends(s, number);
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

// A drafted value and the tokens around it.
struct ValueAt {
  Span value;             // sentence-relative
  std::string text;       // as written, white space folded
  std::string folded;     // lower case
  std::size_t first = 0;  // its tokens [first, end)
  std::size_t end = 0;
  const Token* before = nullptr;
  const Token* after = nullptr;
  std::size_t piece = 0;  // its clause, which holds tokens [piece_first, piece_end)
  std::size_t piece_first = 0;
  std::size_t piece_end = 0;
  Form form = Form::number;

  [[nodiscard]] bool after_is(const SentenceText& s, std::size_t k, std::string_view word) const {
    return end + k < s.tokens.size() && s.tokens[end + k].is(word);
  }
};

ValueAt value_at(const SentenceText& s, Span value) {
  ValueAt v;
  v.value = value;
  v.text = quote_text(value.of(s.text));
  v.folded = lower(v.text);
  v.first = token_at(s.tokens, value.offset);
  v.end = std::max(v.first + 1, first_from(s.tokens, value.end()));
  v.before = v.first > 0 ? &s.tokens[v.first - 1] : nullptr;
  v.after = v.end < s.tokens.size() ? &s.tokens[v.end] : nullptr;
  v.piece = s.piece_of[v.first];
  v.piece_first = s.pieces[v.piece].first;
  v.piece_end = std::max(s.pieces[v.piece].end, v.end);
  v.form = form_of(v.text);
  return v;
}

// Whether a clause has words of rise and fall, read once per clause.
struct Change {
  bool rise = false;
  bool fall = false;
};

class ChangeWords {
 public:
  explicit ChangeWords(const SentenceText& s) : s_(s), changes_(s.pieces.size()) {}
  Change of(std::size_t p) {
    if (!changes_[p]) changes_[p] = in(s_.pieces[p].first, s_.pieces[p].end);
    return *changes_[p];
  }
  [[nodiscard]] Change in(std::size_t first, std::size_t end) const {
    Change change;
    for (std::size_t k = first; k < end; ++k) {
      change.rise = change.rise || rise_word(s_.tokens[k]);
      change.fall = change.fall || fall_word(s_.tokens[k]);
    }
    return change;
  }

 private:
  const SentenceText& s_;
  std::vector<std::optional<Change>> changes_;
};

// Why a widened value is left out after all ("one" of "one every …", "zero" alone), or "".
std::string not_drafted(const ValueAt& v) {
  if ((v.folded == "one" || v.folded.ends_with(" one")) && v.after != nullptr &&
      v.after->is("every")) {
    return "'one' of 'one every …' (the interval is the number after it)";
  }
  if (v.folded == "one" || v.folded == "zero" ||
      (v.folded == "most" && !(v.after != nullptr && v.after->is("of")))) {
    return "'" + v.text + "' alone";
  }
  return "";
}

// A number with words of a difference: after it "fewer … than", "more … than", "above",
// "below" ("30,000 fewer than in 2022", "1,000 above the 2021 total"); before it a rise or
// a fall and "of" or "by" ("a drop of more than 27,000", "rose by 1,000"), or "up", "down".
// Sets the direction; false when the words say none.
bool difference_words(const SentenceText& s, const ValueAt& v, Statistic& st) {
  if (v.after != nullptr) {
    const bool than = [&] {
      for (std::size_t k = v.end + 1; k < v.piece_end && k < v.end + 5; ++k) {
        if (s.tokens[k].is("than")) return true;
      }
      return false;
    }();
    if ((one_of(*v.after, {"fewer", "less", "lower"}) && than) || v.after->is("below")) {
      st.fall = true;
      return true;
    }
    if ((one_of(*v.after, {"more", "higher"}) && than) || v.after->is("above")) return true;
  }
  if (v.before == nullptr) return false;
  const Token* verb = v.before;
  if (one_of(*v.before, {"of", "by"})) {
    if (v.first < 2) return false;
    verb = &s.tokens[v.first - 2];
  } else if (!one_of(*v.before, {"up", "down"})) {
    return false;
  }
  if (!rise_word(*verb) && !fall_word(*verb)) return false;
  st.fall = fall_word(*verb);
  return true;
}

// A number: a figure, an interval ("one every 7 minutes"), a rate ("nine a day") or a
// difference ("30,000 fewer than in 2022").
void number_kind(const SentenceText& s, const ValueAt& v, Statistic& st) {
  st.kind = FactKind::figure;
  const std::string every_unit = v.before != nullptr && v.before->is("every") && v.after != nullptr
                                     ? time_unit(*v.after, true)
                                     : "";
  if (!every_unit.empty()) {
    st.kind = FactKind::interval;
    st.unit = every_unit;
    return;
  }
  for (std::size_t k = v.end; k + 1 < v.piece_end && k < v.end + 5; ++k) {
    const Token& t = s.tokens[k];
    const std::string unit = time_unit(s.tokens[k + 1], false);
    if (unit.empty()) continue;
    const bool per = one_of(t, {"per", "each", "every"});
    const bool a = one_of(t, {"a", "an"}) &&
                   (k == v.end || !one_of(s.tokens[k - 1], {"in", "within", "for", "over", "than",
                                                            "the", "last", "past"}));
    if (per || a) {
      st.kind = FactKind::rate;
      st.unit = unit;
      return;
    }
  }
  if (difference_words(s, v, st)) st.kind = FactKind::difference;
}

// The kind of fact the words suggest, with a change's direction and a rate's unit.
void guess_kind(const SentenceText& s, const ValueAt& v, ChangeWords& changes, Statistic& st) {
  if (v.form == Form::number) {
    number_kind(s, v, st);
  } else if (v.form == Form::fraction) {
    st.kind = FactKind::share;
    const bool of = v.after != nullptr && v.after->is("of");
    const Change clause = changes.of(v.piece);
    const Change own = changes.in(s.pieces[v.piece].end, v.piece_end);  // the value's own
    const bool rise = clause.rise || own.rise;
    const bool fall = clause.fall || own.fall;
    if (!of && (rise || fall)) {
      st.kind = FactKind::change;
      st.fall = fall && !rise;
    }
  } else {
    const Tokens tokens = tokenize(v.text);
    // "doubled", or a rise just before a size ("rose threefold", "grew 2.5-fold").
    const bool verb = std::any_of(tokens.begin(), tokens.end(), change_verb) ||
                      (v.before != nullptr && rise_word(*v.before));
    st.kind = verb ? FactKind::change : FactKind::ratio;
    st.fall = std::any_of(tokens.begin(), tokens.end(), shrinking_multiplier);
  }
}

bool small_number(const NumberInText& number) {
  const std::string& n = number.numbers.front();
  return n.size() <= 3 &&
         std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "aged 11", "aged between 12 and 15", "as young as 11": a number after "aged" with no
// punctuation between; "people under 18"; "she was 12".
bool aged(const SentenceText& s, const ValueAt& v, bool small, const NumberInText& number) {
  if (v.form != Form::number) return false;
  bool age = false;
  for (std::size_t k = v.first, seen = 0; k > 0 && seen < 4; --k, ++seen) {
    const Token& t = s.tokens[k - 1];
    if (t.kind == TokenKind::mark) break;
    if (one_of(t, {"aged", "age", "ages"})) age = true;
  }
  age = age || (v.first >= 2 && s.tokens[v.first - 1].is("as") &&
                one_of(s.tokens[v.first - 2], {"young", "old"}));
  const bool people_under =
      small && v.before != nullptr && std::stoi(number.numbers.front()) <= 25 &&
      (v.folded.starts_with("under ") || v.folded.starts_with("over ") ||
       v.folded.starts_with("below ") || v.folded.starts_with("above ")) &&
      one_of(*v.before,
             {"people", "children", "child", "young", "girls", "boys", "kids", "those", "persons",
              "adults", "teenagers", "pupils", "students", "victims", "anyone", "everyone"});
  const bool she_was =
      small && v.first >= 2 && one_of(s.tokens[v.first - 1], {"was", "is", "turned", "being"}) &&
      one_of(s.tokens[v.first - 2], {"she", "he", "i", "they", "who", "you", "we"}) &&
      (v.after == nullptr || v.after->kind == TokenKind::mark ||
       one_of(*v.after, {"when", "and", "but", "at", "then"}));
  return age || people_under || she_was;
}

// "11-year-old", "11 years old", "11 years of age", "18 or younger"; "Boy, 4, found dead".
bool age_written(const SentenceText& s, const ValueAt& v, bool small) {
  const bool year_old =
      (v.after != nullptr && is_mark(*v.after, "-") && !v.after->space_before &&
       (v.after_is(s, 1, "year") || v.after_is(s, 1, "years") || v.after_is(s, 1, "month"))) ||
      ((v.after_is(s, 0, "years") || v.after_is(s, 0, "year")) && v.after_is(s, 1, "old")) ||
      (v.after_is(s, 0, "years") && v.after_is(s, 1, "of") && v.after_is(s, 2, "age")) ||
      (v.after_is(s, 0, "or") && (v.after_is(s, 1, "younger") || v.after_is(s, 1, "older") ||
                                  v.after_is(s, 1, "under") || v.after_is(s, 1, "over")));
  const bool headline_age = v.before != nullptr && v.after != nullptr && is_mark(*v.before, ",") &&
                            is_mark(*v.after, ",") && v.first >= 2 &&
                            s.tokens[v.first - 2].capitalised() && v.form == Form::number &&
                            small && v.folded.size() <= 3;
  return year_old || headline_age;
}

// One end of a range: "3,000-4,000", "between 10 and 20 per cent".
struct RangeEnds {
  bool start = false;
  bool end = false;
};

RangeEnds range_ends(const SentenceText& s, const ValueAt& v) {
  const auto a_number = [&](std::size_t k) {
    return k < s.tokens.size() &&
           (s.tokens[k].kind == TokenKind::number || form_of(s.tokens[k].text) == Form::number);
  };
  const auto dash = [&](std::size_t k) {
    return is_mark(s.tokens[k], "-") || is_mark(s.tokens[k], "\u2013");
  };
  const auto between_before = [&](std::size_t k) {  // "between" just before token k
    return (k >= 1 && s.tokens[k - 1].is("between")) || (k >= 2 && s.tokens[k - 2].is("between"));
  };
  RangeEnds ends;
  ends.start = v.end + 1 < s.tokens.size() && a_number(v.end + 1) &&
               (dash(v.end) || (s.tokens[v.end].is("and") && between_before(v.first)));
  ends.end =
      v.first >= 2 && s.tokens[v.first - 2].kind == TokenKind::number &&
      (dash(v.first - 1) || (s.tokens[v.first - 1].is("and") && between_before(v.first - 2)));
  return ends;
}

// Why the value may not be a statistic ("an age"), or "".
std::string doubt(const SentenceText& s, const ValueAt& v, const Statistic& st,
                  const NumberInText& number, const RangeEnds& range) {
  const bool small = small_number(number);
  if (aged(s, v, small, number) || age_written(s, v, small)) return "an age";
  if (range.start || range.end) return "one end of a range, and a value cannot be a range";
  if (v.after_is(s, 0, "percentage") && (v.after_is(s, 1, "point") || v.after_is(s, 1, "points")))
    return "a difference in percentage points, which no claim states";
  if (st.kind == FactKind::figure && v.after != nullptr && duration_word(*v.after))
    return "a length of time";
  return "";
}

// What is counted, or the whole of a share: a share's whole follows its "of"; a rate counts
// what comes before its "per"; an age or a claim without "of" names no measure after it.
std::string counted(const SentenceText& s, const ValueAt& v, const Statistic& st,
                    bool range_start) {
  const bool of = v.after != nullptr && v.after->is("of");
  const bool names_measure = st.kind == FactKind::figure || st.kind == FactKind::rate || of;
  if (!names_measure || st.check == "an age" || range_start) return "";
  const std::size_t from = of ? v.end + 1 : v.end;
  std::size_t end = v.piece_end;
  if (st.kind == FactKind::rate) {
    for (std::size_t k = from; k + 1 < v.piece_end; ++k) {
      if (one_of(s.tokens[k], {"per", "a", "an", "each", "every"}) &&
          !time_unit(s.tokens[k + 1], false).empty()) {
        end = k;
        break;
      }
    }
  }
  return words_after(s.tokens, from, end, 8);
}

// Whether the clause names something just before the value ("Snapchat named in 48%").
bool named_before(const SentenceText& s, const ValueAt& v) {
  bool named = false;
  for (std::size_t k = v.first; k > v.piece_first && v.first - k < 6; --k) {
    const Token& t = s.tokens[k - 1];
    named = named || (t.capitalised() && k - 1 != v.piece_first);
    named = named || (t.capitalised() && t.text.size() > 1 && !stop_word(lower(t.text)));
  }
  return named;
}

// The id: the number and the words next to it, in the order the text has them: for a
// change, or a share whose clause names something before it, the words before; else the
// words after ("7,062 sexual communication …").
std::string id_base(const SentenceText& s, const ValueAt& v, const Statistic& st) {
  const std::string tag = number_tag(v.text);
  const bool of_after = v.after != nullptr && v.after->is("of");
  const std::vector<std::string> before = content_words(s.tokens, v.piece_first, v.first, false, 3);
  const std::vector<std::string> after =
      content_words(s.tokens, of_after ? v.end + 1 : v.end, v.piece_end, true, 3);
  const bool before_first = (st.kind == FactKind::change && !before.empty()) ||
                            (st.kind == FactKind::share && named_before(s, v) && !before.empty()) ||
                            after.empty();
  std::string id;
  if (before_first) {
    for (const std::string& w : before) id += w + "-";
    id += tag;
  } else {
    id = tag;
    for (const std::string& w : after) id += "-" + w;
  }
  std::string base = slug(id);
  return base.empty() ? "fact" : base;
}

Statistic statistic(const SentenceText& s, const ValueAt& v, const NumberInText& number,
                    ChangeWords& changes) {
  Statistic st;
  st.value_text = v.text;
  st.line = s.line;
  guess_kind(s, v, changes, st);
  const RangeEnds range = range_ends(s, v);
  st.check = doubt(s, v, st, number, range);
  st.counted = counted(s, v, st, range.start);
  st.id_base = id_base(s, v, st);
  st.value = Span{s.base + v.value.offset, v.value.length};
  return st;
}

struct Found {
  Drafted drafted;
  Statistic statistic;
};

// The numbers of one sentence, read into `found` or left out into `out`.
class SentenceStatistics {
 public:
  SentenceStatistics(const SentenceText& s, const Limits& limits, Statistics& out,
                     std::size_t& looked_at)
      : s_(s), limits_(limits), out_(out), looked_at_(looked_at), changes_(s) {}

  void read(const std::vector<NumberInText>& numbers);
  void quote();

 private:
  static constexpr std::size_t kKeepLeftOut = 300;
  void read_number(const NumberInText& number);
  void leave_out(std::string reason, Span what);

  const SentenceText& s_;
  const Limits& limits_;
  Statistics& out_;
  std::size_t& looked_at_;
  ChangeWords changes_;
  std::vector<Found> found_;
  std::size_t consumed_ = 0;
};

void SentenceStatistics::leave_out(std::string reason, Span what) {
  ++out_.left_out_count;
  if (out_.left_out.size() < kKeepLeftOut)
    out_.left_out.push_back(LeftOut{collapse_space(what.of(s_.text)), std::move(reason), s_.line});
}

void SentenceStatistics::read(const std::vector<NumberInText>& numbers) {
  for (const NumberInText& number : numbers) {
    if (number.offset < consumed_) continue;
    if (++looked_at_ > limits_.max_numbers ||
        out_.found.size() + found_.size() >= limits_.max_statistics) {
      out_.truncated = true;
      return;
    }
    read_number(number);
  }
}

void SentenceStatistics::read_number(const NumberInText& number) {
  const Span span{number.offset, number.length};
  const std::size_t first = token_at(s_.tokens, span.offset);
  const std::size_t end = std::max(first + 1, first_from(s_.tokens, span.end()));
  const Excluded out_of_draft = excluded(s_, number, first, end);
  if (!out_of_draft.reason.empty()) {
    leave_out(out_of_draft.reason, out_of_draft.shown);
    consumed_ = std::max(span.end(), out_of_draft.shown.end());
    return;
  }
  const Widened widened = widen(s_, span, consumed_);
  if (!widened.ok) {
    leave_out("not a value the grammar reads", span);
    return;
  }
  const ValueAt v = value_at(s_, widened.value);
  consumed_ = widened.value.end();
  if (std::string reason = not_drafted(v); !reason.empty()) {
    leave_out(std::move(reason), widened.value);
    return;
  }
  Statistic st = statistic(s_, v, number, changes_);
  found_.push_back(Found{Drafted{widened.value, v.first, v.end, !st.check.empty()}, std::move(st)});
}

// Each statistic found gets its quote and its sentence's periods and places.
void SentenceStatistics::quote() {
  if (found_.empty()) return;
  std::vector<Drafted> drafted;
  for (const Found& f : found_) drafted.push_back(f.drafted);
  const ValueIndex values(drafted);
  std::map<std::size_t, std::vector<Piece>> parts_of_clause;
  const std::vector<std::string> periods = periods_of(s_.text, s_.tokens);
  const std::vector<std::string> places = places_of(s_.tokens);
  for (std::size_t d = 0; d < found_.size(); ++d) {
    Statistic& st = found_[d].statistic;
    const Span quote = quote_for(s_, drafted, values, parts_of_clause, d);
    st.quote = Span{s_.base + quote.offset, quote.length};
    st.quote_text = quote_text(quote.of(s_.text));
    st.periods = periods;
    st.places = places;
    out_.found.push_back(std::move(st));
  }
}

}  // namespace

Statistics find_statistics(std::string_view text, const std::vector<Sentence>& sentences,
                           const Limits& limits) {
  Statistics out;
  std::size_t looked_at = 0;
  for (const Sentence& sentence : sentences) {
    if (out.truncated) break;
    const SentenceText s = read_sentence(text, sentence);
    const std::vector<NumberInText> numbers = number_spans_in_text(s.text);
    if (numbers.empty()) continue;
    SentenceStatistics reader(s, limits, out, looked_at);
    reader.read(numbers);
    reader.quote();
  }
  return out;
}

}  // namespace cc::extract
