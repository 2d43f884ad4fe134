#include "solve/conflicts.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "model/provenance.h"
#include "solve/apart.h"
#include "solve/at_once.h"
#include "solve/because.h"
#include "solve/diagnosis.h"
#include "solve/in_play.h"
#include "solve/revisions.h"
#include "solve/slips.h"

namespace cc {
namespace {

bool has_record_claim(const Fact& fact) {
  return fact.record().kind != RecordKind::none;
}

// What the solver knows of the sources: who is one witness, which releases each traces to.
struct SolveContext {
  std::vector<std::uint32_t> witness_of_source;
  std::vector<std::vector<Release>> releases;  // by source
};

// The facts of a component not in `out`'s units (both sorted).
std::vector<FactIndex> without(const std::vector<FactIndex>& facts, const Units& units,
                               const std::vector<UnitId>& out) {
  std::vector<FactIndex> removed;
  for (const UnitId u : out)
    removed.insert(removed.end(), units.units[u].facts.begin(), units.units[u].facts.end());
  std::sort(removed.begin(), removed.end());
  std::vector<FactIndex> left;
  std::set_difference(facts.begin(), facts.end(), removed.begin(), removed.end(),
                      std::back_inserter(left));
  return left;
}

class ComponentSolver {
 public:
  ComponentSolver(const FactBase& base, const FactGraph& graph, Propagator& main, Propagator& probe,
                  InPlay& in_play, std::span<const ConstraintId> component, std::uint32_t index,
                  const SolveContext& context, ProbeStats& stats)
      : base_(base),
        graph_(graph),
        main_(main),
        propagator_(probe),
        in_play_(in_play),
        component_(component),
        index_(index),
        context_(context),
        stats_(stats) {}

  // Sets aside revised figures, then collects conflicts and takes the least-cost hitting
  // set of them until what is left is consistent; each doubted unit becomes one finding.
  // `result` is this component's own; what the facts that stand imply is written by
  // write_implied() once it has run.
  void run(const std::vector<FactIndex>& facts, const SolveOptions& options, SolveResult& result) {
    adjust_support_ = &options.adjust_support;
    step_own_runs_ = options.step_own_runs;
    Units units = make_units(base_, graph_, facts, context_.witness_of_source);
    units_ = &units;
    std::vector<FactIndex> active = facts;  // sorted
    std::vector<MinimalConflict> found =
        set_aside_revisions(base_, graph_, context_.releases, units, active);
    HittingSets hitting(units, options.diagnosis_node_budget);
    std::vector<UnitId> doubted;
    bool consistent = false;
    for (std::size_t round = 0;; ++round) {
      if (round >= options.max_conflicts_per_component) {
        result.truncated.push_back(index_);
        break;
      }
      const auto outcome = run_main(active, units, doubted);
      if (outcome.exhausted) {
        result.exhausted.push_back(index_);
        return;
      }
      if (!outcome.contradiction) {
        consistent = true;
        consistent_without_.push_back(doubted);
        break;
      }
      const Traced behind = traced(main_, *outcome.contradiction);
      if (behind.facts.empty()) return;  // cannot happen: defaults alone are consistent
      const std::vector<FactIndex>& claims = behind.record_claims;
      std::vector<UnitId> conflict;
      for (const FactIndex f : shrink(behind, {}, Scope::support)) {
        conflict.push_back(units.of(f));
        if (std::binary_search(claims.begin(), claims.end(), f))
          count_record_claim(units.units[units.of(f)]);
      }
      hitting.add_conflict(std::move(conflict));
      doubted = hitting.best();
    }
    const std::vector<FactIndex> standing = without(active, units, doubted);
    // One finding per witness and quantity: a doubted unit stating what an earlier doubted
    // unit of the same witness states joins its finding (`joins`: the finding's first unit,
    // or the unit itself).
    std::map<std::pair<std::uint32_t, VarId>, UnitId> first_of;
    std::vector<UnitId> joins;
    std::vector<UnitId> explained;
    for (const UnitId u : doubted) {
      const FactIndex first = units.units[u].facts.front();
      const auto var = graph_.var_of_fact(first);
      const auto key =
          std::pair(context_.witness_of_source[base_.facts[first].source], var.value_or(kNoVar));
      const auto it = first_of.find(key);
      if (var && it != first_of.end()) {
        joins.push_back(it->second);
        continue;
      }
      first_of.emplace(key, u);
      joins.push_back(u);
      explained.push_back(u);
    }
    const std::vector<std::optional<Traced>> own = own_runs(units, explained, standing);
    std::map<UnitId, std::size_t> finding_of;
    for (std::size_t i = 0; i < doubted.size(); ++i) {
      const UnitId u = doubted[i];
      if (joins[i] != u) {
        auto& restating = found[finding_of.at(joins[i])].restating;
        restating.insert(restating.end(), units.units[u].facts.begin(), units.units[u].facts.end());
        continue;
      }
      const auto alternative =
          consistent ? alternative_to(units, u, hitting, active) : std::nullopt;
      finding_of.emplace(u, found.size());
      const auto mine = std::lower_bound(explained.begin(), explained.end(), u) - explained.begin();
      found.push_back(explain_doubt(units, u, doubted, alternative, own[mine], standing));
    }
    if (hitting.bounded()) result.bounded.push_back(index_);
    // Back to the facts that stand: what they imply is read below.
    if (consistent) {
      const auto back = run_main(active, units, doubted);
      if (back.contradiction || back.exhausted) consistent = false;  // cannot happen
    }
    for (MinimalConflict& conflict : found) {
      conflict.component = index_;
      if (const auto var = graph_.var_of_fact(conflict.blame); var && consistent)
        conflict.implied_for_blame = main_.domain(*var);
      result.set_aside.push_back(conflict.blame);
      result.set_aside.insert(result.set_aside.end(), conflict.restating.begin(),
                              conflict.restating.end());
      result.conflicts.push_back(std::move(conflict));
    }
    consistent_ = consistent;
  }

  // The fixpoint of the facts that stand, where run() ended consistent: what they imply for
  // each quantity of the component. Only the variables the main propagator touched can
  // differ from their initial intervals, which `implied` holds already; read before the
  // propagator's runs are released.
  void write_implied(KeyIntervals& implied) const {
    if (!consistent_) return;
    for (const VarId v : main_.touched()) {
      const Variable& var = graph_.vars[v];
      if (var.kind != VarKind::key) continue;
      const auto constraints = graph_.constraints_of(v);
      if (constraints.empty() || graph_.component_of_constraint(constraints.front()) != index_)
        continue;
      implied.set(var.key, main_.domain(v));
    }
  }

 private:
  // A traced run of the main propagator on `facts` but the units of `out`; going on from
  // its last run where it can (Propagator::resume): a run from the start costs the whole
  // component, going on costs what changed. Every call gives the same `facts` (the
  // component's facts in play), so the facts that came into play since the last run are
  // those of the units it left out and this one keeps. The facts are taken out of play
  // afterwards.
  Propagator::Outcome run_main(const std::vector<FactIndex>& facts, const Units& units,
                               const std::vector<UnitId>& out) {
    in_play_.put(facts, true);
    for (const UnitId u : out) in_play_.put(units.units[u].facts, false);
    std::vector<UnitId> left_out(out);
    std::sort(left_out.begin(), left_out.end());
    left_out.erase(std::unique(left_out.begin(), left_out.end()), left_out.end());
    Propagator::Outcome outcome;
    if (main_facts_ == &facts && main_.resumable()) {
      std::vector<UnitId> back;
      std::set_difference(main_left_out_.begin(), main_left_out_.end(), left_out.begin(),
                          left_out.end(), std::back_inserter(back));
      std::vector<FactIndex> added;
      for (const UnitId u : back)
        for (const FactIndex f : units.units[u].facts)
          if (in_play_.in(f)) added.push_back(f);
      outcome = in_play_.resume(main_, added);
    } else {
      outcome = in_play_.run(main_, Recording::trace);
    }
    main_facts_ = &facts;
    main_left_out_ = std::move(left_out);
    in_play_.put(facts, false);
    return outcome;
  }

  [[nodiscard]] const Interval* statement_value(FactIndex f) const {
    const auto s = graph_.statement_of_fact(f);
    return s ? &graph_.value_of(graph_.constraints[*s]) : nullptr;
  }

  // The facts behind a run's contradiction, sorted and each once; and, apart, those whose
  // record claim (not their own figure) it was derived from: a constraint that belongs to a
  // fact and is not its statement is its record claim. One walk of the derivation.
  struct Traced {
    std::vector<FactIndex> facts;
    std::vector<FactIndex> record_claims;
    // The constraints of the derivation's events (those without a fact too), sorted.
    std::vector<ConstraintId> support;
  };
  [[nodiscard]] Traced traced(const Propagator& run, const Contradiction& contradiction) const {
    const EventId roots[] = {contradiction.lower, contradiction.upper};
    Traced out;
    for (const EventId e : run.derivation(roots)) {
      const ConstraintId cause = run.events()[e].cause;
      out.support.push_back(cause);
      const Constraint& constraint = graph_.constraints[cause];
      if (!constraint.fact) continue;
      out.facts.push_back(*constraint.fact);
      if (constraint.kind != ConstraintKind::statement)
        out.record_claims.push_back(*constraint.fact);
    }
    for (std::vector<FactIndex>* facts : {&out.facts, &out.record_claims}) {
      std::sort(facts->begin(), facts->end());
      facts->erase(std::unique(facts->begin(), facts->end()), facts->end());
    }
    // The facts' own constraints too (a record claim beside the figure the trace went
    // through): a probe puts a fact in play with all of them.
    in_play_.constraints_of(out.facts, out.support);
    std::sort(out.support.begin(), out.support.end());
    out.support.erase(std::unique(out.support.begin(), out.support.end()), out.support.end());
    return out;
  }

  // A record claim in a contradiction is doubted as a bound is: it only says that every
  // other period lies below (or above) its figure. The hitting set is solved again when the
  // conflict is added, so the new cost counts from this round on.
  static void count_record_claim(DoubtUnit& unit) {
    unit.record_in_play = true;
    unit.cost.precision = 0;
  }

  // Where a shrink's probes run: on the contradiction's own support (the set kept is
  // minimal there: remove any one fact and the rest are consistent on the support), or on
  // the component.
  enum class Scope { support, component };

  // Deletion filtering: each fact is removed in turn and kept out if the rest stays
  // inconsistent, so the set kept is minimal. The facts of `last` go at the very end (the
  // doubted fact whose conflict is being written). `behind.facts` holds each fact once, so
  // what is kept holds each once too. The support is used only when all the facts
  // together contradict there (they may not: a work bound, a bound rounded outward); when
  // they do not, the probes run on the component.
  [[nodiscard]] std::vector<FactIndex> shrink(const Traced& behind,
                                              const std::vector<FactIndex>& last, Scope scope) {
    const std::vector<FactIndex>& candidates = behind.facts;
    std::vector<std::pair<FactIndex, BlameKey>> order;
    order.reserve(candidates.size());
    for (const FactIndex f : candidates) order.emplace_back(f, blame_key(base_, graph_, f));
    const auto is_last = [&](FactIndex f) {
      return std::find(last.begin(), last.end(), f) != last.end();
    };
    // Where a doubted fact is being explained, the opponents most to blame go first, so the
    // set kept shows it against the firmest facts that stand (the exact count, not the
    // rounded figure beside it).
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
      if (is_last(a.first) != is_last(b.first)) return is_last(b.first);
      return last.empty() ? more_to_blame(b.second, a.second) : more_to_blame(a.second, b.second);
    });
    // The facts kept are those in play; each probe takes one out.
    in_play_.put(candidates, true);
    ++stats_.shrinks;
    const std::vector<ConstraintId>* support = nullptr;
    std::vector<ConstraintId> adjusted;
    if (scope == Scope::component) {
      ++stats_.component_shrinks;
    } else {
      support = &behind.support;
      if (adjust_support_ && *adjust_support_) {
        adjusted = behind.support;
        (*adjust_support_)(adjusted);
        support = &adjusted;
      }
      if (!support_suffices(candidates, *support)) {
        support = nullptr;
        ++stats_.support_not_enough;
      }
    }
    std::vector<FactIndex> probed;
    for (const auto& [f, key] : order) {
      in_play_.put(f, false);
      probed.clear();
      for (const FactIndex g : candidates)
        if (in_play_.in(g)) probed.push_back(g);
      if (!contradicts(probed, candidates, support)) in_play_.put(f, true);
    }
    std::vector<FactIndex> out;
    for (const FactIndex f : candidates)
      if (in_play_.in(f)) out.push_back(f);
    in_play_.put(candidates, false);
    std::sort(out.begin(), out.end());
    return out;
  }

  // Do all the facts behind a contradiction (in play now) contradict on its support alone?
  bool support_suffices(const std::vector<FactIndex>& facts,
                        const std::vector<ConstraintId>& support) {
    if (const auto it = verdicts_.find(facts); it != verdicts_.end() && !it->second)
      return false;  // cannot happen: the facts were traced from a contradiction
    const auto outcome = probe(facts, &support);
    if (!outcome.contradiction) return false;
    verdicts_.emplace(facts, true);
    return true;
  }

  // One probe run on the facts in play now (all among `candidates`), restricted to
  // `support` unless it is null.
  Propagator::Outcome probe(const std::vector<FactIndex>& candidates,
                            const std::vector<ConstraintId>* support) {
    const std::size_t before = propagator_.visits();
    if (support) propagator_.restrict_to(*support);
    const auto outcome = in_play_.run_among(propagator_, candidates, Recording::none);
    if (support) propagator_.clear_restriction();
    (support ? stats_.support_probes : stats_.component_probes) += 1;
    (support ? stats_.support_visits : stats_.component_visits) += propagator_.visits() - before;
    return outcome;
  }

  // Does a run on `probed` (the facts in play now, all among `candidates`) meet a
  // contradiction, on `support` (unless it is null) or on the component? A run is a function
  // of its facts (the seeds are theirs, in id order) and of the constraints that take part,
  // so the verdicts of the component are kept by the facts probed and reused: the shrinks
  // of the diagnosis loop, of the alternatives and of the doubted facts' own conflicts
  // often probe the same sets. A contradiction on a support is one on the component (a run
  // on part of the constraints narrows no more), so it is kept too; a set consistent on a
  // support may not be on the component, so that verdict is not kept (a shrink probes each
  // set once). A probe the support's work bound cuts short is decided on the component.
  bool contradicts(const std::vector<FactIndex>& probed, const std::vector<FactIndex>& candidates,
                   const std::vector<ConstraintId>* support) {
    if (const auto it = verdicts_.find(probed); it != verdicts_.end()) {
      ++stats_.reused;
      return it->second;
    }
    // Within a set found consistent: no run needed (counted with the verdicts reused).
    if (within_consistent(probed)) {
      ++stats_.reused;
      return false;
    }
    if (support) {
      const auto outcome = probe(candidates, support);
      if (outcome.contradiction) {
        verdicts_.emplace(probed, true);
        return true;
      }
      if (!outcome.exhausted) return false;
    }
    const bool contradiction = probe(candidates, nullptr).contradiction.has_value();
    verdicts_.emplace(probed, contradiction);
    return contradiction;
  }

  // Do `probed` lie within a set of facts a run on the component found consistent (at a
  // fixpoint, not cut short)? Such a set is the component's facts in play but the units of
  // one of `consistent_without_`: the facts that stand, or those an alternative keeps. A
  // run on fewer facts narrows no more (runs end at the common fixpoint of their
  // constraints, and intervals only narrow), so it meets no contradiction either, on the
  // component or on a part of it (docs/ARCHITECTURE.md, "Solving").
  [[nodiscard]] bool within_consistent(const std::vector<FactIndex>& probed) {
    if (consistent_without_.empty()) return false;
    probed_units_.clear();
    for (const FactIndex f : probed) probed_units_.push_back(units_->of(f));
    std::sort(probed_units_.begin(), probed_units_.end());
    return std::any_of(consistent_without_.begin(), consistent_without_.end(),
                       [&](const std::vector<UnitId>& out) {
                         return std::none_of(out.begin(), out.end(), [&](UnitId u) {
                           return std::binary_search(probed_units_.begin(), probed_units_.end(), u);
                         });
                       });
  }

  // The doubted unit against the facts that stand: a minimal set of them it contradicts,
  // its copies, the other statements of its quantity it misses, and why it is the one.
  // `own`: what the unit's own run met (own_runs), nullopt when it met no contradiction.
  MinimalConflict explain_doubt(const Units& units, UnitId u, const std::vector<UnitId>& doubted,
                                const std::optional<Alternative>& alternative,
                                const std::optional<Traced>& own,
                                const std::vector<FactIndex>& standing) {
    const DoubtUnit& unit = units.units[u];
    std::vector<FactIndex> facts;
    // Shrunk on the component: these are the facts its finding shows (its id hashes them),
    // so the set kept is minimal on the component, whatever a support would leave.
    if (own) facts = shrink(*own, unit.facts, Scope::component);
    const auto mine =
        std::find_first_of(facts.begin(), facts.end(), unit.facts.begin(), unit.facts.end());
    if (mine == facts.end()) facts = units.units[u].facts;
    MinimalConflict conflict;
    conflict.facts = facts;
    conflict.blame =
        *std::find_first_of(facts.begin(), facts.end(), unit.facts.begin(), unit.facts.end());
    for (const FactIndex f : unit.facts)
      if (std::find(facts.begin(), facts.end(), f) == facts.end()) conflict.restating.push_back(f);
    conflict.also_contradicts = other_statements_missed(conflict, standing);
    conflict.because = because(base_, graph_, units, u, doubted, alternative);
    return conflict;
  }

  // Each unit's own run: a traced run from the start on the facts that stand with the
  // unit (in `explained` order; nullopt where it meets no contradiction). These runs take
  // the same first steps: up to the unit's first seed, a run takes the seeds of the facts
  // that stand, one by one, as a run without the unit does (a statement narrows only its
  // own variable, and the unit's constraints wait in the queue). So one run of the facts
  // that stand goes step by step, and each unit's run goes on from it where the unit's
  // first seed comes, in the order of their first seeds (Propagator::go_on_from): each
  // meets what its run from the start meets, at the cost of what follows its first seed.
  std::vector<std::optional<Traced>> own_runs(const Units& units,
                                              const std::vector<UnitId>& explained,
                                              const std::vector<FactIndex>& standing) {
    std::vector<std::optional<Traced>> out(explained.size());
    in_play_.put(standing, true);
    // The seeds of the facts that stand (id order), their figures and claims apart.
    std::vector<ConstraintId> seeds;
    std::vector<ConstraintId> figures;
    std::vector<ConstraintId> claims;
    bool statements = std::is_sorted(component_.begin(), component_.end());
    for (const ConstraintId c : component_) {
      const auto& fact = graph_.constraints[c].fact;
      if (!fact) continue;
      const bool figure = propagator_.figure(c);
      // go_on_from needs the steps before a unit's first figure not to read whether a
      // variable is stated: statements do not.
      if (figure && graph_.constraints[c].kind != ConstraintKind::statement) statements = false;
      if (!in_play_.in(*fact)) continue;
      seeds.push_back(c);
      (figure ? figures : claims).push_back(c);
    }
    // Each unit's seeds, and how many seeds of the facts that stand a run takes before its
    // first (the figures are queued before the claims).
    std::vector<std::vector<ConstraintId>> added(explained.size());
    std::vector<std::size_t> at(explained.size(), seeds.size());
    std::size_t shared = 0;
    for (std::size_t i = 0; i < explained.size(); ++i) {
      in_play_.constraints_of(units.units[explained[i]].facts, added[i]);
      std::sort(added[i].begin(), added[i].end());
      added[i].erase(std::unique(added[i].begin(), added[i].end()), added[i].end());
      const auto figure = std::find_if(added[i].begin(), added[i].end(),
                                       [&](ConstraintId c) { return propagator_.figure(c); });
      if (figure != added[i].end())
        at[i] = static_cast<std::size_t>(std::lower_bound(figures.begin(), figures.end(), *figure) -
                                         figures.begin());
      else if (!added[i].empty())
        at[i] =
            figures.size() +
            static_cast<std::size_t>(
                std::lower_bound(claims.begin(), claims.end(), added[i].front()) - claims.begin());
      shared += at[i];
    }
    // Stepping pays when the steps shared outweigh a propagator's arrays over the graph.
    const bool pays =
        shared >= kStepAtLeast && shared * 64 >= graph_.vars.size() + graph_.constraints.size();
    const bool step = statements && explained.size() >= 2 && step_own_runs_.value_or(pays);
    std::optional<Propagator> standing_run;
    if (step) {
      standing_run.emplace(propagator_.sibling());
      standing_run->begin(seeds, in_play_.mask());
    }
    // Where each unit's run goes on from the stepped run: at its first seed, or, for a unit
    // whose figures state one quantity with one value, at the first seed of the facts that
    // stand on that quantity after it, or at the claims (Propagator::go_on_later): the steps
    // between, statements of other quantities, are the stepped run's own.
    std::vector<std::size_t> from(at);
    std::vector<std::pair<std::size_t, std::size_t>> marks;  // (at[i], i) where from[i] is later
    if (step) {
      for (std::size_t i = 0; i < explained.size(); ++i) {
        const auto var = propagator_.later_var(added[i]);
        if (!var) continue;
        std::size_t k = at[i];
        while (k < figures.size() && graph_.constraints[figures[k]].vars[0] != *var) ++k;
        if (k == at[i]) continue;
        from[i] = k;
        marks.emplace_back(at[i], i);
      }
      std::sort(marks.begin(), marks.end());
    }
    std::vector<std::size_t> order(explained.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return from[a] < from[b]; });
    std::size_t taken = 0;  // the seeds the run of the facts that stand has taken
    const auto advance_to = [&](std::size_t seed) {
      if (!standing_run || seed <= taken) return;
      const auto outcome = standing_run->advance(component_, seed - taken, in_play_.mask());
      taken = seed;
      // Cannot happen (the facts that stand agree); then each unit runs from the start.
      if (outcome.contradiction || outcome.exhausted) standing_run.reset();
    };
    // Where the stepped run's queue stood at each unit's first seed, for go_on_later.
    std::vector<std::size_t> queued_at(explained.size(), 0);
    std::size_t next_mark = 0;
    for (const std::size_t i : order) {
      for (; standing_run && next_mark < marks.size() && marks[next_mark].first <= from[i];
           ++next_mark) {
        advance_to(marks[next_mark].first);
        if (standing_run) queued_at[marks[next_mark].second] = standing_run->queued_so_far();
      }
      advance_to(from[i]);
      const std::vector<FactIndex>& facts = units.units[explained[i]].facts;
      in_play_.put(facts, true);
      Propagator::Outcome outcome;
      if (!standing_run) {
        outcome = in_play_.run(propagator_, Recording::trace);
      } else if (from[i] > at[i]) {
        outcome = propagator_.go_on_later(*standing_run, seeds.size() - taken, queued_at[i],
                                          component_, added[i], in_play_.mask());
        ++stats_.own_runs_gone_on_later;
      } else {
        outcome = propagator_.go_on_from(*standing_run, seeds.size() - taken, component_, added[i],
                                         in_play_.mask());
      }
      in_play_.put(facts, false);
      if (standing_run) ++stats_.stepped_own_runs;
      if (outcome.contradiction) out[i] = traced(propagator_, *outcome.contradiction);
    }
    in_play_.put(standing, false);
    return out;
  }

  // Standing statements of the blamed fact's quantity whose value it misses.
  [[nodiscard]] std::vector<FactIndex> other_statements_missed(
      const MinimalConflict& conflict, const std::vector<FactIndex>& standing) const {
    std::vector<FactIndex> out;
    const auto var = graph_.var_of_fact(conflict.blame);
    const Interval* value = statement_value(conflict.blame);
    if (!var || !value) return out;
    for (const ConstraintId c : graph_.constraints_of(*var)) {
      const auto& f = graph_.constraints[c].fact;
      if (!f || !std::binary_search(standing.begin(), standing.end(), *f) ||
          graph_.var_of_fact(*f) != var)
        continue;
      if (std::find(conflict.facts.begin(), conflict.facts.end(), *f) != conflict.facts.end())
        continue;
      const Interval* other = statement_value(*f);
      if (other && !other->overlaps(*value)) out.push_back(*f);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Keeping the unit: the cheapest diagnosis without it, found the way the diagnosis was
  // (take the cheapest hitting set, propagate what is left, add the conflict it meets),
  // at most kAlternativeRounds rounds; past them, the cheapest set that hits the conflicts
  // known, which is a lower bound (`complete` false). nullopt when the unit cannot be kept.
  std::optional<Alternative> alternative_to(const Units& units, UnitId u, HittingSets& hitting,
                                            const std::vector<FactIndex>& active) {
    for (std::size_t round = 0;; ++round) {
      auto other = hitting.without(u);
      if (!other) return std::nullopt;
      if (round == kAlternativeRounds) return Alternative{*other, false};
      const auto outcome = run_main(active, units, *other);
      if (outcome.exhausted) return Alternative{*other, false};
      if (!outcome.contradiction) {
        consistent_without_.push_back(*other);
        return Alternative{*other, true};
      }
      std::vector<UnitId> conflict;
      for (const FactIndex f : shrink(traced(main_, *outcome.contradiction), {}, Scope::support))
        conflict.push_back(units.of(f));
      hitting.add_conflict(std::move(conflict));
    }
  }

  static constexpr std::size_t kAlternativeRounds = 2;
  static constexpr std::size_t kStepAtLeast = 4096;
  static constexpr VarId kNoVar = 0xffffffffu;

  const FactBase& base_;
  const FactGraph& graph_;
  Propagator& main_;
  Propagator& propagator_;  // probe runs
  InPlay& in_play_;
  std::span<const ConstraintId> component_;
  std::uint32_t index_;
  const SolveContext& context_;
  std::map<std::vector<FactIndex>, bool> verdicts_;  // shrinking probes: facts → contradiction
  // The component's units (set by run()), and the sets of units without which a run of the
  // main propagator found the facts in play consistent (each sorted): within_consistent.
  const Units* units_ = nullptr;
  std::vector<std::vector<UnitId>> consistent_without_;
  std::vector<UnitId> probed_units_;
  ProbeStats& stats_;
  const std::function<void(std::vector<ConstraintId>&)>* adjust_support_ = nullptr;
  std::optional<bool> step_own_runs_;
  bool consistent_ = false;  // run() ended with the facts that stand consistent
  // The facts given to the main propagator's last run (null before it has run here), and
  // the units it left out (sorted).
  const std::vector<FactIndex>* main_facts_ = nullptr;
  std::vector<UnitId> main_left_out_;
};

}  // namespace

ProbeStats& ProbeStats::operator+=(const ProbeStats& other) {
  shrinks += other.shrinks;
  component_shrinks += other.component_shrinks;
  support_not_enough += other.support_not_enough;
  support_probes += other.support_probes;
  component_probes += other.component_probes;
  reused += other.reused;
  support_visits += other.support_visits;
  component_visits += other.component_visits;
  main_visits += other.main_visits;
  other_visits += other.other_visits;
  stepped_own_runs += other.stepped_own_runs;
  own_runs_gone_on_later += other.own_runs_gone_on_later;
  return *this;
}

BlameKey blame_key(const FactBase& base, const FactGraph& graph, FactIndex f) {
  return BlameKey{written_width(base, graph, f), has_record_claim(base.facts[f]),
                  &base.sources[base.facts[f].source].published, f};
}

bool more_to_blame(const BlameKey& a, const BlameKey& b) {
  if (a.width != b.width) {  // the less precise as written
    if (!a.width) return true;
    if (!b.width) return false;
    return *a.width > *b.width;
  }
  if (a.record != b.record) return a.record;
  if (*a.published != *b.published) return *a.published > *b.published;
  return a.index > b.index;
}

bool more_to_blame(const FactBase& base, const FactGraph& graph, FactIndex a, FactIndex b) {
  return more_to_blame(blame_key(base, graph, a), blame_key(base, graph, b));
}

std::vector<FactIndex> facts_of_component(const FactGraph& graph, std::uint32_t component) {
  std::vector<FactIndex> out;
  for (const ConstraintId c : graph.components()[component])
    if (graph.constraints[c].fact) out.push_back(*graph.constraints[c].fact);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::vector<FactIndex>> facts_by_component(const FactGraph& graph) {
  std::vector<std::vector<FactIndex>> out(graph.components().size());
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    if (graph.constraints[c].fact)
      out[graph.component_of_constraint(c)].push_back(*graph.constraints[c].fact);
  }
  for (auto& facts : out) {
    std::sort(facts.begin(), facts.end());
    facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  }
  return out;
}

namespace {

// What a run on a large component left allocated (its variables' slots, its events and
// their intervals: tens of MB for a component of 300,000 constraints) is given back once
// the component is solved, so that a thread holds what its current component needs and
// not the largest it has solved. Small runs keep theirs (no allocation per component).
void release_if_large(Propagator& propagator) {
  constexpr std::size_t kKeep = std::size_t{1} << 20;
  if (propagator.run_bytes() > kKeep) propagator.release();
}

// Each doubted fact is tried for the usual slips against the facts that stand.
void find_slips(const FactBase& base, const FactGraph& graph, std::vector<Propagator>& probes,
                std::vector<std::vector<char>>& masks, const ConstraintsOfFacts& of_facts,
                unsigned threads, SolveResult& result) {
  const std::unordered_set<FactIndex> aside(result.set_aside.begin(), result.set_aside.end());
  // The doubted facts to test, by component: each component's probes go on from one run of
  // the facts that stand there (Propagator::resume), so a probe costs what the doubted
  // fact, read as corrected, changes.
  std::map<std::uint32_t, std::vector<std::size_t>> by_component;
  for (std::size_t i = 0; i < result.conflicts.size(); ++i) {
    const MinimalConflict& conflict = result.conflicts[i];
    if (!conflict.revision && graph.statement_of_fact(conflict.blame))
      by_component[conflict.component].push_back(i);
  }
  const std::vector<std::pair<std::uint32_t, std::vector<std::size_t>>> groups(by_component.begin(),
                                                                               by_component.end());
  // No bound on what runs at once: each group's probes hold what its component's solve held.
  const std::vector<std::size_t> unbounded(groups.size(), 0);
  on_threads_within(unbounded, threads, 0, [&](std::size_t worker, std::size_t g) {
    const std::uint32_t c = groups[g].first;
    Propagator& probe = probes[worker];
    const auto& component = graph.components()[c];
    const std::vector<FactIndex> facts = facts_of_component(graph, c);
    InPlay in_play(graph, of_facts, masks[worker], component);
    // The facts that stand are in play for the whole group; each probe adds its doubted
    // fact and takes it out again.
    for (const FactIndex f : facts) in_play.put(f, !aside.count(f));
    bool started = false;  // the facts that stand have run
    bool warm = false;     // and the probe is at their fixpoint
    for (const std::size_t i : groups[g].second) {
      MinimalConflict& conflict = result.conflicts[i];
      const auto statement = graph.statement_of_fact(conflict.blame);
      const FactIndex blame = conflict.blame;
      // The facts that stand, and the doubted one read as `value`.
      const SlipCheck agrees = [&](const Interval& value) {
        if (!started) {
          started = true;
          warm = !in_play.run(probe, Recording::trace).contradiction && probe.resumable();
        }
        in_play.put(blame, true);
        probe.override_statement(*statement, value);
        const FactIndex added[] = {blame};
        // Only facts came into play since the last run or resume (the probe before took its
        // doubted fact out again in a resume of its own): none of its events is read again.
        const EventId standing = warm ? probe.recorded() : 0;
        const auto outcome =
            warm ? in_play.resume(probe, added, standing) : in_play.run(probe, Recording::none);
        probe.clear_override();
        // Back to the facts that stand, for the next probe: the doubted fact's events all
        // come after `standing`.
        in_play.put(blame, false);
        warm = warm && probe.resumable() && !in_play.resume(probe, {}, standing).contradiction &&
               probe.resumable();
        return !outcome.contradiction && !outcome.exhausted;
      };
      conflict.slip = find_slip(base, graph, conflict, result.implied, agrees);
    }
    in_play.put(facts, false);
    release_if_large(probe);
  });
}

// The constraints the components solved at once may hold together (SolveOptions): by
// default an eighth more than the largest component's, or 200,000 when that is less, so
// that the solve's peak is about the largest component's runs, whatever the number of
// threads (docs/ARCHITECTURE.md, "What a solving thread holds").
std::size_t constraints_at_once(const SolveOptions& options, std::span<const std::size_t> sizes) {
  if (options.constraints_at_once > 0) return options.constraints_at_once;
  constexpr std::size_t kAtOnce = 200000;
  const std::size_t largest = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
  return std::max(largest + largest / 8, kAtOnce);
}

// Appends one component's findings and bookkeeping to the whole result.
void append(SolveResult& to, SolveResult&& from) {
  std::move(from.conflicts.begin(), from.conflicts.end(), std::back_inserter(to.conflicts));
  to.set_aside.insert(to.set_aside.end(), from.set_aside.begin(), from.set_aside.end());
  to.exhausted.insert(to.exhausted.end(), from.exhausted.begin(), from.exhausted.end());
  to.truncated.insert(to.truncated.end(), from.truncated.begin(), from.truncated.end());
  to.bounded.insert(to.bounded.end(), from.bounded.begin(), from.bounded.end());
  to.probes += from.probes;
}

}  // namespace

unsigned thread_count(unsigned asked) {
  if (asked > 0) return asked;
  return std::max(1U, std::thread::hardware_concurrency());
}

SolveResult solve(const FactBase& base, const FactGraph& graph, const SolveOptions& options) {
  SolveResult result;
  result.implied.assign(base.keys.key_count(), Interval::nonnegative());
  for (VarId v = 0; v < graph.vars.size(); ++v) {
    const Variable& var = graph.vars[v];
    if (var.kind == VarKind::key) result.implied.set(var.key, Propagator::initial_domain(graph, v));
  }
  SolveContext context;
  context.witness_of_source = witness_of_sources(base);
  for (SourceIndex s = 0; s < base.sources.size(); ++s)
    context.releases.push_back(releases_of(base, s));
  // How many facts each component holds; its facts are listed when it is solved, so no
  // list of every component's facts is held through the solve (4 bytes a fact and a
  // vector a component, 6.6 MB at 1M facts).
  std::vector<std::uint32_t> fact_count(graph.components().size(), 0);
  {
    std::vector<std::uint32_t> counted_in(base.facts.size(), 0);  // by fact: component + 1
    for (std::uint32_t k = 0; k < graph.components().size(); ++k) {
      for (const ConstraintId c : graph.components()[k]) {
        const auto& fact = graph.constraints[c].fact;
        if (!fact || counted_in.at(*fact) == k + 1) continue;
        counted_in[*fact] = k + 1;  // a record claim's fact may be in two components: in each
        ++fact_count[k];
      }
    }
  }
  std::size_t total = 0;
  for (const std::uint32_t n : fact_count) total += n;
  // Components are independent: each is solved on its own into its own part, the largest
  // first (so the last to finish is a small one), and the parts are joined in component
  // order, so the result is the same whatever the number of threads.
  std::vector<std::uint32_t> order;
  for (std::uint32_t c = 0; c < graph.components().size(); ++c)
    if (fact_count[c] > 0) order.push_back(c);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return graph.components()[a].size() > graph.components()[b].size();
  });
  const unsigned threads =
      std::min<std::size_t>(thread_count(options.threads), std::max<std::size_t>(1, order.size()));
  std::vector<Propagator> mains;
  std::vector<Propagator> probes;
  mains.reserve(threads);
  probes.reserve(threads);
  const auto constraint_facts = std::make_shared<const ConstraintFacts>(graph);
  for (unsigned t = 0; t < threads; ++t) {
    mains.emplace_back(graph, constraint_facts, options.limits);
    probes.emplace_back(graph, constraint_facts, options.limits);
  }
  // Each thread's facts in play (all zeros between runs), and each fact's constraints.
  std::vector<std::vector<char>> masks(threads, std::vector<char>(base.facts.size(), 0));
  const ConstraintsOfFacts of_facts(graph, base.facts.size());
  std::vector<SolveResult> parts(graph.components().size());
  // Progress is told in component order, as one thread would (a component finished early
  // waits for those before it), so its calls are the same whatever the number of threads.
  std::mutex progress_mutex;
  std::vector<char> finished(graph.components().size(), 0);
  std::size_t next_to_tell = 0;
  std::size_t done = 0;
  std::vector<std::size_t> sizes;
  sizes.reserve(order.size());
  for (const std::uint32_t c : order) sizes.push_back(graph.components()[c].size());
  const std::size_t budget = constraints_at_once(options, sizes);
  on_threads_within(sizes, threads, budget, [&](std::size_t worker, std::size_t i) {
    const std::uint32_t c = order[i];
    InPlay in_play(graph, of_facts, masks[worker], graph.components()[c]);
    ComponentSolver solver(base, graph, mains[worker], probes[worker], in_play,
                           graph.components()[c], c, context, parts[c].probes);
    const auto started = std::chrono::steady_clock::now();
    const std::vector<FactIndex> facts = facts_of_component(graph, c);
    solver.run(facts, options, parts[c]);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::unique_lock lock(progress_mutex);  // one thread at a time writes `implied`
    solver.write_implied(result.implied);
    lock.unlock();
    release_if_large(mains[worker]);
    release_if_large(probes[worker]);
    lock.lock();
    if (options.component_solved) options.component_solved(c, took.count());
    finished[c] = 1;
    for (; next_to_tell < finished.size(); ++next_to_tell) {
      if (fact_count[next_to_tell] == 0) continue;
      if (!finished[next_to_tell]) break;
      done += fact_count[next_to_tell];
      if (options.progress) options.progress(done, total);
    }
  });
  for (SolveResult& part : parts) append(result, std::move(part));
  if (options.slips) find_slips(base, graph, probes, masks, of_facts, threads, result);
  for (const Propagator& main : mains) result.probes.main_visits += main.visits();
  for (const Propagator& probe : probes) result.probes.other_visits += probe.visits();
  result.probes.other_visits -= result.probes.support_visits + result.probes.component_visits;
  return result;
}

}  // namespace cc
