// Quote matching (docs/rules/quote.md): the folding of quotes and articles, and the index
// of an article's grams. The loader matches each fact's quote against its source's article
// as the file is loaded (load/quotes.h), so the article's text is never held in the base.
#include "grammar/quote_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "model/utf8.h"
#include "model/vocabulary.h"

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

namespace {

// Whether every byte is ASCII, eight at a time (an article is read through once more here).
bool is_ascii(std::string_view text) {
  std::size_t at = 0;
  std::uint64_t high = 0;
  for (std::uint64_t w = 0; at + 8 <= text.size(); at += 8) {
    std::memcpy(&w, text.data() + at, 8);
    high |= w;
  }
  for (; at < text.size(); ++at) high |= static_cast<unsigned char>(text[at]);
  return (high & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::string fold_quote_text(std::string_view text) {
  // ASCII holds no quote mark, dash or space to fold first, and its fold is that of a
  // name: lower case (NFKC_Casefold of ASCII), runs of white space as one space, none at
  // the ends.
  if (is_ascii(text)) return fold_name(text);
  return collapse_space(fold_case(fold_marks(text)));
}

namespace {

constexpr std::size_t kGram = 8;
constexpr std::uint32_t kNoQuote = 0xffffffffU;

std::uint64_t gram_at(std::string_view text, std::size_t at) {
  std::uint64_t gram = 0;
  std::memcpy(&gram, text.data() + at, kGram);
  return gram;
}

std::uint64_t hash(std::uint64_t gram) {
  return gram * 0x9E3779B97F4A7C15ULL;
}

std::size_t top_bits(std::uint64_t hash, unsigned bits) {
  return static_cast<std::size_t>(hash >> (64 - bits));
}

// The quotes of kGram bytes or more, chained by the bucket of their first gram.
struct FirstGrams {
  explicit FirstGrams(const std::vector<std::string>& quotes) {
    for (std::uint32_t q = 0; q < quotes.size(); ++q)
      if (quotes[q].size() >= kGram) quote.push_back(q);
    while ((std::size_t{1} << bits) < 2 * quote.size()) ++bits;
    head.assign(std::size_t{1} << bits, kNoQuote);
    next.assign(quote.size(), kNoQuote);
    filter.assign(std::size_t{1} << (filter_bits() - 6), 0);
    for (std::uint32_t k = 0; k < quote.size(); ++k) {
      const std::string_view text = quotes[quote[k]];
      first.push_back(gram_at(text, 0));
      last.push_back(gram_at(text, text.size() - kGram));
      const std::uint64_t h = hash(first.back());
      const std::size_t b = top_bits(h, bits);
      next[k] = head[b];
      head[b] = k;
      const std::size_t f = top_bits(h, filter_bits());
      filter[f >> 6] |= std::uint64_t{1} << (f & 63);
    }
  }
  [[nodiscard]] unsigned filter_bits() const { return bits + 5; }
  unsigned bits = 1;
  // Whether a gram of a hash may start a quote (the hash's top filter_bits()): one bit in 32
  // times as many as there are buckets, so that most bytes of the article stop at this bit.
  std::vector<std::uint64_t> filter;
  std::vector<std::uint32_t> quote;  // by entry: the index in `quotes`
  std::vector<std::uint64_t> first;  // by entry: its first and last grams
  std::vector<std::uint64_t> last;
  std::vector<std::uint32_t> head;  // by bucket: its first entry
  std::vector<std::uint32_t> next;  // by entry: the next in its bucket
};

}  // namespace

std::vector<bool> quotes_in(std::string_view article, const std::vector<std::string>& quotes) {
  std::vector<bool> found(quotes.size(), false);
  for (std::size_t q = 0; q < quotes.size(); ++q)
    if (quotes[q].size() < kGram) found[q] = article.find(quotes[q]) != std::string_view::npos;
  const FirstGrams grams(quotes);
  std::size_t left = grams.quote.size();
  if (left == 0 || article.size() < kGram) return found;
  // The loop at every byte of the article, with what it reads held in locals: a gram, its
  // hash, one bit of the filter; the rest only where the bit is set.
  const std::uint64_t* filter = grams.filter.data();
  const unsigned filter_shift = 64 - grams.filter_bits();
  const std::size_t end = article.size() - kGram;
  for (std::size_t at = 0; at <= end; ++at) {
    const std::uint64_t gram = gram_at(article, at);
    const std::uint64_t h = hash(gram);
    const std::size_t f = static_cast<std::size_t>(h >> filter_shift);
    if (((filter[f >> 6] >> (f & 63)) & 1) == 0) continue;
    for (std::uint32_t k = grams.head[top_bits(h, grams.bits)]; k != kNoQuote; k = grams.next[k]) {
      const std::string_view quote = quotes[grams.quote[k]];
      if (grams.first[k] != gram || quote.size() > article.size() - at) continue;
      if (found[grams.quote[k]] || gram_at(article, at + quote.size() - kGram) != grams.last[k])
        continue;
      if (article.substr(at, quote.size()) != quote) continue;
      found[grams.quote[k]] = true;
      --left;
    }
    if (left == 0) break;
  }
  return found;
}

}  // namespace cc
