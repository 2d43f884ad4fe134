// THE TABLE OF WORDS. Every phrase that gives a written number its meaning is one row
// here, and only here: the loader's value grammar and `extract` both read this table.
// To teach the checker a new phrase ("topped", "well over", "or more", "threefold",
// "a dozen"), add one row of the kind it is; a word with two roles has a row for each
// ("doubled" is a multiplier and a rise). A kind the table does not have yet needs its
// kind here and its reading in the grammar.
#include "grammar/words.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace cc::grammar {
namespace {

constexpr Word hedge(std::string_view phrase, Hedge reading) {
  return Word{phrase, WordKind::hedge, reading, 0, 1, {}, Said::size};
}
constexpr Word hedge_after(std::string_view phrase, Hedge reading) {
  return Word{phrase, WordKind::hedge_after, reading, 0, 1, {}, Said::size};
}
// A count word: [low, upper), or low ± the vague tolerance when upper == low.
constexpr Word amount(std::string_view phrase, int low, int upper) {
  return Word{phrase, WordKind::amount, Hedge::none, low, 1, {}, Said::size, upper};
}
constexpr Word scale(std::string_view word, int exponent) {
  return Word{word, WordKind::scale, Hedge::none, exponent, 1, {}, Said::size};
}
constexpr Word suffix(std::string_view word, int exponent) {
  return Word{word, WordKind::suffix, Hedge::none, exponent, 1, {}, Said::size};
}
constexpr Word fraction(std::string_view word, int denominator, std::string_view singular) {
  return Word{word, WordKind::fraction, Hedge::none, denominator, 1, singular, Said::size};
}
constexpr Word multiplier(std::string_view word, int numerator, int denominator,
                          std::string_view canonical, Said said) {
  return Word{word, WordKind::multiplier, Hedge::none, numerator, denominator, canonical, said};
}
constexpr Word rise(std::string_view word) {
  return Word{word, WordKind::rise, Hedge::none, 0, 1, {}, Said::size};
}
constexpr Word fall(std::string_view word) {
  return Word{word, WordKind::fall, Hedge::none, 0, 1, {}, Said::size};
}

constexpr auto kWords = std::to_array<Word>({
    // Hedges: the interval a hedged number X stands for (FORMAT §2).
    hedge("more than", Hedge::more_than),
    hedge("over", Hedge::more_than),
    hedge("above", Hedge::more_than),
    hedge("exceeding", Hedge::more_than),
    hedge("exceeded", Hedge::more_than),
    hedge("exceeds", Hedge::more_than),
    hedge("greater than", Hedge::more_than),
    hedge("top", Hedge::more_than),
    hedge("tops", Hedge::more_than),
    hedge("topped", Hedge::more_than),
    hedge("topping", Hedge::more_than),
    hedge("pass", Hedge::more_than),
    hedge("passes", Hedge::more_than),
    hedge("passed", Hedge::more_than),
    hedge("passing", Hedge::more_than),
    hedge("surpass", Hedge::more_than),
    hedge("surpassed", Hedge::more_than),
    hedge("surpassing", Hedge::more_than),
    hedge("well over", Hedge::more_than),  // "well" adds no margin: how far is not said
    hedge("well above", Hedge::more_than),
    hedge("at least", Hedge::at_least),
    hedge("no less than", Hedge::at_least),
    hedge("no fewer than", Hedge::at_least),
    hedge("less than", Hedge::less_than),
    hedge("under", Hedge::less_than),
    hedge("below", Hedge::less_than),
    hedge("fewer than", Hedge::less_than),
    hedge("up to", Hedge::up_to),
    hedge("no more than", Hedge::up_to),
    hedge("at most", Hedge::up_to),
    hedge("almost", Hedge::almost),
    hedge("nearly", Hedge::almost),
    hedge("just under", Hedge::almost),
    hedge("just below", Hedge::almost),
    hedge("just over", Hedge::just_over),
    hedge("just above", Hedge::just_over),
    hedge("around", Hedge::around),
    hedge("about", Hedge::around),
    hedge("approximately", Hedge::around),
    hedge("some", Hedge::around),
    hedge("roughly", Hedge::around),
    hedge("approx", Hedge::around),
    hedge("circa", Hedge::around),
    hedge("an estimated", Hedge::around),
    // Hedges after the number: "15% or more", "200 or so".
    hedge_after("or more", Hedge::at_least),
    hedge_after("or over", Hedge::at_least),
    hedge_after("or above", Hedge::at_least),
    hedge_after("or fewer", Hedge::up_to),
    hedge_after("or less", Hedge::up_to),
    hedge_after("or so", Hedge::around),
    // Count words that stand for a number (FORMAT §2): "no deaths", "dozens of homes".
    amount("no", 0, 0),
    amount("none", 0, 0),
    amount("a dozen", 12, 12),
    amount("dozens", 24, 100),
    amount("hundreds", 200, 1000),
    amount("thousands", 2000, 10000),
    // Scale words, after digits or number words: "2.5 million", "two million".
    scale("thousand", 3),
    scale("million", 6),
    scale("billion", 9),
    scale("trillion", 12),
    // Scale suffixes, after digits only: "34k", "1.6m".
    suffix("k", 3),
    suffix("m", 6),
    suffix("mn", 6),
    suffix("bn", 9),
    suffix("tn", 12),
    // Fractions, after "a", "one" … "nine": "a third", "three quarters"; "half" alone.
    fraction("half", 2, "half"),
    fraction("halves", 2, "half"),
    fraction("third", 3, "third"),
    fraction("thirds", 3, "third"),
    fraction("quarter", 4, "quarter"),
    fraction("quarters", 4, "quarter"),
    fraction("fifth", 5, "fifth"),
    fraction("fifths", 5, "fifth"),
    fraction("sixth", 6, "sixth"),
    fraction("sixths", 6, "sixth"),
    fraction("seventh", 7, "seventh"),
    fraction("sevenths", 7, "seventh"),
    fraction("eighth", 8, "eighth"),
    fraction("eighths", 8, "eighth"),
    fraction("ninth", 9, "ninth"),
    fraction("ninths", 9, "ninth"),
    fraction("tenth", 10, "tenth"),
    fraction("tenths", 10, "tenth"),
    // Multipliers: a ratio, or in a change the rise m − 1 (or the fall 1 − m).
    multiplier("double", 2, 1, "double", Said::size),
    multiplier("doubled", 2, 1, "double", Said::change),
    multiplier("doubling", 2, 1, "double", Said::change),
    multiplier("twice", 2, 1, "twice", Said::size),
    multiplier("triple", 3, 1, "triple", Said::size),
    multiplier("tripled", 3, 1, "triple", Said::change),
    multiplier("tripling", 3, 1, "triple", Said::change),
    multiplier("treble", 3, 1, "triple", Said::size),
    multiplier("trebled", 3, 1, "triple", Said::change),
    multiplier("trebling", 3, 1, "triple", Said::change),
    multiplier("quadruple", 4, 1, "quadruple", Said::size),
    multiplier("quadrupled", 4, 1, "quadruple", Said::change),
    multiplier("quadrupling", 4, 1, "quadruple", Said::size),  // as extract has always read it
    multiplier("twofold", 2, 1, "twofold", Said::size),
    multiplier("threefold", 3, 1, "threefold", Said::size),
    multiplier("fourfold", 4, 1, "fourfold", Said::size),
    multiplier("fivefold", 5, 1, "fivefold", Said::size),
    multiplier("tenfold", 10, 1, "tenfold", Said::size),
    multiplier("halved", 1, 2, "halved", Said::change),
    multiplier("halving", 1, 2, "halved", Said::change),
    // Words of a rise, which make a fraction near them a change (extract).
    rise("rise"),
    rise("rises"),
    rise("rose"),
    rise("risen"),
    rise("rising"),
    rise("increase"),
    rise("increased"),
    rise("increases"),
    rise("increasing"),
    rise("up"),
    rise("jump"),
    rise("jumped"),
    rise("jumps"),
    rise("soar"),
    rise("soared"),
    rise("soars"),
    rise("soaring"),
    rise("grow"),
    rise("grew"),
    rise("grown"),
    rise("growth"),
    rise("grows"),
    rise("climb"),
    rise("climbed"),
    rise("surge"),
    rise("surged"),
    rise("higher"),
    rise("spike"),
    rise("spiked"),
    rise("doubled"),
    rise("tripled"),
    rise("trebled"),
    // Words of a fall.
    fall("fall"),
    fall("falls"),
    fall("fell"),
    fall("fallen"),
    fall("falling"),
    fall("drop"),
    fall("dropped"),
    fall("drops"),
    fall("decrease"),
    fall("decreased"),
    fall("decreases"),
    fall("decline"),
    fall("declined"),
    fall("declines"),
    fall("down"),
    fall("cut"),
    fall("reduced"),
    fall("reduction"),
    fall("lower"),
    fall("plunged"),
    fall("slumped"),
    fall("shrank"),
    fall("halved"),
});

}  // namespace

std::span<const Word> words() {
  return kWords;
}

namespace {

// The first row of each (kind, phrase), in the table's order: every word of a quote is
// looked up several times (a scale? a fraction? a multiplier?), so by hash, not by scan.
// Phrases by their first word, for the hedges and count words a value starts with: the
// phrase's words split once, not for every value.
struct WordIndex {
  std::unordered_map<std::string_view, std::vector<const Word*>> by_phrase;
  std::unordered_map<std::string_view, std::vector<Phrase>> by_first_word;
  std::size_t longest = 0;

  WordIndex() {
    for (const Word& row : kWords) {
      by_phrase[row.phrase].push_back(&row);
      longest = std::max(longest, row.phrase.size());
      std::vector<std::string_view> split = words_of(row.phrase);
      if (split.empty()) continue;
      const std::string_view first = split.front();
      by_first_word[first].push_back(Phrase{&row, std::move(split)});
    }
  }
};

const WordIndex& word_index() {
  static const WordIndex index;
  return index;
}

}  // namespace

std::optional<Word> find_word(std::string_view lower_case_word, WordKind kind) {
  const WordIndex& index = word_index();
  if (lower_case_word.size() > index.longest) return std::nullopt;
  const auto it = index.by_phrase.find(lower_case_word);
  if (it == index.by_phrase.end()) return std::nullopt;
  for (const Word* row : it->second)
    if (row->kind == kind) return *row;
  return std::nullopt;
}

std::span<const Phrase> phrases_starting(std::string_view lower_case_word) {
  const WordIndex& index = word_index();
  const auto it = index.by_first_word.find(lower_case_word);
  if (it == index.by_first_word.end()) return {};
  return it->second;
}

std::size_t longest_phrase() {
  return word_index().longest;
}

std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    const std::size_t space = phrase.find(' ');
    out.push_back(phrase.substr(0, space));
    if (space == std::string_view::npos) break;
    phrase.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace cc::grammar
