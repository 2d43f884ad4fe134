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

// Whether each folded quote occurs in a folded article, in one pass over the article: a
// quote of 8 bytes or more is compared only where its first 8 bytes occur (a hash table of
// the quotes' first grams, small enough to stay in cache, looked up at each byte of the
// article) and its last 8 bytes match; a shorter one is searched for. The answers are
// exactly std::string::find's, in the order of `quotes`.
[[nodiscard]] std::vector<bool> quotes_in(std::string_view article,
                                          const std::vector<std::string>& quotes);

}  // namespace cc
