// The lines `crosscheck explain` prints for a quantity, shared with the editor's hover.
#include "report/explain_text.h"

#include <fmt/format.h>

#include "explain/explain.h"  // describe_quantity, describe_value
#include "model/terminal_text.h"

namespace cc {
namespace {

class QuantityText {
 public:
  QuantityText(const FactBase& base, const FactGraph& graph, InputText input)
      : base_(base), graph_(graph), input_(input) {}

  [[nodiscard]] std::string text(const QuantityAnswer& answer) {
    out_ = safe(describe_quantity(base_, graph_, answer.var)) + "\n";
    statements(answer);
    chains(answer);
    everything(answer);
    set_aside(answer);
    return out_;
  }

 private:
  [[nodiscard]] std::string safe(std::string_view text) const {
    return input_ == InputText::terminal_safe ? terminal_safe(text) : std::string(text);
  }

  [[nodiscard]] std::string where(FactIndex f) const {
    const Fact& fact = base_.facts[f];
    return fmt::format("{}:{}:{}", safe(base_.file_of(fact.mark)), fact.mark.line,
                       fact.mark.column);
  }

  void statements(const QuantityAnswer& answer) {
    if (answer.stated_by.empty()) {
      out_ += "  stated by: no source states it\n";
      return;
    }
    out_ += "  stated by:\n";
    for (const auto& s : answer.stated_by) {
      out_ += fmt::format("    {}: {} ({}){}\n", base_.ref(s.fact),
                          safe(base_.facts[s.fact].value.written), where(s.fact),
                          s.set_aside ? ", set aside by a finding" : "");
    }
  }

  void chains(const QuantityAnswer& answer) {
    if (answer.chains.empty()) return;
    out_ += "  each claim that names it implies, with the other such claims left out:\n";
    for (const auto& chain : answer.chains) {
      out_ += fmt::format("    {} ({}): {}\n", base_.ref(chain.claim),
                          safe(base_.facts[chain.claim].value.written),
                          safe(describe_value(base_, graph_, answer.var, chain.implied.interval)));
      for (const auto& step : chain.implied.steps) out_ += "      " + safe(step) + "\n";
    }
  }

  void everything(const QuantityAnswer& answer) {
    out_ +=
        fmt::format("  everything else together (facts set aside by findings left out): {}\n",
                    safe(describe_value(base_, graph_, answer.var, answer.everything.interval)));
    for (const auto& step : answer.everything.steps) out_ += "    " + safe(step) + "\n";
  }

  void set_aside(const QuantityAnswer& answer) {
    if (answer.set_aside.empty()) return;
    out_ += "  set aside in this part of the graph, by findings:\n";
    for (const auto& s : answer.set_aside) {
      out_ += fmt::format("    {} ({}): {}\n", base_.ref(s.fact), s.finding->id,
                          safe(s.finding->message));
    }
  }

  const FactBase& base_;
  const FactGraph& graph_;
  InputText input_;
  std::string out_;
};

}  // namespace

std::string render_quantity_text(const FactBase& base, const FactGraph& graph,
                                 const QuantityAnswer& answer, InputText input) {
  return QuantityText(base, graph, input).text(answer);
}

}  // namespace cc
