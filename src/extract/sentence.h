#pragma once
// A sentence of an article read once for `extract` (private to src/extract/): its tokens,
// dates and times, and its clauses (pieces between commas, dashes and semicolons).

#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/article_text.h"
#include "extract/words.h"

namespace cc::extract {

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

// Tokens [first, end) split at separators, or with `conjunctions` before "and", "while"….
[[nodiscard]] std::vector<Piece> split_pieces(const Tokens& tokens, std::size_t first,
                                              std::size_t end, bool conjunctions);
[[nodiscard]] std::size_t words_in(const Tokens& tokens, std::size_t first, std::size_t end);
[[nodiscard]] SentenceText read_sentence(std::string_view article, const Sentence& sentence);
// The first of `spans` (sorted, not overlapping) that overlaps `span`, or nullptr.
[[nodiscard]] const Span* overlapping(const std::vector<Span>& spans, Span span);

}  // namespace cc::extract
