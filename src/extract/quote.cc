#include "extract/quote.h"

#include <algorithm>
#include <optional>

namespace cc::extract {

namespace {

// A clause holding several statistics, split again before "and", "that", "while", …; a
// part without a statistic joins the next one (the last joins the one before), and so does
// a part of fewer than three words. The same for every value of the clause.
std::vector<Piece> clause_parts(const Tokens& tokens, const ValueIndex& values, Piece clause) {
  const auto holds_value = [&](const Piece& part) {
    return values.starts_in(part.first, part.end);
  };
  // Never split inside a value.
  std::vector<Piece> split;
  for (const Piece& part : split_pieces(tokens, clause.first, clause.end, true)) {
    if (!split.empty() && values.inside(part.first)) {
      split.back().end = part.end;
    } else {
      split.push_back(part);
    }
  }
  std::vector<Piece> merged;
  std::optional<std::size_t> pending;
  for (Piece part : split) {
    if (pending) part.first = *pending;
    pending.reset();
    if (!holds_value(part)) {
      pending = part.first;
    } else {
      merged.push_back(part);
    }
  }
  if (pending) {
    if (merged.empty()) {
      merged.push_back({*pending, clause.end});
    } else {
      merged.back().end = clause.end;
    }
  }
  std::vector<Piece> parts;
  for (const Piece& part : merged) {
    if (!parts.empty() && words_in(tokens, part.first, part.end) < 3) {
      parts.back().end = part.end;
    } else {
      parts.push_back(part);
    }
  }
  if (parts.size() >= 2 && words_in(tokens, parts.front().first, parts.front().end) < 3) {
    parts[1].first = parts.front().first;
    parts.erase(parts.begin());
  }
  return parts;
}

}  // namespace

// The stretch of the sentence to quote for drafted[d]: its clause (split at commas, dashes
// and semicolons outside brackets), with a qualifying clause before it ("Where the gender
// was known, 83% of …") or a short tail ("…, Snapchat or Instagram"); split again at "and"
// when the clause holds another statistic; trimmed of conjunctions and punctuation at the
// ends. At most about 400 bytes: a window around the value in a longer clause. `parts`
// caches clause_parts() by clause, so a sentence costs time linear in its length.
Span quote_for(const SentenceText& s, const std::vector<Drafted>& drafted, const ValueIndex& values,
               std::map<std::size_t, std::vector<Piece>>& parts_of_clause, std::size_t d) {
  const Tokens& tokens = s.tokens;
  const Drafted& v = drafted[d];
  const std::size_t p = s.piece_of[v.first];
  std::size_t first = s.pieces[p].first;
  std::size_t end = s.pieces[p].end;
  if (!v.doubtful && values.count(first, end, d) > 0) {
    auto cached = parts_of_clause.find(p);
    if (cached == parts_of_clause.end()) {
      cached = parts_of_clause.emplace(p, clause_parts(tokens, values, s.pieces[p])).first;
    }
    const std::vector<Piece>& parts = cached->second;
    const auto part = std::partition_point(parts.begin(), parts.end(),
                                           [&](const Piece& x) { return x.end <= v.first; });
    if (part != parts.end() && v.first >= part->first && v.first < part->end) {
      first = std::min(part->first, v.first);
      end = std::max(part->end, v.end);
    }
  } else {
    const auto piece_words = [&](std::size_t q) {
      return s.words(s.pieces[q].first, s.pieces[q].end);
    };
    const auto piece_values = [&](std::size_t q) {
      return values.count(s.pieces[q].first, s.pieces[q].end, d);
    };
    if (p > 0 && piece_values(p - 1) == 0) {
      std::size_t lead = s.pieces[p].first;
      if (conjunction(tokens[lead]) && lead + 1 < s.pieces[p].end) ++lead;
      std::size_t prev_lead = s.pieces[p - 1].first;
      if (conjunction(tokens[prev_lead]) && prev_lead + 1 < s.pieces[p - 1].end) ++prev_lead;
      if (relative_word(tokens[lead]) || qualifier_word(tokens[prev_lead]) ||
          (p == 1 && piece_words(0) < 4)) {
        first = s.pieces[p - 1].first;
      }
    }
    // A list the clause ends in: "…involving Facebook, Snapchat or Instagram".
    for (std::size_t q = p + 1; q < s.pieces.size() && q <= p + 6 && piece_values(q) == 0; ++q) {
      const Piece& next = s.pieces[q];
      bool list_end = false;
      for (std::size_t k = next.first + 1; k < next.end && k <= next.first + 3; ++k) {
        list_end = list_end || one_of(tokens[k], {"and", "or"});
      }
      std::size_t lead = next.first;
      while (lead < next.end && tokens[lead].kind == TokenKind::mark) ++lead;
      const bool item = lead < next.end && tokens[lead].capitalised() && piece_words(q) <= 3;
      const bool short_tail = item || s.words(first, end) < 3;
      if (!list_end && !short_tail) break;
      end = next.end;
      if (list_end) break;
    }
  }
  // The quote holds the whole value, even one that runs over a separator ("twenty - one").
  first = std::min(first, v.first);
  end = std::max(end, v.end);
  // Too short to say anything ("to 5,500"): take the clause before as well.
  if (s.words(first, end) < 4 && s.piece_of[first] > 0 && s.piece_of[first] == p) {
    first = s.pieces[p - 1].first;
  }
  // A clause of more than about 400 bytes: a window of about 150 bytes either side of the
  // value, cut at tokens (so trimming below looks at a bounded stretch).
  constexpr std::size_t kMaxQuote = 400;
  constexpr std::size_t kReach = 150;
  if (tokens[end - 1].span.end() - tokens[first].span.offset > kMaxQuote) {
    const std::size_t lo = v.value.offset > kReach ? v.value.offset - kReach : 0;
    const std::size_t hi = v.value.end() + kReach;
    first = std::min(std::max(first, first_from(tokens, lo)), v.first);
    const auto last = std::partition_point(tokens.begin() + static_cast<std::ptrdiff_t>(v.end),
                                           tokens.begin() + static_cast<std::ptrdiff_t>(end),
                                           [&](const Token& t) { return t.span.end() <= hi; });
    end = static_cast<std::size_t>(last - tokens.begin());
  }
  // Trim: conjunctions and punctuation at the ends, unbalanced brackets; never the value.
  const std::size_t untrimmed_first = first;
  const std::size_t untrimmed_end = end;
  const auto count = [&](std::string_view mark) {
    return std::count_if(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                         tokens.begin() + static_cast<std::ptrdiff_t>(end),
                         [&](const Token& x) { return is_mark(x, mark); });
  };
  std::ptrdiff_t open = count("(") - count(")");  // unclosed brackets in [first, end)
  while (first < v.first) {
    const Token& t = tokens[first];
    // A sentence's first "That" is a pronoun ("That is nine a day"), not a conjunction.
    const bool pronoun = first == 0 && t.is("that");
    if ((conjunction(t) && !pronoun && s.words(first + 1, end) >= 3) ||
        quote_mark_or_separator(t) || (is_mark(t, "(") && open > 0)) {
      if (is_mark(t, "(")) --open;
      if (is_mark(t, ")")) ++open;
      ++first;
    } else {
      break;
    }
  }
  while (end > v.end) {
    const Token& t = tokens[end - 1];
    if (quote_mark_or_separator(t) || (is_mark(t, ")") && open < 0)) {
      if (is_mark(t, ")")) ++open;
      if (is_mark(t, "(")) --open;
      --end;
    } else {
      break;
    }
  }
  // A quote mark trimmed away from its pair ("in \"2019\":" → "in \"2019") comes back, with
  // the punctuation between.
  const auto rebalance = [&](std::string_view opening, std::string_view closing) {
    const bool straight = opening == closing;
    const std::ptrdiff_t opened = straight ? count(opening) % 2 : count(opening) - count(closing);
    if (opened > 0) {  // look for the closing mark after the end
      for (std::size_t k = end; k < untrimmed_end && tokens[k].kind == TokenKind::mark; ++k) {
        if (is_mark(tokens[k], closing)) {
          end = k + 1;
          return;
        }
      }
    }
    if (opened < 0 || (straight && opened > 0)) {  // look for the opening mark before the start
      for (std::size_t k = first; k > untrimmed_first && tokens[k - 1].kind == TokenKind::mark;
           --k) {
        if (is_mark(tokens[k - 1], opening)) {
          first = k - 1;
          return;
        }
      }
    }
  };
  rebalance("\"", "\"");
  rebalance("\u201C", "\u201D");
  return Span{tokens[first].span.offset, tokens[end - 1].span.end() - tokens[first].span.offset};
}

}  // namespace cc::extract
