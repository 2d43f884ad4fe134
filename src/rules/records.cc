// Records (FORMAT §5.5). A record claim compares its figure with the figures of the same
// measure, place and subset for earlier periods of the same length (or, with
// `same_time_of_year`, the same days of earlier years), within its scope (`since`,
// `records_began`):
// - `high` (`low`): above (below) every one of them; with `rank: N`, at most N − 1 of them
//   above (below) it, exactly N − 1 when the whole series since `records_began` is known;
//   with `since`, the figure for `since` itself at least as high (low): the bound;
// - `high` over `rise` (`fall`): its change from the previous period larger than every
//   earlier change between consecutive periods;
// - `first` over `rise` (`fall`): it rose (fell) from the previous period, and every
//   period from `since` on held or fell (rose); `since` itself rose (fell).
// Every constraint belongs to the record's fact, so setting that fact aside removes them.
#include "rules/records.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "grammar/period.h"
#include "rules/rule.h"

namespace cc {
namespace {

struct Entry {
  KeyId key = 0;
  Period period;
};
using Series = std::vector<Entry>;  // one measure, place and subset, in key order

bool same_length(const Period& a, const Period& b) {
  const auto ma = length_in_whole_months(a);
  const auto mb = length_in_whole_months(b);
  if (ma && mb) return *ma == *mb;
  return length_in_days(a) == length_in_days(b);
}

// The same day of the year: the same month and day, or both the last day of February
// (29 February of a leap year is 28 February of the other years).
bool same_day_of_year(Day a, Day b) {
  const CivilDate x = civil_from_day(a);
  const CivilDate y = civil_from_day(b);
  if (x.month != y.month) return false;
  if (x.day == y.day) return true;
  return x.month == 2 && x.day == days_in_month(x.year, 2) && y.day == days_in_month(y.year, 2);
}

// `b` is `a` a whole number of years earlier or later.
bool same_time_of_year(const Period& a, const Period& b) {
  const int first_shift = civil_from_day(a.first).year - civil_from_day(b.first).year;
  const int last_shift = civil_from_day(a.last).year - civil_from_day(b.last).year;
  return first_shift == last_shift && first_shift != 0 && same_day_of_year(a.first, b.first) &&
         same_day_of_year(a.last, b.last);
}

bool comparable(const Record& record, const Period& own, const Period& other) {
  return record.same_time_of_year ? same_time_of_year(own, other) : same_length(own, other);
}

// An earlier period inside the record's scope: it ends before the record ends, starts
// after `since` and not before records began.
bool in_scope(const Record& record, const Period& own, const Period& other) {
  if (other == own || other.last >= own.last) return false;
  if (record.since && other.first <= record.since->last) return false;
  return !record.records_began || other.first >= record.records_began->first;
}

class RecordBuilder {
 public:
  RecordBuilder(GraphBuilder& builder, FactIndex fact, const Series& series)
      : builder_(builder),
        base_(builder.base()),
        f_(fact),
        record_(base_.facts[fact].record()),
        key_(base_.facts[fact].key),
        own_(base_.keys.period(base_.keys.key(key_).period)),
        series_(series) {}

  void add() {
    if (record_.over == RecordOver::level) return add_level();
    for (const Entry& e : series_) {
      if (same_length(e.period, own_)) by_end_[e.period.last] = e.key;
    }
    if (record_.kind == RecordKind::first) return add_first();
    add_largest_change();
  }

 private:
  [[nodiscard]] VarId var(KeyId key) const { return builder_.key_var(key); }
  [[nodiscard]] bool high() const { return record_.kind == RecordKind::high; }

  void add_constraint(ConstraintKind kind, std::vector<VarId> vars, Interval value = {}) {
    Constraint c;
    c.kind = kind;
    c.vars = std::move(vars);
    c.fact = f_;
    builder_.add(std::move(c), std::move(value));
  }
  void add_less(VarId smaller, VarId larger) {
    add_constraint(ConstraintKind::less, {smaller, larger});
  }
  void add_at_most(VarId smaller, VarId larger) {  // smaller ≤ larger
    add_constraint(ConstraintKind::sum_leq, {larger, smaller});
  }

  // Levels ------------------------------------------------------------------------------

  void add_level() {
    std::vector<Entry> compared;
    for (const Entry& e : series_) {
      if (comparable(record_, own_, e.period) && in_scope(record_, own_, e.period))
        compared.push_back(e);
    }
    const VarId own = var(key_);
    const auto& above = record_.first_time_above;
    const auto& below = record_.first_time_below;
    for (const Entry& e : compared) {
      const VarId earlier = var(e.key);
      if (record_.rank == 1) high() ? add_less(earlier, own) : add_less(own, earlier);
      if (above)
        add_constraint(ConstraintKind::statement, {earlier}, Interval::below(*above, false));
      if (below)
        add_constraint(ConstraintKind::statement, {earlier}, Interval::above(*below, false));
    }
    if (above) add_constraint(ConstraintKind::statement, {own}, Interval::above(*above, true));
    if (below) add_constraint(ConstraintKind::statement, {own}, Interval::below(*below, true));
    if (record_.rank > 1) add_rank(compared);
    if (const auto bound = level_bound())
      high() ? add_at_most(own, *bound) : add_at_most(*bound, own);
  }

  void add_rank(const std::vector<Entry>& compared) {
    if (compared.empty()) return;
    Constraint c;
    c.kind = ConstraintKind::rank;
    c.vars.push_back(var(key_));
    for (const Entry& e : compared) c.vars.push_back(var(e.key));
    c.fact = f_;
    c.rank = record_.rank;
    c.rank_low = !high();
    c.rank_exact = whole_series_known(compared);
    builder_.add(std::move(c));
  }

  // Every period from records began to the record's is stated or named, end to end.
  [[nodiscard]] bool whole_series_known(std::vector<Entry> compared) const {
    if (!record_.records_began || record_.same_time_of_year) return false;
    std::sort(compared.begin(), compared.end(),
              [](const Entry& a, const Entry& b) { return a.period < b.period; });
    Day next = record_.records_began->first;
    for (const Entry& e : compared) {
      if (e.period.first != next) return false;
      next = e.period.last + 1;
    }
    return next == own_.first;
  }

  // The figure for `since` ("the highest since 2019": 2019 was at least as high), when
  // `since` holds one period of the compared kind and it is stated or named.
  [[nodiscard]] std::optional<VarId> level_bound() const {
    if (!record_.since) return std::nullopt;
    const Period& since = *record_.since;
    const bool one =
        record_.same_time_of_year ? length_in_days(since) <= 366 : same_length(since, own_);
    if (!one || since.last >= own_.first) return std::nullopt;
    for (const Entry& e : series_) {
      if (contains(since, e.period) && comparable(record_, own_, e.period)) return var(e.key);
    }
    return std::nullopt;
  }

  // Changes -----------------------------------------------------------------------------

  [[nodiscard]] std::optional<KeyId> previous(const Period& period) const {
    const auto it = by_end_.find(period.first - 1);
    if (it == by_end_.end()) return std::nullopt;
    return it->second;
  }
  [[nodiscard]] std::optional<KeyId> stated(const Period& period) const {
    const auto it = by_end_.find(period.last);
    if (it == by_end_.end() || base_.keys.period(base_.keys.key(it->second).period) != period)
      return std::nullopt;
    return it->second;
  }
  [[nodiscard]] bool fall() const { return record_.over == RecordOver::fall; }
  // It rose (fell) from `before` to `after`, as the record's direction says.
  void add_moved(VarId before, VarId after) {
    fall() ? add_less(after, before) : add_less(before, after);
  }

  // "The largest fall": d = previous − own > 0, and every earlier fall a − b < d.
  void add_largest_change() {
    const auto prev = previous(own_);
    if (!prev) return;
    const VarId own = var(key_);
    const VarId d = change_var(var(*prev), own);
    fall() ? add_constraint(ConstraintKind::sum_eq, {var(*prev), own, d})
           : add_constraint(ConstraintKind::sum_eq, {own, var(*prev), d});
    add_moved(var(*prev), own);
    for (const auto& [last, key] : by_end_) {
      const Period& period = base_.keys.period(base_.keys.key(key).period);
      const auto before = previous(period);
      if (!before || !in_scope(record_, own_, period)) continue;
      const Period& start = base_.keys.period(base_.keys.key(*before).period);
      if (record_.records_began && start.first < record_.records_began->first) continue;
      const VarId a = var(*before);
      const VarId b = var(key);
      fall() ? add_less(a, builder_.sum_var({b, d}, std::nullopt))
             : add_less(b, builder_.sum_var({a, d}, std::nullopt));
    }
    add_change_bound(d);
  }

  // The change of the record, named "the fall from … to …" in explanations.
  VarId change_var(VarId before, VarId after) {
    const VarId d = builder_.anonymous_var();
    Variable& v = builder_.graph().vars[d];
    v.operands = {before, after};
    v.defined_by = f_;
    v.integer = base_.is_count(key_);
    return d;
  }

  // "The largest fall since 2019": 2019's fall was at least as large.
  void add_change_bound(VarId d) {
    if (!record_.since || !same_length(*record_.since, own_)) return;
    const auto s0 = stated(*record_.since);
    const auto p0 = s0 ? previous(*record_.since) : std::nullopt;
    if (!p0 || record_.since->last >= own_.first) return;
    fall() ? add_constraint(ConstraintKind::sum_leq, {var(*p0), var(*s0), d})
           : add_constraint(ConstraintKind::sum_leq, {var(*s0), var(*p0), d});
  }

  // "The first fall since 2018": it fell from the previous period; from 2018 on, every
  // period held or rose (a chain over the periods stated or named); 2018 itself fell.
  void add_first() {
    if (const auto prev = previous(own_)) add_moved(var(*prev), var(key_));
    const auto& since = record_.since;
    const bool bounded = since && same_length(*since, own_) && since->last < own_.first;
    std::optional<VarId> last;
    for (const auto& [end, key] : by_end_) {
      const Period& period = base_.keys.period(base_.keys.key(key).period);
      if (period.last >= own_.first) break;
      if (since && (bounded ? period.first < since->first : period.first <= since->last)) continue;
      if (record_.records_began && period.first < record_.records_began->first) continue;
      // held or went the other way: a fall's chain never falls, a rise's never rises
      if (last) fall() ? add_at_most(*last, var(key)) : add_at_most(var(key), *last);
      last = var(key);
    }
    if (!bounded) return;
    const auto s0 = stated(*since);
    const auto p0 = s0 ? previous(*since) : std::nullopt;
    if (p0) add_moved(var(*p0), var(*s0));
  }

  GraphBuilder& builder_;
  const FactBase& base_;
  FactIndex f_;
  const Record& record_;
  KeyId key_;
  Period own_;
  const Series& series_;
  std::map<Day, KeyId> by_end_;  // same length as the record's period, by last day
};

std::string ordinal(unsigned n) {
  static constexpr std::array<std::string_view, 11> words = {"",       "first", "second", "third",
                                                             "fourth", "fifth", "sixth",  "seventh",
                                                             "eighth", "ninth", "tenth"};
  if (n < words.size()) return std::string(words[n]);
  return fmt::format("{}th", n);
}

std::string record_scope_words(const FactBase& base, const Record& record) {
  const MonthDay fiscal = base.vocabulary.fiscal_year_start;
  std::string out;
  if (record.since) out += " since " + period_name(*record.since, fiscal);
  if (record.records_began)
    out += " since records began in " + period_name(*record.records_began, fiscal);
  if (record.same_time_of_year) out += " for the time of year";
  return out;
}

}  // namespace

std::string record_claim_words(const FactBase& base, const Record& record) {
  const std::string scope = record_scope_words(base, record);
  const bool high = record.kind == RecordKind::high;
  const std::string_view change = record.over == RecordOver::fall ? "fall" : "rise";
  if (record.kind == RecordKind::first)
    return fmt::format("the first {}{}", change, scope.empty() ? " on record" : scope);
  if (record.over != RecordOver::level) return fmt::format("the largest {}{}", change, scope);
  if (record.rank > 1) {
    return fmt::format("the {}-{}{}", ordinal(record.rank), high ? "highest" : "lowest",
                       scope.empty() ? " on record" : scope);
  }
  return fmt::format("a record {}{}", high ? "high" : "low", scope);
}

void add_records_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  bool any = false;
  for (const Fact& fact : base.facts) any = any || fact.record().kind != RecordKind::none;
  if (!any) return;
  std::map<std::tuple<MeasureId, PlaceId, SubsetId>, Series> series;
  for (KeyId k = 0; k < base.keys.key_count(); ++k) {
    const Key& key = base.keys.key(k);
    series[{key.measure, key.place, key.subset}].push_back({k, base.keys.period(key.period)});
  }
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Fact& fact = base.facts[f];
    if (fact.kind != FactKind::figure || fact.record().kind == RecordKind::none) continue;
    const Key& key = base.keys.key(fact.key);
    RecordBuilder(builder, f, series[{key.measure, key.place, key.subset}]).add();
  }
}

std::string records_reason(const FactBase& base, const FactGraph&, const Constraint& c) {
  if (!c.fact) return {};
  const Fact& fact = base.facts[*c.fact];
  const Record& record = fact.record();
  if (c.kind == ConstraintKind::statement) {
    if (record.first_time_above) {
      return fmt::format("'{}' claims it is the first time above {}", base.ref(*c.fact),
                         format_number(*record.first_time_above));
    }
    if (record.first_time_below) {
      return fmt::format("'{}' claims it is the first time below {}", base.ref(*c.fact),
                         format_number(*record.first_time_below));
    }
  }
  return fmt::format("'{}' claims {}", base.ref(*c.fact), record_claim_words(base, record));
}

}  // namespace cc
