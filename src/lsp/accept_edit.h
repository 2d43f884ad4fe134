#pragma once
// The code action of a finding: the `accept:` entry (FORMAT §6, report/report_text.h's
// accept_snippet) inserted into the fact file, under the fact, indented as its fields are.

#include <optional>
#include <string>

#include "explain/finding.h"
#include "lsp/text.h"
#include "lsp/workspace.h"

namespace cc::lsp {

struct Insertion {
  std::string name;  // the file, inside the fact base folder
  Position at;
  std::string text;
};

// Inserts the accept of `finding` on the fact `on` (one of its facts; `with` names another):
// after the fact's last line, or after the last item of its `accept:` list when it has
// one. Nullopt when the finding takes no accept, or the fact is written in a flow style
// ("- {id: …}") the insertion cannot follow.
[[nodiscard]] std::optional<Insertion> accept_insertion(const Analysis& analysis,
                                                        const Finding& finding, FactIndex on);

}  // namespace cc::lsp
