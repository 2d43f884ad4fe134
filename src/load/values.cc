#include "load/values.h"

#include "load/key_reader.h"
#include "load/parallel.h"

namespace cc::load {
namespace {

[[nodiscard]] ValueRole role_of(FactKind kind) {
  switch (kind) {
    case FactKind::figure:
      return ValueRole::figure;
    case FactKind::change:
      return ValueRole::change;
    case FactKind::share:
      return ValueRole::share;
    case FactKind::ratio:
      return ValueRole::ratio;
    case FactKind::rate:
      return ValueRole::rate;
    case FactKind::interval:
      return ValueRole::interval;
    case FactKind::total:
      return ValueRole::total;
  }
  return ValueRole::figure;
}

void parse_file_values(const RawFile& file, const Source& source, const std::vector<bool>& counts,
                       FactBase& base, Diagnostics& diagnostics) {
  for (std::size_t i = 0; i < file.facts.size() && i < source.facts.size(); ++i) {
    const auto& written = file.facts[i].value;
    if (!written) continue;
    Fact& fact = base.facts[source.facts[i]];
    const ValueResult result = parse_value(written->text, value_context(base, fact, counts[source.facts[i]]));
    if (const auto* value = std::get_if<Value>(&result)) {
      fact.value = *value;
      continue;
    }
    const auto& error = std::get<ValueError>(result);
    const Pos pos = point_into(written->pos, written->quoted, written->verbatim, written->text, error.offset);
    diagnostics.error(file.display, pos.line, pos.column, error.message, "value");
  }
}

}  // namespace

ValueContext value_context(const FactBase& base, const Fact& fact, bool count) {
  ValueContext context;
  context.role = role_of(fact.kind);
  context.count = count;
  context.fall = fact.kind == FactKind::change && fact.direction == Direction::fall;
  context.vague = base.vocabulary.tolerances.vague;
  context.exact = fact.exact;
  context.precision = fact.precision;
  return context;
}

void parse_values(const std::vector<RawFile>& files, const std::vector<bool>& counts, FactBase& base,
                  Diagnostics& diagnostics, unsigned threads) {
  std::vector<Diagnostics> found(files.size());
  parallel_for(files.size(), threads, [&](std::size_t f) {
    try {
      parse_file_values(files[f], base.sources[f], counts, base, found[f]);
    } catch (const std::exception& e) {
      found[f].error(files[f].display, 0, 0, std::string("cannot read the values: ") + e.what(), "value");
    }
  });
  for (const Diagnostics& d : found) diagnostics.append(d);
}

}  // namespace cc::load
