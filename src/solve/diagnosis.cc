#include "solve/diagnosis.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "solve/apart.h"
#include "solve/conflicts.h"

namespace cc {
namespace {

const Interval& statement_value(const FactGraph& graph, FactIndex fact) {
  static const Interval everything;
  const auto statement = graph.statement_of_fact(fact);
  return statement ? graph.value_of(graph.constraints[*statement]) : everything;
}

// 2 for a point, 1 for a range, 0 for a one-sided bound.
std::uint64_t precision_of(const Interval& value) {
  if (!value.is_bounded()) return 0;
  return value.is_point() ? 2 : 1;
}

// How far apart two intervals lie, relative to the nearer ends' size (0 when they meet).
double relative_distance(const Interval& a, const Interval& b) {
  if (a.overlaps(b)) return 0;
  const bool a_below = a.hi() && b.lo() && a.hi()->value <= b.lo()->value;
  const Rational& low = a_below ? a.hi()->value : b.hi()->value;
  const Rational& high = a_below ? b.lo()->value : a.lo()->value;
  const double scale = std::max(std::abs(to_double(low)), std::abs(to_double(high)));
  return scale == 0 ? 0 : to_double(high - low) / scale;
}

// Two facts say the same beyond their value: the same record claim, if any ("2,107, a record
// high" is not a copy of a plain 2,107).
bool same_claims(const Fact& a, const Fact& b) {
  return same_record_claim(a.record(), b.record());
}

struct Statement {
  FactIndex fact;
  std::optional<VarId> var;
  std::uint32_t witness;
  const Interval* value;
};

}  // namespace

DoubtCost& DoubtCost::operator+=(const DoubtCost& other) {
  witnesses += other.witnesses;
  precision += other.precision;
  disagreement += other.disagreement;
  return *this;
}

bool operator<(const DoubtCost& a, const DoubtCost& b) {
  if (a.witnesses != b.witnesses) return a.witnesses < b.witnesses;
  if (a.precision != b.precision) return a.precision < b.precision;
  return a.disagreement > b.disagreement;
}

UnitId Units::of(FactIndex fact) const {
  const auto it = std::lower_bound(unit_of.begin(), unit_of.end(), std::pair(fact, UnitId{0}));
  return it->second;
}

Units make_units(const FactBase& base, const FactGraph& graph, const std::vector<FactIndex>& facts,
                 const std::vector<std::uint32_t>& witness_of_source) {
  std::vector<Statement> statements;
  statements.reserve(facts.size());
  for (const FactIndex f : facts) {
    statements.push_back({f, graph.var_of_fact(f), witness_of_source[base.facts[f].source],
                          &statement_value(graph, f)});
  }
  // By quantity, in statement order: `by_var` holds the statements that have one, sorted
  // by quantity; `quantity_of` gives each statement its quantity's range there, with an
  // index of its values (the statements one disagrees with, without comparing every
  // pair). `by_witness` is sorted by quantity and witness, `witness_range` each statement's
  // range there (where a copy is looked for). Sorted arrays, not maps: a component of a
  // million facts made these look-ups the largest part of its solve.
  struct Range {
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<std::size_t> by_var;
  for (std::size_t i = 0; i < statements.size(); ++i)
    if (statements[i].var) by_var.push_back(i);
  std::stable_sort(by_var.begin(), by_var.end(), [&](std::size_t a, std::size_t b) {
    return *statements[a].var < *statements[b].var;
  });
  std::vector<std::size_t> by_witness = by_var;
  std::stable_sort(by_witness.begin(), by_witness.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(*statements[a].var, statements[a].witness) <
           std::pair(*statements[b].var, statements[b].witness);
  });
  std::vector<std::uint32_t> quantity_of(statements.size(), 0);
  std::vector<Range> quantities;
  std::vector<ApartIndex> indexes;
  for (std::size_t b = 0; b < by_var.size();) {
    std::size_t e = b;
    std::vector<const Interval*> values;
    while (e < by_var.size() && *statements[by_var[e]].var == *statements[by_var[b]].var) {
      values.push_back(statements[by_var[e]].value);
      quantity_of[by_var[e]] = static_cast<std::uint32_t>(quantities.size());
      ++e;
    }
    quantities.push_back({b, e});
    indexes.emplace_back(std::move(values));
    b = e;
  }
  std::vector<Range> witness_range(statements.size());
  for (std::size_t b = 0; b < by_witness.size();) {
    const Statement& first = statements[by_witness[b]];
    std::size_t e = b;
    while (e < by_witness.size() && *statements[by_witness[e]].var == *first.var &&
           statements[by_witness[e]].witness == first.witness)
      ++e;
    for (std::size_t k = b; k < e; ++k) witness_range[by_witness[k]] = {b, e};
    b = e;
  }
  std::vector<std::size_t> apart;
  Units out;
  // At most a unit a statement: reserved, the units of a large component are not copied
  // to a larger array with the old one still held (nor held at up to twice their size).
  out.units.reserve(statements.size());
  out.unit_of.reserve(statements.size());
  std::vector<UnitId> unit_of_statement(statements.size(), 0);
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& s = statements[i];
    // A copy: an earlier statement of the same quantity by the same witness with the same
    // value (a headline repeating its body). Statements that merely agree are not copies:
    // "at least 201" beside "more than 201" may be right where the other is wrong.
    std::optional<UnitId> copy;
    if (s.var) {
      for (std::size_t k = witness_range[i].begin; k < witness_range[i].end; ++k) {
        const std::size_t j = by_witness[k];
        if (j >= i) break;
        if (*statements[j].value == *s.value &&
            same_claims(base.facts[statements[j].fact], base.facts[s.fact])) {
          copy = unit_of_statement[j];
          break;
        }
      }
    }
    if (copy) {
      unit_of_statement[i] = *copy;
      out.units[*copy].facts.push_back(s.fact);
      continue;
    }
    DoubtUnit unit;
    unit.facts = {s.fact};
    unit.cost.precision = precision_of(*s.value);
    // One witness a unit. An independent statement that agrees with it is a unit of its
    // own, in the same conflicts, so a diagnosis that doubts one must doubt the other
    // too: support counts through the conflicts, and a vague statement that agrees with
    // both sides (and so is in neither's conflicts) supports neither.
    unit.cost.witnesses = 1;
    if (s.var) {
      // In the order of the quantity's statements, as a walk over all of them would add.
      const std::uint32_t q = quantity_of[i];
      indexes[q].apart_from(*s.value, apart);
      for (const std::size_t p : apart) {
        const Statement& other = statements[by_var[quantities[q].begin + p]];
        if (other.witness != s.witness)
          unit.cost.disagreement += relative_distance(*s.value, *other.value);
      }
    }
    unit_of_statement[i] = static_cast<UnitId>(out.units.size());
    out.units.push_back(std::move(unit));
  }
  for (std::size_t i = 0; i < statements.size(); ++i)
    out.unit_of.emplace_back(statements[i].fact, unit_of_statement[i]);
  std::sort(out.unit_of.begin(), out.unit_of.end());
  for (DoubtUnit& unit : out.units) std::sort(unit.facts.begin(), unit.facts.end());
  // Rank: the blame order of the units' first facts (most to blame first).
  std::vector<UnitId> order(out.units.size());
  std::iota(order.begin(), order.end(), UnitId{0});
  std::vector<BlameKey> keys;
  keys.reserve(out.units.size());
  for (const DoubtUnit& unit : out.units) keys.push_back(blame_key(base, graph, unit.facts[0]));
  std::sort(order.begin(), order.end(),
            [&](UnitId a, UnitId b) { return more_to_blame(keys[a], keys[b]); });
  for (std::uint32_t r = 0; r < order.size(); ++r) out.units[order[r]].rank = r;
  return out;
}

namespace {

// Branch and bound over one group of conflicts: always branch on the conflict not yet
// hit with the fewest units left to choose; a unit passed over in one branch is not
// chosen in the branches after it, so each set is met once.
class Search {
 public:
  Search(const Units& units, const std::vector<std::vector<UnitId>>& conflicts, std::size_t budget)
      : units_(units),
        conflicts_(conflicts),
        budget_(budget),
        chosen_(units.units.size(), 0),
        forbidden_(units.units.size(), 0),
        marked_(units.units.size(), 0),
        by_size_(conflicts.size()) {
    std::iota(by_size_.begin(), by_size_.end(), std::size_t{0});
    std::stable_sort(by_size_.begin(), by_size_.end(), [&](std::size_t a, std::size_t b) {
      return conflicts_[a].size() < conflicts_[b].size();
    });
  }

  void forbid(UnitId u) { forbidden_[u] = 1; }

  // The least-cost hitting set, or nullopt when the budget ran out or there is none.
  std::optional<std::vector<UnitId>> run() {
    dfs();
    if (aborted_ || !found_) return std::nullopt;
    return best_;
  }
  [[nodiscard]] bool aborted() const { return aborted_; }

 private:
  [[nodiscard]] bool hit(const std::vector<UnitId>& conflict) const {
    return std::any_of(conflict.begin(), conflict.end(), [&](UnitId u) { return chosen_[u]; });
  }

  // The conflict not yet hit with the fewest units left (the first such); nullopt when
  // all are hit; `dead` when one can no longer be hit. `more`: what the units still to
  // choose add at least (below), in witnesses and, at that many, in precision.
  std::optional<std::size_t> next_conflict(bool& dead, DoubtCost& more) {
    std::optional<std::size_t> pick;
    std::size_t fewest = 0;
    more = DoubtCost{};
    for (const std::size_t k : by_size_) {
      if (hit(conflicts_[k])) continue;
      std::size_t left = 0;
      bool disjoint = true;
      DoubtCost least;
      for (const UnitId u : conflicts_[k]) {
        if (forbidden_[u]) continue;
        const DoubtCost& c = units_.units[u].cost;
        if (left == 0 || c.witnesses < least.witnesses ||
            (c.witnesses == least.witnesses && c.precision < least.precision)) {
          least.witnesses = c.witnesses;
          least.precision = c.precision;
        }
        ++left;
        if (marked_[u]) disjoint = false;
      }
      if (left == 0) {
        dead = true;
        break;
      }
      // Conflicts not yet hit that share no unit left each need a unit of their own: at
      // least their cheapest unit's witnesses and, among those of that many, the least
      // precision. Taken smallest first, each one sharing no unit with those taken before.
      if (disjoint) {
        more.witnesses += least.witnesses;
        more.precision += least.precision;
        for (const UnitId u : conflicts_[k]) {
          if (forbidden_[u] || marked_[u]) continue;
          marked_[u] = 1;
          marks_.push_back(u);
        }
      }
      if (!pick || left < fewest || (left == fewest && k < *pick)) {
        pick = k;
        fewest = left;
      }
    }
    for (const UnitId u : marks_) marked_[u] = 0;
    marks_.clear();
    if (dead) return std::nullopt;
    return pick;
  }

  // Can no set below this node, at least `more` dearer, replace the best (only a cheaper
  // set does)? Costs compare by witnesses, then precision: past the best one's witnesses,
  // none can; at exactly them, each disjoint conflict takes a unit of its least witnesses
  // and whatever else is taken adds no witness (and no less than no precision), so past its
  // precision none can either. (More disagreement is cheaper, and every unit adds some: no
  // bound there.)
  [[nodiscard]] bool beyond_best(const DoubtCost& more) const {
    if (!found_) return false;
    const std::uint64_t witnesses = cost_.witnesses + more.witnesses;
    if (witnesses != best_cost_.witnesses) return witnesses > best_cost_.witnesses;
    return cost_.precision + more.precision > best_cost_.precision;
  }

  void dfs() {
    if (aborted_ || ++nodes_ > budget_) {
      aborted_ = true;
      return;
    }
    bool dead = false;
    DoubtCost more;
    const auto k = next_conflict(dead, more);
    if (dead) return;
    // The sets found, and the one kept, are those of the search without this bound, at
    // fewer nodes.
    if (beyond_best(more)) return;
    if (!k) {
      if (!found_ || cost_ < best_cost_) {
        found_ = true;
        best_cost_ = cost_;
        best_.clear();
        for (UnitId u = 0; u < chosen_.size(); ++u)
          if (chosen_[u]) best_.push_back(u);
      }
      return;
    }
    std::vector<UnitId> options;
    for (const UnitId u : conflicts_[*k])
      if (!forbidden_[u]) options.push_back(u);
    std::sort(options.begin(), options.end(), [&](UnitId a, UnitId b) {
      const DoubtCost& ca = units_.units[a].cost;
      const DoubtCost& cb = units_.units[b].cost;
      if (ca < cb || cb < ca) return ca < cb;
      return units_.units[a].rank < units_.units[b].rank;
    });
    std::vector<UnitId> passed;
    for (const UnitId u : options) {
      const DoubtCost with = cost_ + units_.units[u].cost;
      if (!found_ || with < best_cost_) {
        const DoubtCost saved = cost_;
        chosen_[u] = 1;
        cost_ = with;
        dfs();
        chosen_[u] = 0;
        cost_ = saved;
      }
      forbidden_[u] = 1;
      passed.push_back(u);
    }
    for (const UnitId u : passed) forbidden_[u] = 0;
  }

  const Units& units_;
  const std::vector<std::vector<UnitId>>& conflicts_;
  std::size_t budget_;
  std::vector<char> chosen_;
  std::vector<char> forbidden_;
  std::vector<char> marked_;  // next_conflict's scratch: units of the disjoint conflicts
  std::vector<UnitId> marks_;
  std::vector<std::size_t> by_size_;  // the conflicts, fewest units first
  DoubtCost cost_;
  DoubtCost best_cost_;
  std::vector<UnitId> best_;
  bool found_ = false;
  bool aborted_ = false;
  std::size_t nodes_ = 0;
};

// The greedy order: the unit that hits the most conflicts not yet hit, the cheaper and
// then the more to blame first; then units no longer needed are dropped, costliest first.
std::vector<UnitId> greedy(const Units& units, const std::vector<std::vector<UnitId>>& conflicts,
                           const std::vector<UnitId>& excluded) {
  std::set<UnitId> chosen;
  const auto is_hit = [&](const std::vector<UnitId>& c) {
    return std::any_of(c.begin(), c.end(), [&](UnitId u) { return chosen.count(u) > 0; });
  };
  const auto better = [&](UnitId a, std::size_t hits_a, UnitId b, std::size_t hits_b) {
    if (hits_a != hits_b) return hits_a > hits_b;
    const DoubtCost& ca = units.units[a].cost;
    const DoubtCost& cb = units.units[b].cost;
    if (ca < cb || cb < ca) return ca < cb;
    return units.units[a].rank < units.units[b].rank;
  };
  for (;;) {
    std::map<UnitId, std::size_t> hits;
    for (const auto& c : conflicts) {
      if (is_hit(c)) continue;
      for (const UnitId u : c)
        if (std::find(excluded.begin(), excluded.end(), u) == excluded.end()) ++hits[u];
    }
    if (hits.empty()) break;
    auto pick = hits.begin();
    for (auto it = hits.begin(); it != hits.end(); ++it)
      if (better(it->first, it->second, pick->first, pick->second)) pick = it;
    chosen.insert(pick->first);
  }
  std::vector<UnitId> order(chosen.begin(), chosen.end());
  std::sort(order.begin(), order.end(),
            [&](UnitId a, UnitId b) { return units.units[b].cost < units.units[a].cost; });
  for (const UnitId u : order) {
    chosen.erase(u);
    if (!std::all_of(conflicts.begin(), conflicts.end(), is_hit)) chosen.insert(u);
  }
  return {chosen.begin(), chosen.end()};
}

}  // namespace

std::vector<UnitId> HittingSets::solve(const std::vector<std::vector<UnitId>>& conflicts,
                                       const std::vector<UnitId>& excluded) const {
  Search search(units_, conflicts, budget_);
  for (const UnitId u : excluded) search.forbid(u);
  if (auto exact = search.run()) return *exact;
  std::vector<UnitId> fallback = greedy(units_, conflicts, excluded);
  if (search.aborted()) bounded_ = true;
  return fallback;
}

void HittingSets::add_conflict(std::vector<UnitId> conflict) {
  std::sort(conflict.begin(), conflict.end());
  conflict.erase(std::unique(conflict.begin(), conflict.end()), conflict.end());
  if (std::find(conflicts_.begin(), conflicts_.end(), conflict) != conflicts_.end()) return;
  conflicts_.push_back(conflict);
  const std::size_t index = conflicts_.size() - 1;
  // The groups the conflict touches merge into one.
  std::set<std::size_t> touched;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    for (const std::size_t k : groups_[g].conflicts) {
      const auto& other = conflicts_[k];
      if (std::find_first_of(other.begin(), other.end(), conflict.begin(), conflict.end()) !=
          other.end()) {
        touched.insert(g);
        break;
      }
    }
  }
  std::size_t target = groups_.size();
  if (touched.empty()) {
    groups_.emplace_back();
  } else {
    target = *touched.begin();
    for (auto it = std::next(touched.begin()); it != touched.end(); ++it) {
      auto& from = groups_[*it].conflicts;
      groups_[target].conflicts.insert(groups_[target].conflicts.end(), from.begin(), from.end());
      from.clear();
      groups_[*it].solution.clear();
    }
  }
  Group& group = groups_[target];
  group.conflicts.push_back(index);
  std::vector<std::vector<UnitId>> sets;
  for (const std::size_t k : group.conflicts) sets.push_back(conflicts_[k]);
  group.solution = solve(sets, {});
}

std::vector<UnitId> HittingSets::best() const {
  std::vector<UnitId> out;
  for (const Group& g : groups_) out.insert(out.end(), g.solution.begin(), g.solution.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::size_t> HittingSets::conflicts_of(UnitId unit) const {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < conflicts_.size(); ++k) {
    if (std::find(conflicts_[k].begin(), conflicts_[k].end(), unit) != conflicts_[k].end())
      out.push_back(k);
  }
  return out;
}

std::optional<std::vector<UnitId>> HittingSets::without(UnitId unit) const {
  std::vector<UnitId> out;
  for (const Group& g : groups_) {
    const bool holds = std::any_of(g.conflicts.begin(), g.conflicts.end(), [&](std::size_t k) {
      const auto& c = conflicts_[k];
      return std::find(c.begin(), c.end(), unit) != c.end();
    });
    if (!holds) {
      out.insert(out.end(), g.solution.begin(), g.solution.end());
      continue;
    }
    std::vector<std::vector<UnitId>> sets;
    for (const std::size_t k : g.conflicts) {
      if (conflicts_[k].size() == 1 && conflicts_[k][0] == unit) return std::nullopt;
      sets.push_back(conflicts_[k]);
    }
    const std::vector<UnitId> solution = solve(sets, {unit});
    out.insert(out.end(), solution.begin(), solution.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace cc
