#include "solve/propagate.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "rules/rule.h"

namespace cc {
namespace {

// Sums one side (lower or upper ends) of many intervals, so that "all but one" costs O(1).
struct SideSum {
  Rational finite = 0;
  std::size_t unbounded = 0;
  std::size_t open = 0;

  void add(const OptionalBound& b) {
    if (!b) {
      ++unbounded;
      return;
    }
    finite += b->value;
    if (b->open) ++open;
  }
  void remove(const OptionalBound& b) {
    if (!b) {
      --unbounded;
      return;
    }
    finite -= b->value;
    if (b->open) --open;
  }
  [[nodiscard]] std::optional<Bound> all() const {
    if (unbounded > 0) return std::nullopt;
    return Bound{finite, open > 0};
  }
  [[nodiscard]] std::optional<Bound> without(const OptionalBound& own) const {
    if (unbounded - (own ? 0 : 1) > 0) return std::nullopt;
    const std::size_t open_rest = open - (own && own->open ? 1 : 0);
    return Bound{own ? finite - own->value : finite, open_rest > 0};
  }
};

Rational round_to_grid(const Rational& value, bool up) {
  static const Rational grid = Rational(BigInt(1) << 64);
  const Rational scaled = value * grid;
  return Rational(up ? ceil_of(scaled) : floor_of(scaled)) / grid;
}

// Did an end move enough to be worth propagating? An end that appears, a closed end that
// opens and any move of a whole-numbered variable do; otherwise the move must exceed
// 2^-kSignificantBits of the interval's width (of the end's size where the interval is
// unbounded), so a cycle of exact rationals, which crawls toward its limit by ever smaller
// steps, stops.
constexpr unsigned kSignificantBits = 32;

bool moved(const OptionalBound& before, const OptionalBound& after,
           const std::optional<Rational>& width, bool integer) {
  if (!after || (before && before->value == after->value && before->open == after->open))
    return false;
  if (!before || integer || before->value == after->value) return true;
  const Rational delta = abs(after->value - before->value);
  Rational scale = width ? *width : std::max(abs(before->value), Rational(1));
  if (scale == 0) return true;
  static const Rational unit = Rational(BigInt(1) << kSignificantBits);
  return delta * unit > scale;
}

}  // namespace

bool Propagator::significant(const OptionalBound& before_lo, const OptionalBound& before_hi,
                             const Interval& after, bool integer) {
  std::optional<Rational> width;
  if (before_lo && before_hi) width = before_hi->value - before_lo->value;
  return moved(before_lo, after.lo(), width, integer) ||
         moved(before_hi, after.hi(), width, integer);
}

ConstraintFacts::ConstraintFacts(const FactGraph& graph)
    : constraints_(graph.constraints), place_(graph.vars.size(), kNoPlace) {
  // Sorting seeds reads it in every comparison: a byte a constraint, not the constraint.
  figure_.reserve(graph.constraints.size());
  for (const Constraint& constraint : graph.constraints)
    figure_.push_back(constraint.fact && made_by(constraint, RuleRole::figures) ? 1 : 0);
  std::uint32_t constants = 0;
  for (VarId v = 0; v < graph.vars.size(); ++v)
    if (graph.vars[v].kind == VarKind::constant) place_[v] = constants++;
  for (const auto component : graph.components()) {
    std::uint32_t next = constants;
    for (const ConstraintId c : component) {
      for (const VarId v : graph.constraints[c].vars) {
        if (place_[v] != kNoPlace) continue;  // a constant, or placed already
        place_[v] = next++;
      }
    }
  }
}

Propagator::Propagator(const FactGraph& graph, PropagationLimits limits)
    : Propagator(graph, std::make_shared<const ConstraintFacts>(graph), limits) {}

Propagator::Propagator(const FactGraph& graph, std::shared_ptr<const ConstraintFacts> facts,
                       PropagationLimits limits)
    : graph_(graph), limits_(limits), facts_(std::move(facts)) {
  flags_.assign(graph.constraints.size(), 0);
}

void Propagator::release() {
  reset();
  slot_of_ = std::vector<std::uint32_t>();
  slots_ = std::vector<Slot>();
  touched_ = std::vector<VarId>();
  events_ = std::vector<Event>();
  details_ = std::vector<EventDetail>();
  after_at_ = std::vector<std::uint32_t>();
  after_ends_.release();
  dead_ = std::vector<char>();
  antecedent_pool_ = std::vector<EventId>();
  queue_ = std::vector<ConstraintId>();
  settled_list_ = std::vector<ConstraintId>();
  enabled_list_ = std::vector<ConstraintId>();
}

std::size_t Propagator::bytes_held() const {
  return flags_.capacity() + run_bytes();
}

std::size_t Propagator::run_bytes() const {
  return slot_of_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(Slot) +
         touched_.capacity() * sizeof(VarId) + events_.capacity() * sizeof(Event) +
         details_.capacity() * sizeof(EventDetail) + after_at_.capacity() * sizeof(std::uint32_t) +
         after_ends_.bytes() + dead_.capacity() + antecedent_pool_.capacity() * sizeof(EventId) +
         (queue_.capacity() + settled_list_.capacity() + enabled_list_.capacity() +
          within_list_.capacity()) *
             sizeof(ConstraintId);
}

void Propagator::restrict_to(std::span<const ConstraintId> support) {
  clear_restriction();
  for (const ConstraintId c : support) set(c, kWithin);
  within_list_.assign(support.begin(), support.end());
  restricted_ = true;
}

void Propagator::clear_restriction() {
  for (const ConstraintId c : within_list_) unset(c, kWithin);
  within_list_.clear();
  restricted_ = false;
}

Interval Propagator::initial_domain(const FactGraph& graph, VarId v) {
  const Variable& var = graph.vars[v];
  if (var.kind == VarKind::constant) return Interval::point(graph.constant_of(v));
  if (var.kind == VarKind::difference) return Interval::everything();  // to − from: any sign
  return Interval::nonnegative();  // every quantity, share, change multiplier and sum is ≥ 0
}

Propagator::Slot& Propagator::make_slot(VarId var) {
  const std::uint32_t place = facts_->place_of(var);
  if (place >= slot_of_.size()) {
    if (place == ConstraintFacts::kNoPlace)
      throw std::logic_error("Propagator: a variable no constraint binds was narrowed");
    slot_of_.resize(std::max<std::size_t>(place + 1, slot_of_.size() * 2), kNoSlot);
  }
  std::uint32_t& index = slot_of_[place];
  if (index == kNoSlot) {
    index = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{initial_domain(graph_, var), kNoEvent, kNoEvent});
    touched_.push_back(var);
  }
  // A run touches its component's variables and the constants only, each at its own place.
  if (kCheckPlaces && touched_[index] != var)
    throw std::logic_error("Propagator: two variables of one run at one place");
  return slots_[index];
}

Interval Propagator::domain(VarId var) const {
  const std::uint32_t index = slot_index(var);
  return index == kNoSlot ? initial_domain(graph_, var) : slots_[index].domain;
}

EventId Propagator::lower_event(VarId var) const {
  const std::uint32_t index = slot_index(var);
  return index == kNoSlot ? kNoEvent : slots_[index].lower;
}

EventId Propagator::upper_event(VarId var) const {
  const std::uint32_t index = slot_index(var);
  return index == kNoSlot ? kNoEvent : slots_[index].upper;
}

std::span<const EventId> Propagator::antecedents(const Event& event) const {
  return {antecedent_pool_.data() + event.antecedents_begin,
          event.antecedents_end - event.antecedents_begin};
}

void Propagator::reset() {
  for (const VarId v : touched_) slot_of_[facts_->place_of(v)] = kNoSlot;
  touched_.clear();
  slots_.clear();
  for (std::size_t i = queue_head_; i < queue_.size(); ++i) unset(queue_[i], kQueued);
  queue_.clear();
  queue_head_ = 0;
  erased_ = 0;
  for (const ConstraintId c : enabled_list_) unset(c, kEnabled);
  enabled_list_.clear();
  for (const ConstraintId c : settled_list_) unset(c, kSettled);
  settled_list_.clear();
  events_.clear();
  details_.clear();
  after_at_.clear();
  after_ends_.clear();
  dead_.clear();
  resumable_ = false;
  antecedent_pool_.clear();
  contradiction_.reset();
  event_count_ = 0;
  diverged_ = false;
}

namespace {

// Is the value past ±2^200 (without making a number)?
bool past_huge(const Rational& value) {
  static const Rational huge = Rational(BigInt(1) << 200);
  static const Rational minus_huge = -huge;
  return value > huge || value < minus_huge;
}

}  // namespace

bool Propagator::needs_simplify(const Interval& interval) const {
  // A value past ±2^200 has a numerator of more than 200 bits: most bounds are told short
  // by their size alone, without a comparison.
  const auto needs = [&](const OptionalBound& b) {
    if (!b) return false;
    const std::size_t bits = size_in_bits(b->value);
    return bits > limits_.max_bound_bits || (bits > 200 && past_huge(b->value));
  };
  return needs(interval.lo()) || needs(interval.hi());
}

Interval Propagator::simplify(Interval interval) {
  // Bounds past any statistic (a cycle of claims that feeds on itself grows them without
  // limit) are let go, which only widens the interval; the run says it diverged.
  static const Rational huge = Rational(BigInt(1) << 200);
  if (interval.lo() && abs(interval.lo()->value) > huge) {
    interval.set_lo(interval.lo()->value > 0 ? std::optional<Bound>(Bound{huge, false})
                                             : std::nullopt);
    diverged_ = true;
  }
  if (interval.hi() && abs(interval.hi()->value) > huge) {
    interval.set_hi(interval.hi()->value > 0 ? std::nullopt
                                             : std::optional<Bound>(Bound{-huge, false}));
    diverged_ = true;
  }
  if (interval.lo() && size_in_bits(interval.lo()->value) > limits_.max_bound_bits) {
    interval.set_lo(Bound{round_to_grid(interval.lo()->value, false), false});
  }
  if (interval.hi() && size_in_bits(interval.hi()->value) > limits_.max_bound_bits) {
    interval.set_hi(Bound{round_to_grid(interval.hi()->value, true), false});
  }
  return interval;
}

bool Propagator::narrow(VarId var, const Interval& computed_raw, ConstraintId cause) {
  // A constant (a period's length) is never narrowed: its constraint narrows the other
  // side exactly, so a contradiction shows on a quantity rather than on "366 days".
  if (graph_.vars[var].kind == VarKind::constant) return true;
  // Most bounds need no simplifying: then no copy is made.
  std::optional<Interval> simplified;
  if (needs_simplify(computed_raw)) simplified = simplify(computed_raw);
  const Interval& computed = simplified ? *simplified : computed_raw;
  // A reference: the slot exists (propagate() made it) and is only replaced below.
  const Interval& before = current(var);
  // Most constraints compute nothing tighter: then no interval is made. (The intersection
  // would be `before`, which is already whole-numbered for a count: every narrowing was.)
  if (!lower_tighter(computed.lo(), before.lo()) && !upper_tighter(computed.hi(), before.hi()))
    return true;
  Interval next = before.intersect(computed);
  if (graph_.vars[var].integer) next = next.integers();
  const bool lower = lower_tighter(next.lo(), before.lo());
  const bool upper = upper_tighter(next.hi(), before.hi());
  if (!lower && !upper) return true;
  ++event_count_;
  const bool empty = next.is_empty();
  if (recording_ != Recording::none) {
    Event e;
    e.var = var;
    e.cause = cause;
    e.lower = lower;
    e.upper = upper;
    e.antecedents_begin = static_cast<std::uint32_t>(antecedent_pool_.size());
    for (const VarId other : graph_.constraints[cause].vars) {
      if (other == var && !empty) continue;  // the old interval matters only when nothing is left
      for (const EventId ante : {lower_event(other), upper_event(other)}) {
        if (ante != kNoEvent) antecedent_pool_.push_back(ante);
      }
    }
    auto first = antecedent_pool_.begin() + e.antecedents_begin;
    std::sort(first, antecedent_pool_.end());
    antecedent_pool_.erase(std::unique(first, antecedent_pool_.end()), antecedent_pool_.end());
    e.antecedents_end = static_cast<std::uint32_t>(antecedent_pool_.size());
    const auto id = static_cast<EventId>(events_.size());
    Slot& s = slot(var);
    e.prev_lower = s.lower;
    e.prev_upper = s.upper;
    events_.push_back(e);
    if (recording_ == Recording::full) details_.push_back({computed, before});
    if (recording_ == Recording::trace) {
      after_at_.push_back(static_cast<std::uint32_t>(after_ends_.size()));
      if (lower) after_ends_.push_back(next.lo());
      if (upper) after_ends_.push_back(next.hi());
    }
    if (lower) s.lower = id;
    if (upper) s.upper = id;
  }
  Slot& s = slot(var);
  const Interval was = std::move(s.domain);  // moved, not copied: `before` views it no more
  s.domain = std::move(next);
  if (empty) {
    contradiction_ = Contradiction{var, s.lower, s.upper};
    return false;
  }
  // Every constraint of the variable runs again, the cause too (some narrow their own
  // variables again: a sum whose parts were rounded to whole numbers, a quotient whose
  // sides are computed in turn), so a run ends at the common fixpoint of its constraints.
  // A narrowing too small to matter queues nothing, so a cycle cannot crawl.
  if (!significant(was.lo(), was.hi(), s.domain, graph_.vars[var].integer)) return true;
  requeued_ = true;
  for (const ConstraintId c : graph_.constraints_of(var)) enqueue(c);
  return true;
}

void Propagator::enqueue(ConstraintId c) {
  if (has(c, kQueued)) return;
  if (has(c, kSettled)) {
    ++not_requeued_;
    return;
  }
  if (enabled(c)) {
    set(c, kQueued);
    // What was taken from the front is dropped once it is half the queue, so the queue
    // holds about what waits in it rather than every constraint a long run has queued.
    constexpr std::size_t kDropAt = 4096;
    if (queue_head_ >= kDropAt && 2 * queue_head_ >= queue_.size()) {
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(queue_head_));
      erased_ += queue_head_;
      queue_head_ = 0;
    }
    queue_.push_back(c);
  }
}

bool Propagator::known(VarId var) {
  return graph_.vars[var].kind == VarKind::constant || slot(var).stated;
}

bool Propagator::propagate_quotient(const Constraint& c, ConstraintId id) {
  const VarId q = c.vars[0];
  const VarId a = c.vars[1];
  const VarId b = c.vars[2];
  // When both operands are stated, the relation is computed from them first, so a claim
  // meets what its figures give ("73,566 ÷ 366 days = 201" against "202 a day"). Otherwise
  // the operands come first, so two chains meet on a named quantity (the 2017-18 figure
  // two rises disagree on) rather than on the relation between them.
  const auto narrow_ratio = [&] {
    const auto ratio = divide(current(a), current(b));
    return !ratio || narrow(q, *ratio, id);
  };
  const bool recompute = known(a) && known(b);
  if (recompute && !narrow_ratio()) return false;
  if (const auto divisor = divide(current(a), current(q))) {
    if (!narrow(b, *divisor, id)) return false;
  }
  if (!narrow(a, current(q) * current(b), id)) return false;
  return recompute || narrow_ratio();
}

// d = a − b. As for a quotient: computed from its operands first when both are stated, or
// are rates of stated figures (a difference with `per`), so that the claim meets what its
// figures give ("110 − 60.16 = 49.84" against "more than 50 a day").
bool Propagator::propagate_difference(const Constraint& c, ConstraintId id) {
  const VarId d = c.vars[0];
  const VarId a = c.vars[1];
  const VarId b = c.vars[2];
  const auto given = [&](VarId v) {
    const Variable& var = graph_.vars[v];
    return known(v) ||
           (var.kind == VarKind::quotient && known(var.operands[0]) && known(var.operands[1]));
  };
  const auto narrow_difference = [&] { return narrow(d, current(a) - current(b), id); };
  const bool recompute = given(a) && given(b);
  if (recompute && !narrow_difference()) return false;
  if (!narrow(b, current(a) - current(d), id)) return false;
  if (!narrow(a, current(d) + current(b), id)) return false;
  return recompute || narrow_difference();
}

bool Propagator::propagate_sum(const Constraint& c, ConstraintId id, bool equal) {
  const VarId whole = c.vars[0];
  SideSum lows;
  SideSum highs;
  for (std::size_t i = 1; i < c.vars.size(); ++i) {
    const Interval& part = current(c.vars[i]);
    lows.add(part.lo());
    highs.add(part.hi());
  }
  const Interval parts_sum{lows.all(), equal ? highs.all() : std::nullopt};
  if (!narrow(whole, parts_sum, id)) return false;
  for (std::size_t i = 1; i < c.vars.size(); ++i) {
    const VarId part = c.vars[i];
    const Interval before = current(part);
    const Interval others{lows.without(before.lo()), highs.without(before.hi())};
    Interval rest = current(whole) - others;  // whole − the others
    if (!equal) rest.set_lo(std::nullopt);
    if (!narrow(part, rest, id)) return false;
    const Interval& after = current(part);
    if (!(before == after)) {  // keep the running sums right for the next part
      lows.remove(before.lo());
      lows.add(after.lo());
      highs.remove(before.hi());
      highs.add(after.hi());
    }
  }
  return true;
}

bool Propagator::propagate_less(const Constraint& c, ConstraintId id) {
  const VarId smaller = c.vars[0];
  const VarId larger = c.vars[1];
  if (const auto hi = current(larger).hi()) {
    if (!narrow(smaller, Interval::below(hi->value, true), id)) return false;
  }
  if (const auto lo = current(smaller).lo()) {
    if (!narrow(larger, Interval::above(lo->value, true), id)) return false;
  }
  return true;
}

namespace {

// Is `a` surely above `b` (every value of a greater than every value of b)?
bool surely_above(const Interval& a, const Interval& b) {
  if (!a.lo() || !b.hi()) return false;
  if (a.lo()->value != b.hi()->value) return a.lo()->value > b.hi()->value;
  return a.lo()->open || b.hi()->open;
}

// Can `a` be above `b`?
bool maybe_above(const Interval& a, const Interval& b) {
  if (!a.hi() || !b.lo()) return true;
  if (a.hi()->value != b.lo()->value) return a.hi()->value > b.lo()->value;
  return false;  // a ≤ a.hi = b.lo ≤ b
}

// The n-th largest (1-based) of the given ends; nullopt when it is unbounded (`upper`: a
// missing end is +∞) or there are fewer than n bounded ends (lower ends: a missing one is −∞).
std::optional<Bound> nth_largest(std::vector<std::optional<Bound>> bounds, std::size_t n,
                                 bool upper) {
  const auto missing = static_cast<std::size_t>(
      std::count_if(bounds.begin(), bounds.end(), [](const auto& b) { return !b; }));
  std::erase_if(bounds, [](const auto& b) { return !b; });
  if (upper) {
    if (n <= missing) return std::nullopt;
    n -= missing;
  }
  if (n == 0 || bounds.size() < n) return std::nullopt;
  std::sort(bounds.begin(), bounds.end(), [upper](const auto& x, const auto& y) {
    if (x->value != y->value) return x->value > y->value;
    return upper ? (!x->open && y->open) : (x->open && !y->open);  // the larger first
  });
  return bounds[n - 1];
}

}  // namespace

// A rank (a "second-highest"): at most k = rank − 1 of the others above the record, and,
// exact, at least k. Worked on negated intervals for a rank counted from the lowest.
bool Propagator::propagate_rank(const Constraint& c, ConstraintId id) {
  const auto get = [&](VarId v) { return c.rank_low ? -current(v) : current(v); };
  const auto put = [&](VarId v, const Interval& i) { return narrow(v, c.rank_low ? -i : i, id); };
  const VarId record = c.vars[0];
  const std::size_t k = c.rank - 1;
  std::vector<std::optional<Bound>> lows;
  std::vector<std::optional<Bound>> highs;
  for (std::size_t i = 1; i < c.vars.size(); ++i) {
    lows.push_back(get(c.vars[i]).lo());
    highs.push_back(get(c.vars[i]).hi());
  }
  // At most k above: the record is at least the (k+1)-th largest of the others.
  if (const auto floor = nth_largest(lows, k + 1, false)) {
    if (!put(record, Interval{floor, std::nullopt})) return false;
  }
  // Exactly k above: the record is below the k-th largest of the others.
  if (c.rank_exact && k > 0) {
    if (const auto ceiling = nth_largest(highs, k, true)) {
      if (!put(record, Interval{std::nullopt, Bound{ceiling->value, true}})) return false;
    }
  }
  for (std::size_t i = 1; i < c.vars.size(); ++i) {
    std::size_t above = 0;
    std::size_t may = 0;
    for (std::size_t j = 1; j < c.vars.size(); ++j) {
      if (j == i) continue;
      if (surely_above(get(c.vars[j]), get(record))) ++above;
      if (maybe_above(get(c.vars[j]), get(record))) ++may;
    }
    const Interval own = get(record);
    // k others are above already: this one is not.
    if (above >= k && own.hi() && !put(c.vars[i], Interval{std::nullopt, own.hi()})) return false;
    // Exact and fewer than k others can be above: this one is.
    if (c.rank_exact && may < k && own.lo() &&
        !put(c.vars[i], Interval{Bound{own.lo()->value, true}, std::nullopt})) {
      return false;
    }
  }
  return true;
}

bool Propagator::propagate_shares(const Constraint& c, ConstraintId id) {
  SideSum lows;
  for (const VarId v : c.vars) lows.add(current(v).lo());
  for (const VarId v : c.vars) {
    const auto others = lows.without(current(v).lo());
    if (!others) continue;
    const Interval rest = Interval::below(1, false) - Interval{others, others};
    if (!narrow(v, Interval{std::nullopt, rest.hi()}, id)) return false;
  }
  return true;
}

bool Propagator::propagate(ConstraintId id) {
  const Constraint& c = graph_.constraints[id];
  // Give every variable of the constraint its slot first: references to intervals stay
  // valid while the constraint narrows them.
  for (const VarId v : c.vars) slot(v);
  switch (c.kind) {
    case ConstraintKind::statement:
      // Once applied, a statement holds its variable within its value for the rest of the
      // run (intervals only narrow): applied again it would narrow nothing, make no event
      // and queue nothing, so it is not queued again (the other constraints keep their
      // order, so the events are the same).
      if (settle_statements_) {
        set(id, kSettled);
        settled_list_.push_back(id);
      }
      return narrow(c.vars[0],
                    override_ && override_->first == id ? override_->second : graph_.value_of(c),
                    id);
    case ConstraintKind::quotient:
      return propagate_quotient(c, id);
    case ConstraintKind::sum_eq:
      return propagate_sum(c, id, !(relax_tilings_ && made_by(c, RuleRole::tilings)));
    case ConstraintKind::sum_leq:
      return propagate_sum(c, id, false);
    case ConstraintKind::less:
      return propagate_less(c, id);
    case ConstraintKind::shares_leq_one:
      return propagate_shares(c, id);
    case ConstraintKind::difference:
      return propagate_difference(c, id);
    case ConstraintKind::rank:
      return propagate_rank(c, id);
  }
  return true;
}

Propagator::Outcome Propagator::run(std::span<const ConstraintId> component,
                                    const std::function<bool(FactIndex)>& active,
                                    Recording recording) {
  reset();
  recording_ = recording;
  mask_ = {};
  std::vector<ConstraintId> seeds;
  for (const ConstraintId c : component) {
    const Constraint& constraint = graph_.constraints[c];
    if (constraint.fact && !active(*constraint.fact)) continue;
    set(c, kEnabled);
    enabled_list_.push_back(c);
    if (constraint.fact) seeds.push_back(c);
  }
  return propagate_from(seeds, component);
}

Propagator::Outcome Propagator::run(std::span<const ConstraintId> component,
                                    std::span<const ConstraintId> seeds,
                                    std::span<const char> active, Recording recording) {
  reset();
  recording_ = recording;
  mask_ = active;
  const Outcome outcome = propagate_from(seeds, component);
  mask_ = {};
  resumable_ = recording == Recording::trace && !outcome.exhausted;
  return outcome;
}

std::vector<VarId> Propagator::retract(EventId kept_before) {
  // An event holds while its constraint takes part and every event it was computed from
  // holds; those come before it, so one pass in order decides. Every event that holds was
  // computed from events that held then (a narrowing reads the ends in force, and a retract
  // moves every end off the events it marks), so the events it was computed from hold too,
  // but for those this pass marks. So nothing dies before the first event whose constraint
  // left play (`first`), and after it an event dies of its antecedents only through one at
  // or past `first`: the antecedents before it are not read. A pass where no constraint
  // left play (a run that only adds facts) reads no antecedent and moves no end. The search
  // for `first` starts at `kept_before`, where the caller knows it cannot be before.
  dead_.resize(events_.size(), 0);
  const auto count = static_cast<EventId>(events_.size());
  EventId first = std::min(kept_before, count);
  while (first < count && (dead_[first] != 0 || enabled(events_[first].cause))) ++first;
  // Marks the events from `from` on that no longer hold, reading only the antecedents at or
  // past `from` (from 0: every antecedent, the whole pass), and lists the slots of their
  // variables in `died` when given.
  const auto mark = [&](std::vector<char>& dead, EventId from, std::vector<std::uint32_t>* died) {
    for (EventId e = from; e < count; ++e) {
      if (dead[e]) continue;
      bool dies = !enabled(events_[e].cause);
      if (!dies) {
        const std::span<const EventId> computed_from = antecedents(events_[e]);  // in id order
        for (auto a = computed_from.rbegin(); a != computed_from.rend() && *a >= from; ++a) {
          if (dead[*a]) {
            dies = true;
            break;
          }
        }
      }
      if (!dies) continue;
      dead[e] = 1;
      if (died) died->push_back(slot_of_[facts_->place_of(events_[e].var)]);  // touched
    }
  };
#ifndef NDEBUG
  // Debug builds check the shortcut against the whole pass.
  std::vector<char> whole = dead_;
  mark(whole, 0, nullptr);
#endif
  std::vector<std::uint32_t> died;
  mark(dead_, first, &died);
#ifndef NDEBUG
  if (whole != dead_)
    throw std::logic_error("Propagator::retract: the shortcut marked other events");
  // Debug builds check that no end in force is left on an event that died.
  const auto check_ends = [&] {
    for (const VarId v : touched_) {
      const Slot& s = slots_[slot_index(v)];
      if ((s.lower != kNoEvent && dead_[s.lower]) || (s.upper != kNoEvent && dead_[s.upper]))
        throw std::logic_error("Propagator::retract: an end in force on an event that died");
    }
  };
#endif
  if (first == count) {
#ifndef NDEBUG
    check_ends();
#endif
    return {};
  }
  // An end in force is on an event that held before this pass (a retract moves every end
  // off the events it marks), so only the variables of the events it marked can have one
  // to move back: they are taken in the order a pass over every touched variable takes
  // them (a slot's index is its place in touched_), so the constraints are queued again in
  // the same order.
  std::sort(died.begin(), died.end());
  died.erase(std::unique(died.begin(), died.end()), died.end());
  std::vector<VarId> relaxed;
  for (const std::uint32_t index : died) {
    const VarId v = touched_[index];
    Slot& s = slots_[index];
    bool back = false;
    if (s.lower != kNoEvent && dead_[s.lower]) {
      EventId e = s.lower;
      while (e != kNoEvent && dead_[e]) e = events_[e].prev_lower;
      s.lower = e;
      s.domain.set_lo(e == kNoEvent ? initial_domain(graph_, v).lo() : after_lower(e));
      back = true;
    }
    if (s.upper != kNoEvent && dead_[s.upper]) {
      EventId e = s.upper;
      while (e != kNoEvent && dead_[e]) e = events_[e].prev_upper;
      s.upper = e;
      s.domain.set_hi(e == kNoEvent ? initial_domain(graph_, v).hi() : after_upper(e));
      back = true;
    }
    if (back) relaxed.push_back(v);
  }
#ifndef NDEBUG
  check_ends();
#endif
  return relaxed;
}

Propagator::Outcome Propagator::resume(std::span<const ConstraintId> component,
                                       std::span<const ConstraintId> seeds,
                                       std::span<const char> active, EventId kept_before) {
  recording_ = Recording::trace;
  mask_ = active;
  event_count_ = 0;
  diverged_ = false;
  Outcome outcome;
  for (const VarId v : retract(kept_before)) {
    for (const ConstraintId c : graph_.constraints_of(v)) {
      unset(c, kSettled);  // a statement of a variable whose end went back applies again
      enqueue(c);
    }
  }
  if (contradiction_) {
    // Its variable is still empty when both its ends still hold.
    Slot& s = slot(contradiction_->var);
    if (s.domain.is_empty()) {
      contradiction_ = Contradiction{contradiction_->var, s.lower, s.upper};
      outcome.contradiction = contradiction_;
      mask_ = {};
      return outcome;
    }
    contradiction_.reset();
  }
  for (const ConstraintId c : seeds) unset(c, kSettled);
  queue_seeds(seeds);
  outcome = propagate_queue(component.size());
  mask_ = {};
  resumable_ = !outcome.exhausted;
  return outcome;
}

void Propagator::begin(std::span<const ConstraintId> seeds, std::span<const char> active) {
  reset();
  recording_ = Recording::trace;
  mask_ = active;
  queue_seeds(seeds);
  mask_ = {};
}

Propagator::Outcome Propagator::advance(std::span<const ConstraintId> component,
                                        std::size_t entries, std::span<const char> active) {
  mask_ = active;
  const Outcome outcome = propagate_queue(component.size(), entries);
  mask_ = {};
  return outcome;
}

Propagator::Outcome Propagator::go_on_from(const Propagator& paused, std::size_t pending,
                                           std::span<const ConstraintId> component,
                                           std::span<const ConstraintId> added,
                                           std::span<const char> active) {
  reset();
  recording_ = Recording::trace;
  take_state(paused);
  // Its queue, the added seeds among the waiting ones in queue_seeds' order (the figures
  // first, each part in id order).
  const auto seed_order = [&](ConstraintId a, ConstraintId b) {
    if (facts_->figure(a) != facts_->figure(b)) return facts_->figure(a);
    return a < b;
  };
  std::vector<ConstraintId> in_order(added.begin(), added.end());
  std::sort(in_order.begin(), in_order.end(), seed_order);
  const auto waiting = paused.queue_.begin() + static_cast<std::ptrdiff_t>(paused.queue_head_);
  const auto seeds_end = waiting + static_cast<std::ptrdiff_t>(pending);
  std::merge(waiting, seeds_end, in_order.begin(), in_order.end(), std::back_inserter(queue_),
             seed_order);
  queue_.insert(queue_.end(), seeds_end, paused.queue_.end());
  for (const ConstraintId c : queue_) set(c, kQueued);
  for (const ConstraintId c : added)
    if (facts_->figure(c)) slot(graph_.constraints[c].vars[0]).stated = true;
  mask_ = active;
  const Outcome outcome = propagate_queue(component.size());
  mask_ = {};
  resumable_ = !outcome.exhausted;
  return outcome;
}

Propagator::Outcome Propagator::go_on_later(const Propagator& paused, std::size_t pending,
                                            std::size_t queued_before,
                                            std::span<const ConstraintId> component,
                                            std::span<const ConstraintId> added,
                                            std::span<const char> active) {
  const auto later = later_var(added);
  if (!later)
    throw std::logic_error("Propagator::go_on_later: not statements of one variable and value");
  const VarId var = *later;
  std::vector<ConstraintId> statements;
  std::vector<ConstraintId> claims;
  for (const ConstraintId c : added) (facts_->figure(c) ? statements : claims).push_back(c);
  // Where the entries `paused` queued since `queued_before` begin, in its waiting queue.
  const std::size_t taken = paused.erased_ + paused.queue_head_;
  if (queued_before < taken + pending || queued_before > paused.queued_so_far())
    throw std::logic_error("Propagator::go_on_later: the position is not among the queued");
  const std::size_t between = queued_before - taken;
  reset();
  recording_ = Recording::trace;
  take_state(paused);
  // Its queue as `paused` has it; the added statements wait as seeds do until applied.
  queue_.assign(paused.queue_.begin() + static_cast<std::ptrdiff_t>(paused.queue_head_),
                paused.queue_.end());
  for (const ConstraintId c : queue_) set(c, kQueued);
  for (const ConstraintId c : added) set(c, kQueued);
  slot(var).stated = true;
  mask_ = active;
  Outcome outcome;
  requeued_ = false;
  for (const ConstraintId c : statements) {  // the first narrows; the others, of its value, not
    unset(c, kQueued);
    ++visits_;
    if (!propagate(c)) {
      outcome.contradiction = contradiction_;
      mask_ = {};
      resumable_ = true;
      return outcome;
    }
  }
  if (requeued_) {
    // A run from the start queues the variable's constraints at the first added statement,
    // before those the steps between queued: each of them queued since `queued_before`
    // (by the steps between, or just now) moves there, in the order the variable lists
    // them.
    std::vector<ConstraintId> of_var(graph_.constraints_of(var).begin(),
                                     graph_.constraints_of(var).end());
    std::sort(of_var.begin(), of_var.end());
    std::vector<ConstraintId> moved;
    std::vector<ConstraintId> rest;
    for (std::size_t i = between; i < queue_.size(); ++i)
      (std::binary_search(of_var.begin(), of_var.end(), queue_[i]) ? moved : rest)
          .push_back(queue_[i]);
    if (!moved.empty()) {
      std::sort(moved.begin(), moved.end());
      queue_.resize(between);
      for (const ConstraintId c : graph_.constraints_of(var))
        if (std::binary_search(moved.begin(), moved.end(), c)) queue_.push_back(c);
      queue_.insert(queue_.end(), rest.begin(), rest.end());
    }
  }
  // The added claims among the waiting claims, in id order (they wait in the queue from the
  // start, as the seeds of a run from the start do; the figures of `paused` that still wait
  // come first).
  if (!claims.empty()) {
    std::sort(claims.begin(), claims.end());
    std::vector<ConstraintId> seeds;
    const auto seed_order = [&](ConstraintId a, ConstraintId b) {
      if (facts_->figure(a) != facts_->figure(b)) return facts_->figure(a);
      return a < b;
    };
    std::merge(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(pending),
               claims.begin(), claims.end(), std::back_inserter(seeds), seed_order);
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(pending));
    queue_.insert(queue_.begin(), seeds.begin(), seeds.end());
  }
  outcome = propagate_queue(component.size());
  mask_ = {};
  resumable_ = !outcome.exhausted;
  return outcome;
}

std::optional<VarId> Propagator::later_var(std::span<const ConstraintId> added) const {
  const Constraint* first = nullptr;
  for (const ConstraintId c : added) {
    if (!facts_->figure(c)) continue;
    const Constraint& constraint = graph_.constraints[c];
    if (!first) first = &constraint;
    if (constraint.kind != ConstraintKind::statement || constraint.vars[0] != first->vars[0] ||
        !(graph_.value_of(constraint) == graph_.value_of(*first)))
      return std::nullopt;
  }
  if (!first) return std::nullopt;
  return first->vars[0];
}

void Propagator::take_state(const Propagator& paused) {
  // The variables, the events and the statements applied, as `paused` has them.
  if (slot_of_.size() < paused.slot_of_.size()) slot_of_.resize(paused.slot_of_.size(), kNoSlot);
  for (const VarId v : paused.touched_) {
    const std::uint32_t place = facts_->place_of(v);
    slot_of_[place] = paused.slot_of_[place];
  }
  touched_ = paused.touched_;
  slots_ = paused.slots_;
  events_ = paused.events_;
  after_at_ = paused.after_at_;
  after_ends_ = paused.after_ends_;
  antecedent_pool_ = paused.antecedent_pool_;
  settled_list_ = paused.settled_list_;
  for (const ConstraintId c : settled_list_) set(c, kSettled);
  event_count_ = paused.event_count_;
  diverged_ = paused.diverged_;
}

Propagator::Outcome Propagator::propagate_from(std::span<const ConstraintId> seeds,
                                               std::span<const ConstraintId> component) {
  queue_seeds(seeds);
  return propagate_queue(component.size());
}

void Propagator::queue_seeds(std::span<const ConstraintId> seeds) {
  // Propagation starts from what the facts say: the figures first, then the claims on
  // them, so a claim meets what its figures already give (a rate "202 a day" against the
  // 201 of its count), which is how an editor checks it.
  for (const bool figures : {true, false}) {
    for (const ConstraintId c : seeds) {
      if (facts_->figure(c) != figures) continue;
      enqueue(c);
      if (figures) slot(graph_.constraints[c].vars[0]).stated = true;
    }
  }
}

Propagator::Outcome Propagator::propagate_queue(std::size_t component_size, std::size_t entries) {
  // A run restricted to a support is bounded by the support's size.
  const std::size_t size = restricted_ ? within_list_.size() : component_size;
  const std::size_t budget = limits_.events_per_constraint * size + 10000;
  Outcome outcome;
  while (queue_head_ < queue_.size()) {
    if (entries-- == 0) return outcome;
    const ConstraintId c = queue_[queue_head_++];
    unset(c, kQueued);
    if (!enabled(c)) continue;  // its fact left play since it was queued (resume)
    ++visits_;
    if (!propagate(c)) {
      outcome.contradiction = contradiction_;
      return outcome;
    }
    if (event_count_ > budget) {
      outcome.exhausted = true;
      return outcome;
    }
  }
  outcome.exhausted = diverged_;
  return outcome;
}

std::vector<EventId> Propagator::derivation(std::span<const EventId> roots) const {
  std::vector<char> seen(events_.size(), 0);
  std::vector<EventId> stack;
  for (const EventId r : roots) {
    if (r != kNoEvent && !seen[r]) {
      seen[r] = 1;
      stack.push_back(r);
    }
  }
  while (!stack.empty()) {
    const EventId e = stack.back();
    stack.pop_back();
    for (const EventId a : antecedents(events_[e])) {
      if (!seen[a]) {
        seen[a] = 1;
        stack.push_back(a);
      }
    }
  }
  std::vector<EventId> out;
  for (EventId e = 0; e < events_.size(); ++e) {
    if (seen[e]) out.push_back(e);
  }
  return out;
}

}  // namespace cc
