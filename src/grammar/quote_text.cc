// Quote matching (docs/rules/quote.md): the folding of quotes and articles, and the index
// of an article's grams. The loader matches each fact's quote against its source's article
// as the file is loaded (load/quotes.h), so the article's text is never held in the base.
#include "grammar/quote_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "model/utf8.h"

namespace cc {
namespace {

struct Replacement {
  std::string_view from;
  char to;
};

// UTF-8 spellings folded to one ASCII character.
constexpr Replacement kFolds[] = {
    {"\u2018", '\''}, {"\u2019", '\''}, {"\u201A", '\''}, {"\u201B", '\''}, {"\u2032", '\''},
    {"\u201C", '"'},  {"\u201D", '"'},  {"\u201E", '"'},  {"\u201F", '"'},  {"\u2033", '"'},
    {"\u2010", '-'},  {"\u2011", '-'},  {"\u2012", '-'},  {"\u2013", '-'},  {"\u2014", '-'},
    {"\u2015", '-'},  {"\u2212", '-'},  {"\u00A0", ' '},  {"\u2009", ' '},  {"\u202F", ' '},
};

}  // namespace

namespace {

// Quote marks, dashes and wide spaces written as their ASCII counterparts.
std::string fold_marks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    std::size_t length = 1;
    // Every fold starts with a byte of a multi-byte UTF-8 sequence: ASCII is copied as is.
    if (static_cast<unsigned char>(c) < 0x80) {
      out += c;
      ++i;
      continue;
    }
    for (const auto& fold : kFolds) {
      if (text.substr(i, fold.from.size()) == fold.from) {
        c = fold.to;
        length = fold.from.size();
        break;
      }
    }
    out += c;
    i += length;
  }
  return out;
}

// The C locale's tolower and isspace, inline (the program never sets a locale): these run
// over every byte of every quote and article.
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Unicode case folding (utf8proc); ASCII only for text that is not UTF-8, which the
// loader has already refused.
std::string fold_case(std::string text) {
  // ASCII has no compatibility forms and no ignorable code points: NFKC_Casefold of it is
  // its lower case (most quotes; utf8proc is the cost of the check otherwise).
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (char& c : text) c = ascii_lower(c);
    return text;
  }
  if (auto folded = utf8::fold_case(text)) return std::move(*folded);
  for (char& c : text) c = ascii_lower(c);
  return text;
}

// Runs of white space as one space, none at the ends.
std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : text) {
    if (ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string fold_quote_text(std::string_view text) {
  return collapse_space(fold_case(fold_marks(text)));
}

QuoteIndex::QuoteIndex(std::string folded) : text_(std::move(folded)) {
  if (text_.size() < kGram || text_.size() > kMaxIndexed) return;
  const std::size_t grams = text_.size() - kGram + 1;
  while ((std::size_t{1} << bits_) < grams) ++bits_;
  // Counting sort of the offsets by bucket: starts_[b] … starts_[b + 1] are bucket b's.
  starts_.assign((std::size_t{1} << bits_) + 1, 0);
  for (std::size_t at = 0; at < grams; ++at) ++starts_[bucket(gram_at(text_, at)) + 1];
  for (std::size_t b = 1; b < starts_.size(); ++b) starts_[b] += starts_[b - 1];
  offsets_.resize(grams);
  std::vector<std::uint32_t> next(starts_.begin(), starts_.end() - 1);
  for (std::size_t at = 0; at < grams; ++at)
    offsets_[next[bucket(gram_at(text_, at))]++] = static_cast<std::uint32_t>(at);
}

std::uint64_t QuoteIndex::gram_at(std::string_view text, std::size_t at) {
  std::uint64_t gram = 0;
  std::memcpy(&gram, text.data() + at, kGram);
  return gram;
}

std::size_t QuoteIndex::bucket(std::uint64_t gram) const {
  if (bits_ == 0) return 0;
  return static_cast<std::size_t>((gram * 0x9E3779B97F4A7C15ULL) >> (64 - bits_));
}

bool QuoteIndex::contains(std::string_view folded) const {
  if (folded.size() < kGram || offsets_.empty()) return text_.find(folded) != std::string::npos;
  // The quote's gram with the smallest bucket: the quote can only start where that gram
  // occurs, and every occurrence is in its bucket (with other grams that share it).
  std::size_t best = 0;
  std::size_t best_offset = 0;
  std::size_t best_count = offsets_.size() + 1;
  for (std::size_t offset = 0; offset + kGram <= folded.size(); ++offset) {
    const std::size_t b = bucket(gram_at(folded, offset));
    const std::size_t count = starts_[b + 1] - starts_[b];
    if (count == 0) return false;  // a gram the text lacks: the quote is not in it
    if (count < best_count) {
      best = b;
      best_offset = offset;
      best_count = count;
    }
  }
  const std::string_view text(text_);
  for (std::size_t i = starts_[best]; i < starts_[best + 1]; ++i) {
    if (offsets_[i] < best_offset) continue;
    if (text.substr(offsets_[i] - best_offset, folded.size()) == folded) return true;
  }
  return false;
}

}  // namespace cc
