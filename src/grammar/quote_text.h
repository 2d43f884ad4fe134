#pragma once
// Quote matching (the quote check, docs/rules/quote.md): texts are compared after folding
// curly and straight quotes, dashes, white space and case (Unicode case folding after NFKC
// normalisation, by utf8proc: "ÉTÉ" matches "été", "STRASSE" matches "Straße", "ﬁ" matches "fi").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cc {

[[nodiscard]] std::string fold_quote_text(std::string_view text);

// A folded article, indexed by its 8-byte grams (the offsets of each gram's hash bucket):
// whether a folded quote occurs in it costs a look-up per gram of the quote, then a
// comparison at each place where its rarest bucket's grams occur, not a scan of the
// article. The answer is exactly std::string::find's.
class QuoteIndex {
 public:
  explicit QuoteIndex(std::string folded);
  [[nodiscard]] bool contains(std::string_view folded) const;

 private:
  static constexpr std::size_t kGram = 8;
  // A larger text (the loader takes articles up to 256 MB) is searched, not indexed: the
  // index takes about 12 bytes a byte.
  static constexpr std::size_t kMaxIndexed = std::size_t{16} * 1024 * 1024;
  [[nodiscard]] static std::uint64_t gram_at(std::string_view text, std::size_t at);
  [[nodiscard]] std::size_t bucket(std::uint64_t gram) const;
  std::string text_;
  unsigned bits_ = 0;                  // 2^bits_ buckets, at least one per gram
  std::vector<std::uint32_t> starts_;  // bucket b's offsets: offsets_[starts_[b], starts_[b+1])
  std::vector<std::uint32_t> offsets_;
};

}  // namespace cc
