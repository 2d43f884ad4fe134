#include "lsp/hover.h"

#include <fmt/format.h>

#include <algorithm>

#include "explain/query.h"
#include "report/report_text.h"
#include "rules/wording.h"

namespace cc::lsp {
namespace {

// The lines `crosscheck explain` prints for a quantity (cli/explain_command.cc), as text.
class ExplainText {
 public:
  ExplainText(const FactBase& base, const FactGraph& graph) : base_(base), graph_(graph) {}

  [[nodiscard]] std::string text(const QuantityAnswer& answer) {
    out_ = describe_quantity(base_, graph_, answer.var) + "\n";
    statements(answer);
    chains(answer);
    everything(answer);
    set_aside(answer);
    return out_;
  }

 private:
  [[nodiscard]] std::string where(FactIndex f) const {
    const Fact& fact = base_.facts[f];
    return fmt::format("{}:{}:{}", base_.file_of(fact.mark), fact.mark.line, fact.mark.column);
  }

  void statements(const QuantityAnswer& answer) {
    if (answer.stated_by.empty()) {
      out_ += "  stated by: no source states it\n";
      return;
    }
    out_ += "  stated by:\n";
    for (const auto& s : answer.stated_by) {
      out_ +=
          fmt::format("    {}: {} ({}){}\n", base_.ref(s.fact), base_.facts[s.fact].value.written,
                      where(s.fact), s.set_aside ? ", set aside by a finding" : "");
    }
  }

  void chains(const QuantityAnswer& answer) {
    if (answer.chains.empty()) return;
    out_ += "  each claim that names it implies, with the other such claims left out:\n";
    for (const auto& chain : answer.chains) {
      out_ += fmt::format("    {} ({}): {}\n", base_.ref(chain.claim),
                          base_.facts[chain.claim].value.written,
                          describe_value(base_, graph_, answer.var, chain.implied.interval));
      for (const auto& step : chain.implied.steps) out_ += "      " + step + "\n";
    }
  }

  void everything(const QuantityAnswer& answer) {
    out_ += fmt::format("  everything else together (facts set aside by findings left out): {}\n",
                        describe_value(base_, graph_, answer.var, answer.everything.interval));
    for (const auto& step : answer.everything.steps) out_ += "    " + step + "\n";
  }

  void set_aside(const QuantityAnswer& answer) {
    if (answer.set_aside.empty()) return;
    out_ += "  set aside in this part of the graph, by findings:\n";
    for (const auto& s : answer.set_aside) {
      out_ +=
          fmt::format("    {} ({}): {}\n", base_.ref(s.fact), s.finding->id, s.finding->message);
    }
  }

  const FactBase& base_;
  const FactGraph& graph_;
  std::string out_;
};

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
    const Mark& mark = base.facts[f].value_mark;
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
      fmt::format(" means {}\n\n", describe_value(base, check.graph, *var, fact.value.interval));
  const QuantityAnswer answer =
      query_quantity(base, check.graph, check.findings, check.set_aside, *var);
  return text + fenced(ExplainText(base, check.graph).text(answer));
}

}  // namespace cc::lsp
