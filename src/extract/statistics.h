#pragma once
// The statistics of an article, for `extract`: each number the value grammar reads in a
// sentence (numbers_in_text), widened to its hedge and form as parse_value reads them
// ("more than 10,000", "55 per cent", "almost half (47%)", "1 in 4"), with the stretch of
// the sentence to quote, a guess at the kind of fact, and what the sentence says about
// when and where. Numbers that are not statistics (dates, years, times, phone numbers,
// ordinals, labels) are left out and counted; doubtful ones (ages, lengths of time) are
// kept and marked.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_text.h"
#include "model/fact.h"

namespace cc::extract {

struct Statistic {
  Span value;              // in the article's text
  Span quote;              // in the article's text; holds `value`
  std::string value_text;  // as written, white space folded: "more than 10,000"
  std::string quote_text;  // as written, white space folded
  // The fact it is drafted as: a figure ("7,062 offences"), or the claim its words suggest:
  // a share ("48% of", "one in five", "the majority of"), a change ("a rise of 89%",
  // "doubled"), a ratio ("three times"), a rate ("nine per day"), an interval ("one every 7
  // minutes"), a difference ("30,000 fewer than in 2022", "a drop of 27,000"). Never a
  // total.
  FactKind kind = FactKind::figure;
  bool fall = false;    // a change or difference the words say is a fall ("down 12%", "halved")
  std::string unit;     // a rate's `per` or an interval's `unit`: "day", "minute"
  std::string check;    // why it may not be a statistic ("an age"), or ""
  std::string id_base;  // a slug of the number and the words next to it
  std::string counted;  // the words after the number: what is counted, or a share's whole
  std::vector<std::string> periods;  // what its sentence says about time: "2023-24", "last year"
  std::vector<std::string> places;   // places its sentence names: "UK", "England and Wales"
  std::size_t line = 0;              // 1-based, where the value is
};

// A number left out, and why: "0800 310 2300" → "a phone number".
struct LeftOut {
  std::string text;
  std::string reason;
  std::size_t line = 0;
};

struct Limits {
  std::size_t max_statistics = 1000;  // drafted facts
  std::size_t max_numbers = 20000;    // numbers looked at
};

struct Statistics {
  std::vector<Statistic> found;
  std::vector<LeftOut> left_out;   // the first few hundred of them
  std::size_t left_out_count = 0;  // all of them
  bool truncated = false;          // a limit was reached: the rest of the text was not read
};

// The statistics of the sentences, in text order.
[[nodiscard]] Statistics find_statistics(std::string_view text,
                                         const std::vector<Sentence>& sentences,
                                         const Limits& limits = {});

// What a text says about time and place (as the hints of a Statistic).
[[nodiscard]] std::vector<std::string> periods_in(std::string_view text);
[[nodiscard]] std::vector<std::string> places_in(std::string_view text);

// A slug of words: lower-case ASCII letters and digits joined by '-', at most `max` bytes
// (cut at a '-'); "" when nothing is left.
[[nodiscard]] std::string slug(std::string_view text, std::size_t max = 48);

}  // namespace cc::extract
