#pragma once
// Quote matching: texts are compared after folding curly and straight quotes, dashes,
// white space and case (Unicode case folding after NFKC normalisation, by utf8proc: "ÉTÉ"
// matches "été", "STRASSE" matches "Straße", "ﬁ" matches "fi").

#include <string>
#include <string_view>

namespace cc {

[[nodiscard]] std::string fold_quote_text(std::string_view text);

}  // namespace cc
