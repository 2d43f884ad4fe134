#pragma once
// Hover over a fact's `value`: the interval it means, and what the rest of the fact base
// implies for that quantity (what `crosscheck explain` prints, from explain/query.h).

#include <optional>
#include <string>
#include <string_view>

#include "lsp/text.h"
#include "lsp/workspace.h"

namespace cc::lsp {

// The fact whose `value` is written on the line of `position` in the file `name` of the
// fact base, if any.
[[nodiscard]] std::optional<FactIndex> fact_with_value_at(const Analysis& analysis,
                                                          std::string_view name, Position position);

// The hover's Markdown for the fact's value.
[[nodiscard]] std::string hover_text(const Analysis& analysis, FactIndex fact);

}  // namespace cc::lsp
