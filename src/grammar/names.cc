#include "grammar/names.h"

#include <fmt/format.h>

#include "grammar/period.h"

namespace cc {

std::string period_name(const FactBase& base, PeriodId period) {
  return period_name(base.keys.period(period), base.vocabulary.fiscal_year_start);
}

std::string describe_key(const FactBase& base, KeyId key) {
  const Key& k = base.keys.key(key);
  std::string out = fmt::format("{} · {} · {}", base.vocabulary.measures[k.measure].id,
                                base.vocabulary.places[k.place].name, period_name(base, k.period));
  for (const SubsetItem& item : base.keys.subset(k.subset)) {
    out += fmt::format(" · {}: {}", base.vocabulary.dimensions[item.dimension].name,
                       base.keys.value_name(item.value));
  }
  return out;
}

}  // namespace cc
