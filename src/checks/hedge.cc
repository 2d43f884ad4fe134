// hedge (docs/rules/hedge.md): the two readings of one written value do not overlap, as in
// "almost half (52%)": "almost half" is 45%…50%, "52%" is 51.5%…52.5%.
#include <fmt/format.h>

#include "checks/check.h"
#include "explain/explain.h"
#include "explain/finding.h"

namespace cc {

void check_hedge(const FactBase& base, std::vector<Finding>& findings) {
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Fact& fact = base.facts[f];
    if (!fact.value.hedge_conflict || fact.value.readings.size() < 2) continue;
    const Reading& words = fact.value.readings[0];
    const Reading& figure = fact.value.readings[1];
    const bool percent =
        fact.value.percent || fact.kind == FactKind::share || fact.kind == FactKind::change;
    Finding finding;
    finding.rule = FindingRule::hedge;
    finding.facts = {f};
    finding.location = fact.value_mark();
    finding.message =
        fmt::format("the two readings of '{}' do not overlap: '{}' is {} and '{}' is {}",
                    fact.value.written, words.text, describe(words.interval, percent), figure.text,
                    describe(figure.interval, percent));
    finding.steps = {fmt::format("'{}' means {}", words.text, describe(words.interval, percent)),
                     fmt::format("'{}' means {}", figure.text, describe(figure.interval, percent)),
                     fmt::format("{} and {} do not meet; the checker uses '{}' for the arithmetic",
                                 describe(words.interval, percent),
                                 describe(figure.interval, percent), figure.text)};
    finding.gap = relative_gap(words.interval, figure.interval);
    findings.push_back(std::move(finding));
  }
}

}  // namespace cc
