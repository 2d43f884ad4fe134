#include "extract/sentence.h"

#include <algorithm>

namespace cc::extract {

namespace {

bool separator(const Tokens& tokens, std::size_t i) {
  const Token& t = tokens[i];
  if (t.kind != TokenKind::mark) return false;
  if (t.text == "," || t.text == ";" || t.text == ":" || t.text == "\u2013" || t.text == "\u2014" ||
      t.text == "|" || t.text == "\u2026") {
    return true;
  }
  return t.text == "-" && t.space_before && i + 1 < tokens.size() && tokens[i + 1].space_before;
}

}  // namespace

std::vector<Piece> split_pieces(const Tokens& tokens, std::size_t first, std::size_t end,
                                bool conjunctions) {
  std::vector<Piece> pieces;
  int depth = 0;
  std::size_t start = first;
  for (std::size_t i = first; i < end; ++i) {
    const Token& t = tokens[i];
    if (is_mark(t, "(") || is_mark(t, "[")) ++depth;
    if ((is_mark(t, ")") || is_mark(t, "]")) && depth > 0) --depth;
    if (depth > 0) continue;
    if (!conjunctions && separator(tokens, i)) {
      if (i > start) pieces.push_back({start, i});
      start = i + 1;
    } else if (conjunctions && i > start && one_of(t, {"and", "while", "whereas", "but", "that"})) {
      pieces.push_back({start, i});
      start = i;
    }
  }
  if (end > start) pieces.push_back({start, end});
  return pieces;
}

std::size_t words_in(const Tokens& tokens, std::size_t first, std::size_t end) {
  std::size_t words = 0;
  for (std::size_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::mark) ++words;
  }
  return words;
}

SentenceText read_sentence(std::string_view article, const Sentence& sentence) {
  SentenceText s;
  s.text = sentence.span.of(article);
  s.base = sentence.span.offset;
  s.line = sentence.line;
  s.tokens = tokenize(s.text);
  for (const DateMention& date : find_dates(s.text, s.tokens)) s.dates.push_back(date.span);
  s.times = find_times(s.text, s.tokens);
  s.pieces = split_pieces(s.tokens, 0, s.tokens.size(), false);
  s.piece_of.assign(s.tokens.size(), 0);
  for (std::size_t p = 0; p < s.pieces.size(); ++p) {
    const std::size_t from = p == 0 ? 0 : s.pieces[p].first;
    const std::size_t to = p + 1 < s.pieces.size() ? s.pieces[p + 1].first : s.tokens.size();
    for (std::size_t i = from; i < to; ++i) s.piece_of[i] = p;
  }
  s.words_before.assign(s.tokens.size() + 1, 0);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    s.words_before[i + 1] = s.words_before[i] + (s.tokens[i].kind != TokenKind::mark ? 1 : 0);
  }
  return s;
}

const Span* overlapping(const std::vector<Span>& spans, Span span) {
  const auto it =
      std::lower_bound(spans.begin(), spans.end(), span.offset,
                       [](const Span& candidate, std::size_t at) { return candidate.end() <= at; });
  return it != spans.end() && it->offset < span.end() ? &*it : nullptr;
}

}  // namespace cc::extract
