#include "solve/revisions.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

#include "solve/apart.h"

namespace cc {
namespace {

// "2019" → "2019-00-00" as the start of what it names, "2019-99-99" as its end, so that
// dates of different precision compare as the spans they name.
std::string date_edge(std::string_view date, bool end) {
  std::string out(date);
  const char* pad = end ? "-99" : "-00";
  while (out.size() < 10) out += pad;
  return out;
}

// The publisher whose release `a` traces to strictly before a release `b` traces to,
// with the two releases; nullopt when no publisher is common or the dates can overlap.
struct Revision {
  Release earlier;
  Release later;
};
std::optional<Revision> revised_by(const std::vector<Release>& a, const std::vector<Release>& b) {
  std::optional<Revision> out;
  for (const Release& ra : a) {
    for (const Release& rb : b) {
      if (ra.publisher != rb.publisher) continue;
      if (date_edge(ra.published, true) >= date_edge(rb.published, false)) continue;
      if (!out || date_edge(rb.published, false) > date_edge(out->later.published, false))
        out = Revision{ra, rb};
    }
  }
  return out;
}

}  // namespace

std::vector<MinimalConflict> set_aside_revisions(const FactBase& base, const FactGraph& graph,
                                                 const std::vector<std::vector<Release>>& releases,
                                                 const Units& units,
                                                 std::vector<FactIndex>& active) {
  const auto statement_value = [&](FactIndex f) -> const Interval* {
    const auto s = graph.statement_of_fact(f);
    return s ? &graph.value_of(graph.constraints[*s]) : nullptr;
  };
  // The statements by quantity, in fact order (a sorted array: a map's look-ups were a
  // large part of a million-fact component's solve).
  std::vector<std::pair<VarId, FactIndex>> by_var;
  for (const FactIndex f : active)
    if (const auto var = graph.var_of_fact(f); var && statement_value(f))
      by_var.emplace_back(*var, f);
  std::sort(by_var.begin(), by_var.end());
  std::map<UnitId, std::pair<FactIndex, FactIndex>> superseded;  // unit → (fact, revised by)
  std::map<UnitId, Revision> how;
  std::vector<std::size_t> apart;
  std::vector<FactIndex> statements;
  for (std::size_t b = 0; b < by_var.size();) {
    statements.clear();
    std::size_t e = b;
    for (; e < by_var.size() && by_var[e].first == by_var[b].first; ++e)
      statements.push_back(by_var[e].second);
    b = e;
    std::vector<const Interval*> values;
    values.reserve(statements.size());
    for (const FactIndex f : statements) values.push_back(statement_value(f));
    const ApartIndex index(std::move(values));
    for (const FactIndex f : statements) {
      const UnitId u = units.of(f);
      if (superseded.count(u)) continue;
      std::optional<std::pair<FactIndex, Revision>> latest;
      // The statements whose value does not overlap f's, in fact order.
      index.apart_from(*statement_value(f), apart);
      for (const std::size_t p : apart) {
        const FactIndex g = statements[p];
        const auto revision =
            revised_by(releases[base.facts[f].source], releases[base.facts[g].source]);
        if (revision && (!latest || date_edge(revision->later.published, false) >
                                        date_edge(latest->second.later.published, false)))
          latest = std::pair(g, *revision);
      }
      if (!latest) continue;
      superseded[u] = {f, latest->first};
      how.emplace(u, latest->second);
    }
  }
  std::vector<MinimalConflict> out;
  std::vector<FactIndex> aside;
  for (const auto& [u, pair] : superseded) {
    MinimalConflict conflict;
    conflict.revision = true;
    conflict.blame = pair.first;
    conflict.facts = {std::min(pair.first, pair.second), std::max(pair.first, pair.second)};
    for (const FactIndex f : units.units[u].facts) {
      aside.push_back(f);
      if (f != pair.first) conflict.restating.push_back(f);
    }
    const Revision& r = how.at(u);
    conflict.because = fmt::format(
        "'{}' reports the release of {} of {}; '{}' reports its later release of {}, which "
        "stands",
        base.ref(pair.first), r.earlier.publisher, r.earlier.published, base.ref(pair.second),
        r.later.published);
    out.push_back(std::move(conflict));
  }
  std::sort(aside.begin(), aside.end());
  std::erase_if(active,
                [&](FactIndex f) { return std::binary_search(aside.begin(), aside.end(), f); });
  return out;
}

}  // namespace cc
