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

// The stretch to quote for one drafted value, grown from its clause and then trimmed;
// tokens [first_, end_).
class Stretch {
 public:
  Stretch(const SentenceText& s, const std::vector<Drafted>& drafted, const ValueIndex& values,
          std::size_t d)
      : s_(s),
        tokens_(s.tokens),
        values_(values),
        v_(drafted[d]),
        d_(d),
        p_(s.piece_of[v_.first]),
        first_(s.pieces[p_].first),
        end_(s.pieces[p_].end) {}

  [[nodiscard]] bool shares_clause() const {
    return !v_.doubtful && values_.count(first_, end_, d_) > 0;
  }
  void to_part(const std::vector<Piece>& parts);
  void with_neighbours();
  void hold_value();
  void window();
  void trim();
  void rebalance(std::string_view opening, std::string_view closing);
  [[nodiscard]] Span span() const {
    return Span{tokens_[first_].span.offset,
                tokens_[end_ - 1].span.end() - tokens_[first_].span.offset};
  }

  std::size_t untrimmed_first = 0;
  std::size_t untrimmed_end = 0;

 private:
  [[nodiscard]] std::size_t piece_words(std::size_t q) const {
    return s_.words(s_.pieces[q].first, s_.pieces[q].end);
  }
  [[nodiscard]] std::size_t piece_values(std::size_t q) const {
    return values_.count(s_.pieces[q].first, s_.pieces[q].end, d_);
  }
  [[nodiscard]] std::ptrdiff_t count(std::string_view mark) const {
    return std::count_if(tokens_.begin() + static_cast<std::ptrdiff_t>(first_),
                         tokens_.begin() + static_cast<std::ptrdiff_t>(end_),
                         [&](const Token& x) { return is_mark(x, mark); });
  }
  [[nodiscard]] bool short_tail(std::size_t q) const;
  void trim_front(std::ptrdiff_t& open);
  void trim_back(std::ptrdiff_t& open);

  const SentenceText& s_;
  const Tokens& tokens_;
  const ValueIndex& values_;
  const Drafted& v_;
  std::size_t d_;
  std::size_t p_;  // the value's clause
  std::size_t first_;
  std::size_t end_;
};

// The part of a clause that holds several statistics in which the value lies.
void Stretch::to_part(const std::vector<Piece>& parts) {
  const auto part = std::partition_point(parts.begin(), parts.end(),
                                         [&](const Piece& x) { return x.end <= v_.first; });
  if (part != parts.end() && v_.first >= part->first && v_.first < part->end) {
    first_ = std::min(part->first, v_.first);
    end_ = std::max(part->end, v_.end);
  }
}

// Whether clause q is a short tail to take: a list item ("Snapchat") or any clause after a
// stretch of fewer than three words.
bool Stretch::short_tail(std::size_t q) const {
  const Piece& next = s_.pieces[q];
  std::size_t lead = next.first;
  while (lead < next.end && tokens_[lead].kind == TokenKind::mark) ++lead;
  const bool item = lead < next.end && tokens_[lead].capitalised() && piece_words(q) <= 3;
  return item || s_.words(first_, end_) < 3;
}

// A clause alone: with a qualifying clause before it ("Where the gender was known, 83% of
// …") and a list it ends in ("…involving Facebook, Snapchat or Instagram").
void Stretch::with_neighbours() {
  if (p_ > 0 && piece_values(p_ - 1) == 0) {
    std::size_t lead = s_.pieces[p_].first;
    if (conjunction(tokens_[lead]) && lead + 1 < s_.pieces[p_].end) ++lead;
    std::size_t prev_lead = s_.pieces[p_ - 1].first;
    if (conjunction(tokens_[prev_lead]) && prev_lead + 1 < s_.pieces[p_ - 1].end) ++prev_lead;
    if (relative_word(tokens_[lead]) || qualifier_word(tokens_[prev_lead]) ||
        (p_ == 1 && piece_words(0) < 4)) {
      first_ = s_.pieces[p_ - 1].first;
    }
  }
  for (std::size_t q = p_ + 1; q < s_.pieces.size() && q <= p_ + 6 && piece_values(q) == 0; ++q) {
    const Piece& next = s_.pieces[q];
    bool list_end = false;
    for (std::size_t k = next.first + 1; k < next.end && k <= next.first + 3; ++k) {
      list_end = list_end || one_of(tokens_[k], {"and", "or"});
    }
    if (!list_end && !short_tail(q)) break;
    end_ = next.end;
    if (list_end) break;
  }
}

// The quote holds the whole value, even one that runs over a separator ("twenty - one");
// one too short to say anything ("to 5,500") takes the clause before as well.
void Stretch::hold_value() {
  first_ = std::min(first_, v_.first);
  end_ = std::max(end_, v_.end);
  if (s_.words(first_, end_) < 4 && s_.piece_of[first_] > 0 && s_.piece_of[first_] == p_) {
    first_ = s_.pieces[p_ - 1].first;
  }
}

// A clause of more than about 400 bytes: a window of about 150 bytes either side of the
// value, cut at tokens (so trimming looks at a bounded stretch).
void Stretch::window() {
  constexpr std::size_t kMaxQuote = 400;
  constexpr std::size_t kReach = 150;
  if (tokens_[end_ - 1].span.end() - tokens_[first_].span.offset <= kMaxQuote) return;
  const std::size_t lo = v_.value.offset > kReach ? v_.value.offset - kReach : 0;
  const std::size_t hi = v_.value.end() + kReach;
  first_ = std::min(std::max(first_, first_from(tokens_, lo)), v_.first);
  const auto last = std::partition_point(tokens_.begin() + static_cast<std::ptrdiff_t>(v_.end),
                                         tokens_.begin() + static_cast<std::ptrdiff_t>(end_),
                                         [&](const Token& t) { return t.span.end() <= hi; });
  end_ = static_cast<std::size_t>(last - tokens_.begin());
}

void Stretch::trim_front(std::ptrdiff_t& open) {
  while (first_ < v_.first) {
    const Token& t = tokens_[first_];
    // A sentence's first "That" is a pronoun ("That is nine a day"), not a conjunction.
    const bool pronoun = first_ == 0 && t.is("that");
    if (!((conjunction(t) && !pronoun && s_.words(first_ + 1, end_) >= 3) ||
          quote_mark_or_separator(t) || (is_mark(t, "(") && open > 0))) {
      return;
    }
    if (is_mark(t, "(")) --open;
    if (is_mark(t, ")")) ++open;
    ++first_;
  }
}

void Stretch::trim_back(std::ptrdiff_t& open) {
  while (end_ > v_.end) {
    const Token& t = tokens_[end_ - 1];
    if (!(quote_mark_or_separator(t) || (is_mark(t, ")") && open < 0))) return;
    if (is_mark(t, ")")) ++open;
    if (is_mark(t, "(")) --open;
    --end_;
  }
}

// Conjunctions and punctuation at the ends, unbalanced brackets; never the value.
void Stretch::trim() {
  untrimmed_first = first_;
  untrimmed_end = end_;
  std::ptrdiff_t open = count("(") - count(")");  // unclosed brackets in [first, end)
  trim_front(open);
  trim_back(open);
}

// A quote mark trimmed away from its pair ("in \"2019\":" → "in \"2019") comes back, with
// the punctuation between.
void Stretch::rebalance(std::string_view opening, std::string_view closing) {
  const bool straight = opening == closing;
  const std::ptrdiff_t opened = straight ? count(opening) % 2 : count(opening) - count(closing);
  if (opened > 0) {  // look for the closing mark after the end
    for (std::size_t k = end_; k < untrimmed_end && tokens_[k].kind == TokenKind::mark; ++k) {
      if (is_mark(tokens_[k], closing)) {
        end_ = k + 1;
        return;
      }
    }
  }
  if (opened < 0 || (straight && opened > 0)) {  // look for the opening mark before the start
    for (std::size_t k = first_; k > untrimmed_first && tokens_[k - 1].kind == TokenKind::mark;
         --k) {
      if (is_mark(tokens_[k - 1], opening)) {
        first_ = k - 1;
        return;
      }
    }
  }
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
  Stretch stretch(s, drafted, values, d);
  if (stretch.shares_clause()) {
    const std::size_t p = s.piece_of[drafted[d].first];
    auto cached = parts_of_clause.find(p);
    if (cached == parts_of_clause.end())
      cached = parts_of_clause.emplace(p, clause_parts(s.tokens, values, s.pieces[p])).first;
    stretch.to_part(cached->second);
  } else {
    stretch.with_neighbours();
  }
  stretch.hold_value();
  stretch.window();
  stretch.trim();
  stretch.rebalance("\"", "\"");
  stretch.rebalance("\u201C", "\u201D");
  return stretch.span();
}

}  // namespace cc::extract
