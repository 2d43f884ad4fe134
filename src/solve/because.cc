#include "solve/because.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace cc {
namespace {

// Relative width of a statement: 0 for a point, unbounded (nullopt) for a one-sided hedge.
std::optional<Rational> relative_width(const Interval& i) {
  if (!i.lo() || !i.hi()) return std::nullopt;
  const Rational width = i.hi()->value - i.lo()->value;
  const Rational scale = std::max(abs(i.hi()->value), abs(i.lo()->value));
  if (scale == 0) return Rational(0);
  return width / scale;
}

// "1 other statement: 'a/b'", "2 other statements: …": the units named by their first fact.
std::string statements(const FactBase& base, const Units& units, const std::vector<UnitId>& set) {
  std::string out =
      set.size() == 1 ? "1 other statement" : fmt::format("{} other statements", set.size());
  out += ": ";
  for (std::size_t i = 0; i < set.size(); ++i) {
    if (i > 0) out += ", ";
    out += "'" + base.ref(units.units[set[i]].facts.front()) + "'";
  }
  return out;
}

}  // namespace

std::optional<Rational> written_width(const FactBase& base, const FactGraph& graph, FactIndex f) {
  if (!graph.statement_of_fact(f)) return Rational(0);
  return relative_width(base.facts[f].value.interval());
}

bool less_precise(const FactBase& base, const FactGraph& graph, FactIndex a, FactIndex b) {
  const auto wa = written_width(base, graph, a);
  const auto wb = written_width(base, graph, b);
  if (wa == wb) return false;
  if (!wa) return true;
  if (!wb) return false;
  return *wa > *wb;
}

std::string because(const FactBase& base, const FactGraph& graph, const Units& units, UnitId u,
                    const std::vector<UnitId>& doubted,
                    const std::optional<Alternative>& alternative) {
  if (!alternative) return "no other statement can be doubted in its place";
  const std::vector<UnitId>& kept = alternative->units;
  std::vector<UnitId> instead;  // doubted when it is kept, and not now
  std::set_difference(kept.begin(), kept.end(), doubted.begin(), doubted.end(),
                      std::back_inserter(instead));
  std::vector<UnitId> spared;  // doubted now, and not when it is kept (it among them)
  std::set_difference(doubted.begin(), doubted.end(), kept.begin(), kept.end(),
                      std::back_inserter(spared));
  DoubtCost now;
  DoubtCost then;
  for (const UnitId v : spared) now += units.units[v].cost;
  for (const UnitId v : instead) then += units.units[v].cost;
  std::string keeping = instead.empty()
                            ? std::string("keeping it changes nothing else")
                            : "keeping it would mean doubting " + statements(base, units, instead);
  std::vector<UnitId> also;  // doubted now, and cleared too when it is kept
  std::copy_if(spared.begin(), spared.end(), std::back_inserter(also),
               [&](UnitId v) { return v != u; });
  if (!also.empty()) {
    std::string cleared;
    for (const UnitId v : also)
      cleared += (cleared.empty() ? "'" : ", '") + base.ref(units.units[v].facts.front()) + "'";
    keeping += ", which would clear " + cleared + " too";
  }
  if (now.witnesses < then.witnesses)
    return fmt::format("setting it aside makes the rest agree; {}", keeping);
  if (now.precision < then.precision) {
    if (units.units[u].record_in_play)
      return fmt::format(
          "the evidence is even ({}); its record claim, a comparison with every other "
          "period, is less precise than a figure",
          keeping);
    return fmt::format("the evidence is even ({}); it is the less precise statement", keeping);
  }
  if (then < now || now < then)
    return fmt::format(
        "the evidence is even ({}); it lies farther from the other statements of its "
        "quantity",
        keeping);
  const bool wider = std::all_of(instead.begin(), instead.end(), [&](UnitId v) {
    return less_precise(base, graph, units.units[u].facts.front(), units.units[v].facts.front());
  });
  if (wider && !instead.empty())
    return fmt::format("the evidence is even ({}); it is the less precise statement as written",
                       keeping);
  return fmt::format(
      "nothing in the fact base decides ({}); it is doubted by the fixed order: a record "
      "claim, then the newer source, then the later fact",
      keeping);
}

}  // namespace cc
