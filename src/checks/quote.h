#pragma once
// Quote matching: texts are compared after folding white space, case, curly and straight
// quotes and dashes.

#include <string>
#include <string_view>

namespace cc {

[[nodiscard]] std::string fold_quote_text(std::string_view text);

}  // namespace cc
