#pragma once
// The one table of the words that give a written number its meaning: hedges, scale words
// and suffixes, fractions, multipliers, count words, and the verbs of a rise or a fall. The value
// grammar (grammar/value.cc, grammar/number_words.cc) reads it to parse values and to find
// the numbers of a quote; `extract` reads it to widen a number to its hedge and to guess
// the kind of a fact. A new phrase is one row of kWords in grammar/words.cc: nothing else
// lists these words.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cc::grammar {

// What a hedge before a number makes of it (FORMAT §2).
enum class Hedge { none, more_than, at_least, less_than, up_to, almost, just_over, around };

enum class WordKind {
  hedge,        // before a number: "more than", "nearly"; reading: `hedge`
  hedge_after,  // after a number: "or more", "or so"; reading: `hedge`
  amount,       // a count word standing for a number: "no", "a dozen", "hundreds";
                // reading: [`number`, `upper`), or `number` ± the vague tolerance when equal
  scale,        // a word after a number: "million"; reading: `number`, a power of ten
  suffix,       // after digits only: "34k", "2bn"; reading: `number`, a power of ten
  fraction,     // "third", "thirds"; reading: `number`, the denominator
  multiplier,   // "doubled", "twice"; reading: `number` / `denominator`
  rise,         // says a change is a rise: "soared", "up" (extract's kind of fact)
  fall,         // says a change is a fall: "fell", "down"
};

// A multiplier that says a change happened ("doubled") or only a size ("double").
enum class Said { size, change };

struct Word {
  std::string_view phrase;  // lower case ASCII words, separated by one space
  WordKind kind = WordKind::hedge;
  Hedge hedge = Hedge::none;
  int number = 0;
  int denominator = 1;
  std::string_view canonical;  // what the quote check compares: "double" for "doubled"
  Said said = Said::size;
  int upper = 0;  // an amount's exclusive upper end ("hundreds" is [200, 1000))
};

// Every row, in the table's order (hedges are matched longest first, ties in this order).
[[nodiscard]] std::span<const Word> words();

// The row of kind `kind` whose phrase is the one word `lower_case_word`, if any.
[[nodiscard]] std::optional<Word> find_word(std::string_view lower_case_word, WordKind kind);

// The length of the longest phrase of the table, in bytes.
[[nodiscard]] std::size_t longest_phrase();

// The words of a phrase: "no more than" → "no", "more", "than".
[[nodiscard]] std::vector<std::string_view> words_of(std::string_view phrase);

// A row with its phrase split into words (words_of), for matching phrases against tokens.
struct Phrase {
  const Word* row = nullptr;
  std::vector<std::string_view> words;
};

// Every row (of any kind) whose phrase's first word is `lower_case_word`, in the table's
// order: the rows a text starting with that word may match, found by hash.
[[nodiscard]] std::span<const Phrase> phrases_starting(std::string_view lower_case_word);

}  // namespace cc::grammar
