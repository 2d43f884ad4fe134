#pragma once
// What `crosscheck explain` shows for a quantity (explain/query.h's answer), as text and
// as JSON. The one printer behind both the command (cli/explain_command.cc) and the
// editor's hover (lsp/hover.cc), so that they cannot drift apart.

#include <string>

#include "explain/query.h"

namespace cc {

// How text that came from input is put into the lines: as it is (the hover puts it in a
// code fence), or through terminal_safe() (the command prints it on a terminal).
enum class InputText { as_is, terminal_safe };

// "cases · Land · 2017-18\n  stated by:\n …": the quantity, who states it, what each claim
// naming it implies (with its steps), what everything else forces, what is set aside.
[[nodiscard]] std::string render_quantity_text(const FactBase& base, const FactGraph& graph,
                                               const QuantityAnswer& answer, InputText input);

// The same as one JSON object (docs/REPORTS.md, "explain --format json"); `fact` is the
// fact asked about, if the target was a fact ref.
[[nodiscard]] std::string render_quantity_json(const FactBase& base, const FactGraph& graph,
                                               const QuantityAnswer& answer,
                                               std::optional<FactIndex> fact);

}  // namespace cc
