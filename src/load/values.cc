#include "load/values.h"

#include <fmt/format.h>

#include "grammar/value.h"
#include "load/key_reader.h"

namespace cc::load {
namespace {

// The value, or nullopt with the error reported at the part not understood.
[[nodiscard]] std::optional<Value> parse(const ScalarText& written, const ValueContext& context,
                                         const std::string& file, Diagnostics& diagnostics) {
  ValueResult result = parse_value(written.text, context);
  if (auto* value = std::get_if<Value>(&result)) return std::move(*value);
  const auto& error = std::get<ValueError>(result);
  if (diagnostics.size() >= kMaxErrorsPerFile) return std::nullopt;
  const Pos pos =
      point_into(written.pos, written.quoted, written.verbatim, written.text, error.offset);
  diagnostics.error(file, pos.line, pos.column, error.message, "value");
  return std::nullopt;
}

// The measure of a figure: its own, else the defaults'.
[[nodiscard]] const Measure* figure_measure(const RawFact& fact, const RawFile& file,
                                            const Vocabulary& vocabulary) {
  const Slot<MeasureId>& measure =
      fact.key.measure.absent() ? file.defaults.measure : fact.key.measure;
  return measure.ok() ? &vocabulary.measures[measure.value] : nullptr;
}

// A count takes whole numbers only: a figure of one whose value holds none ("1,234.5"
// GWh with GWh declared a count) is an input error, not a finding.
void check_whole(const Value& value, const Measure& measure, const ScalarText& written,
                 const std::string& file, Diagnostics& diagnostics) {
  if (!value.interval.integers().is_empty()) return;
  const Pos pos = point_into(written.pos, written.quoted, written.verbatim, written.text, 0);
  diagnostics.error(
      file, pos.line, pos.column,
      fmt::format("'{}' ({}) holds no whole number, but '{}' counts {} in whole numbers; write "
                  "'count: false' on the measure if it is not counted that way",
                  value.written, describe(value.interval), measure.id, measure.unit),
      "value");
}

// A total's or a difference's value is read as a count when what it relates are counts,
// which only the references tell.
[[nodiscard]] bool waits_for_operands(const RawFact& fact) {
  return fact.kind == FactKind::total || fact.kind == FactKind::difference;
}

// A RawFact's or a Fact's: the fields it reads have the same names in both. A Fact does not
// keep its precision: the links of a total or difference do.
template <typename AnyFact>
[[nodiscard]] ValueContext context_of(const AnyFact& fact, const std::optional<Rational>& precision,
                                      bool count, const Rational& vague) {
  ValueContext context;
  context.role = fact.kind;
  context.count = count;
  context.fall = (fact.kind == FactKind::change || fact.kind == FactKind::difference) &&
                 fact.direction == Direction::fall;
  context.vague = vague;
  context.exact = fact.exact;
  context.precision = precision;
  return context;
}

}  // namespace

ValueContext value_context(const RawFact& fact, bool count, const Rational& vague) {
  return context_of(fact, fact.precision, count, vague);
}

void parse_file_values(RawFile& file, const Vocabulary& vocabulary, bool vocabulary_usable) {
  for (RawFact& fact : file.facts) {
    if (!fact.value || waits_for_operands(fact)) continue;
    const Measure* measure = vocabulary_usable && fact.kind == FactKind::figure
                                 ? figure_measure(fact, file, vocabulary)
                                 : nullptr;
    const bool count = measure && measure->count;
    // A measure's own `vague` (FORMAT §8) for the facts whose key or defaults name it.
    const Measure* named = vocabulary_usable ? figure_measure(fact, file, vocabulary) : nullptr;
    const Rational& vague = named && named->vague ? *named->vague : vocabulary.tolerances.vague;
    fact.parsed =
        parse(*fact.value, value_context(fact, count, vague), file.display, file.diagnostics);
    if (count && fact.parsed && !fact.parsed->hedge_conflict) {
      check_whole(*fact.parsed, *measure, *fact.value, file.display, file.diagnostics);
    }
  }
}

void parse_total_values(const std::vector<RawFile>& files, const std::vector<bool>& counts,
                        FactBase& base, Diagnostics& diagnostics) {
  for (std::size_t f = 0; f < files.size(); ++f) {
    const RawFile& file = files[f];
    const Source& source = base.sources[f];
    for (std::size_t i = 0; i < file.links.size() && i < source.facts.size(); ++i) {
      const FactLinks& raw = file.links[i];
      if (!raw.value) continue;  // kept for totals and differences only
      const FactIndex index = source.facts[i];
      const auto context = context_of(base.facts[index], raw.value->precision, counts[index],
                                      base.vocabulary.tolerances.vague);
      if (auto value = parse(raw.value->text, context, file.display, diagnostics)) {
        // Viewing the text the fact keeps (build_facts), not the links' (freed).
        const std::string_view kept = base.facts[index].value.written;
        value->written = same_part(value->written, raw.value->text.text, kept);
        base.facts[index].value = FactValue(std::move(*value), *base.intervals);
      }
    }
  }
}

}  // namespace cc::load
