#include "model/fact.h"

#include <fmt/format.h>

namespace cc {

bool same_record_claim(const Record& a, const Record& b) {
  return a.kind == b.kind && a.over == b.over && a.rank == b.rank && a.since == b.since &&
         a.records_began == b.records_began && a.same_time_of_year == b.same_time_of_year &&
         a.first_time_above == b.first_time_above && a.first_time_below == b.first_time_below;
}

std::string_view fact_kind_name(FactKind kind) {
  switch (kind) {
    case FactKind::figure:
      return "figure";
    case FactKind::change:
      return "change";
    case FactKind::share:
      return "share";
    case FactKind::ratio:
      return "ratio";
    case FactKind::rate:
      return "rate";
    case FactKind::interval:
      return "interval";
    case FactKind::total:
      return "total";
    case FactKind::difference:
      return "difference";
  }
  return "figure";
}

std::string_view time_unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::second:
      return "second";
    case TimeUnit::minute:
      return "minute";
    case TimeUnit::hour:
      return "hour";
    case TimeUnit::day:
      return "day";
    case TimeUnit::week:
      return "week";
    case TimeUnit::month:
      return "month";
    case TimeUnit::year:
      return "year";
  }
  return "day";
}

std::string FactBase::ref(FactIndex fact) const {
  return sources[facts[fact].source].id + "/" + facts[fact].id;
}

void FactBase::index() {
  ref_index_.clear();
  source_index_.clear();
  for (SourceIndex s = 0; s < sources.size(); ++s) source_index_.emplace(sources[s].id, s);
  for (FactIndex f = 0; f < facts.size(); ++f) ref_index_.emplace(ref(f), f);
}

std::optional<FactIndex> FactBase::find_fact(std::string_view ref_text) const {
  const auto it = ref_index_.find(std::string(ref_text));
  if (it == ref_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<SourceIndex> FactBase::find_source(std::string_view id) const {
  const auto it = source_index_.find(std::string(id));
  if (it == source_index_.end()) return std::nullopt;
  return it->second;
}

const Measure& FactBase::measure_of(KeyId key) const {
  return vocabulary.measures[keys.key(key).measure];
}

}  // namespace cc
