#include "lsp/hover.h"

#include <fmt/format.h>

#include <algorithm>

#include "explain/query.h"
#include "report/explain_text.h"
#include "report/report_text.h"
#include "rules/wording.h"

namespace cc::lsp {
namespace {

// A code fence longer than any run of backticks in `text`, so input cannot close it.
[[nodiscard]] std::string fenced(const std::string& text) {
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
  return fmt::format("{}text\n{}{}\n", fence, text, fence);
}

}  // namespace

std::optional<FactIndex> fact_with_value_at(const Analysis& analysis, std::string_view name,
                                            Position position) {
  const FactBase& base = analysis.base;
  const std::string display = base.root + "/" + std::string(name);
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Mark mark = base.facts[f].value_mark();
    if (mark.line == position.line + 1 && mark.file < base.files.size() &&
        base.files[mark.file] == display && !base.facts[f].value.written.empty()) {
      return f;
    }
  }
  return std::nullopt;
}

std::string hover_text(const Analysis& analysis, FactIndex f) {
  const FactBase& base = analysis.base;
  const Fact& fact = base.facts[f];
  std::string text = fmt::format("**{}**: `{}`", base.ref(f), fact.value.written);
  if (!analysis.check) {
    text += fmt::format(" means {}\n\n", value_text(fact));
    text += analysis.checkable()
                ? "The check has not run yet.\n"
                : "The fact base has input errors: once they are fixed, this shows what the rest "
                  "of the fact base implies for the quantity.\n";
    return text;
  }
  const CheckResult& check = *analysis.check;
  const std::optional<VarId> var = query_var(check.graph, QueryTarget{f, std::nullopt});
  if (!var) return text + fmt::format(" means {}\n", value_text(fact));
  text +=
      fmt::format(" means {}\n\n", describe_value(base, check.graph, *var, fact.value.interval()));
  const QuantityAnswer answer =
      query_quantity(base, check.graph, check.findings, check.set_aside, *var);
  return text + fenced(render_quantity_text(base, check.graph, answer, InputText::as_is));
}

}  // namespace cc::lsp
