#pragma once
// Interval propagation to a fixpoint over one component of the fact graph. Each
// constraint narrows each of its variables from the others; counts are narrowed to whole
// numbers. With recording on, every narrowing is logged with its cause and the bounds it
// was computed from, so a contradiction can be traced back to the facts behind it.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "graph/fact_graph.h"
#include "solve/packed_bounds.h"

namespace cc {

using EventId = std::uint32_t;
constexpr EventId kNoEvent = 0xffffffffu;

#ifdef NDEBUG
inline constexpr bool kCheckPlaces = false;
#else
inline constexpr bool kCheckPlaces = true;  // Propagator::slot
#endif

// One narrowing of a variable's interval: which constraint made it, from which earlier
// narrowings. A constraint narrows both ends at once.
struct Event {
  VarId var = 0;
  ConstraintId cause = 0;
  bool lower = false;  // narrowed the lower end
  bool upper = false;  // narrowed the upper end
  std::uint32_t antecedents_begin = 0;
  std::uint32_t antecedents_end = 0;
  // The events that set the variable's ends before this one (kNoEvent: the initial ends),
  // so an end can go back to what still holds when facts leave play (Propagator::resume).
  EventId prev_lower = kNoEvent;
  EventId prev_upper = kNoEvent;
};

// What a narrowing computed, kept when the steps are to be written.
struct EventDetail {
  Interval computed;  // what the constraint implied for the variable
  Interval before;    // the variable's interval before this narrowing
};

// How much a run keeps: nothing, the events (to trace a contradiction to its facts), or
// the events with their intervals (to write the steps).
enum class Recording { none, trace, full };

struct Contradiction {
  VarId var = 0;
  EventId lower = kNoEvent;  // the event that set the lower end in force (kNoEvent: the default)
  EventId upper = kNoEvent;
};

struct PropagationLimits {
  std::size_t events_per_constraint = 200;  // work budget: events ≤ this × constraints + 10,000
  std::size_t max_bound_bits = 4096;        // bounds growing past this are rounded outward
};

// What a propagator reads of each constraint on every enqueue: its fact and whether it is
// a fact's figure; and of each variable, its place among its component's. Read-only once
// made, so the propagators of a solve share one.
// - A constraint's fact is read from the constraint itself (it was copied into an array of
//   4 bytes a constraint, 6.9 MB at 1M facts); whether it is a fact's figure is kept, a byte
//   a constraint, since sorting the seeds reads it in every comparison.
// - A variable's place numbers the variables of one component from 0, after the constants
//   (shared by every component, numbered first, in variable order). A propagator
//   finds a variable's slot at its place, in an array as long as the largest component it
//   has run on, not as the graph's variables (4 bytes a variable held once, not once a
//   propagator: 2.2 MB at 1M facts, and a solve holds four to seven propagators).
class ConstraintFacts {
 public:
  explicit ConstraintFacts(const FactGraph& graph);
  static constexpr std::uint32_t kNoFact = OptionalFact::kNone;
  static constexpr std::uint32_t kNoPlace = 0xffffffffu;  // a variable no constraint binds
  [[nodiscard]] std::uint32_t fact_of(ConstraintId c) const { return *constraints_[c].fact; }
  [[nodiscard]] bool figure(ConstraintId c) const { return figure_[c] != 0; }
  [[nodiscard]] std::uint32_t place_of(VarId var) const { return place_[var]; }

 private:
  std::span<const Constraint> constraints_;
  std::vector<char> figure_;          // by constraint: a fact's figure (made by `figures`)
  std::vector<std::uint32_t> place_;  // by variable
};

class Propagator {
 public:
  explicit Propagator(const FactGraph& graph, PropagationLimits limits = {});
  // Sharing `facts` (made from this graph) with the other propagators of a solve.
  Propagator(const FactGraph& graph, std::shared_ptr<const ConstraintFacts> facts,
             PropagationLimits limits = {});

  struct Outcome {
    std::optional<Contradiction> contradiction;
    bool exhausted = false;  // the work budget ran out before a fixpoint
  };

  // Propagates the constraints of `component` until a fixpoint, a contradiction or the
  // work bound; constraints that belong to a fact take part only when `active(fact)`.
  // Resets the domains it touched on the previous run.
  Outcome run(std::span<const ConstraintId> component, const std::function<bool(FactIndex)>& active,
              Recording recording);
  // The same run, with the facts in play given as a mask indexed by fact (nonzero: in
  // play) and `seeds`: the constraints of those facts in this component, in id order. The
  // events are the same as the run above makes with the same facts; it only skips
  // visiting every constraint of the component to enable it, so a run on a few facts
  // costs what their narrowings reach (the component sets only the work bound).
  Outcome run(std::span<const ConstraintId> component, std::span<const ConstraintId> seeds,
              std::span<const char> active, Recording recording);

  // Goes on from the state the last traced run on `component` ended in (a fixpoint, or a
  // contradiction) to the facts in play in `active` now: the events of the facts that
  // left play, and every event derived from one, no longer hold, so each end they set goes
  // back to the last event that still holds, and the constraints of those variables are
  // queued again; `seeds`, the constraints of the facts that came into play (in id order),
  // are queued as a run's seeds are; then it propagates as a run does. Runs end at the
  // common fixpoint of their constraints, so it ends where a run from the start on the
  // same facts would (its contradiction, when there is one, may be another one), at the
  // cost of what changed. Recording::trace; `resumable()` says whether the last run allows it.
  // `kept_before`: the caller knows that no constraint of the events before it left play
  // since (every fact that left play came into play at or after that event, as a probe
  // that puts a fact in and takes it out again knows; `recorded()` then), so their causes
  // are not read again. Debug builds check it.
  Outcome resume(std::span<const ConstraintId> component, std::span<const ConstraintId> seeds,
                 std::span<const char> active, EventId kept_before = 0);
  [[nodiscard]] bool resumable() const { return resumable_; }
  // The events recorded so far (Recording::trace): a `kept_before` for a later resume.
  [[nodiscard]] EventId recorded() const { return static_cast<EventId>(events_.size()); }

  // A traced run taken in two steps, so that many runs which share their first steps take
  // them once (docs/ARCHITECTURE.md, "Solving"). `begin` queues the seeds as run() does
  // and propagates nothing; `advance` then takes up to `entries` more constraints from the
  // queue (stopping early at a contradiction or the work bound), with the facts in play in
  // `active`. `go_on_from` makes this propagator the state of `paused` (begun on the same
  // component and advanced only within its seeds: `pending` of them still wait), with the
  // seeds `added` (the constraints of facts that came into play since, in id order) queued
  // among the waiting seeds where a run given them all would have queued them, and
  // propagates on, traced, as a run does. When no constraint taken so far reads whether an
  // added figure's variable is stated (a statement does not), the events are those of
  // run() on the facts of `active` now: up to where `paused` stopped, such a run takes the
  // same constraints with the same intervals (an added fact's constraints wait in the
  // queue, and a narrowing that would queue one finds it queued).
  void begin(std::span<const ConstraintId> seeds, std::span<const char> active);
  Outcome advance(std::span<const ConstraintId> component, std::size_t entries,
                  std::span<const char> active);
  Outcome go_on_from(const Propagator& paused, std::size_t pending,
                     std::span<const ConstraintId> component, std::span<const ConstraintId> added,
                     std::span<const char> active);
  // The same, where the figures of `added` are statements of one variable, all of one
  // value, and `paused` has gone on past where a run from the start takes the first of
  // them, but not past the first seed of its own that states that variable nor into the
  // claims: the steps between are statements of other variables, which neither read the
  // variable nor are read by what the added statements do, so the added statements are
  // applied here, after them. The constraints their narrowing queues are put in the queue
  // where a run from the start queues them: at `queued_before`, the position in `paused`'s
  // queue (`queued_so_far()`) when it stood at that first seed. The added claims wait among
  // its claims. From there it propagates on as go_on_from does: the same events as run()
  // on the facts of `active` now, with the same antecedents and intervals, but for where
  // the added statements' events come among the steps between (their ids).
  // The variable the figures among `added` state, when there is one and they are all
  // statements of it with one value (one figure and its copies; claims beside them may be
  // any): the seeds go_on_later takes. nullopt otherwise.
  [[nodiscard]] std::optional<VarId> later_var(std::span<const ConstraintId> added) const;
  Outcome go_on_later(const Propagator& paused, std::size_t pending, std::size_t queued_before,
                      std::span<const ConstraintId> component, std::span<const ConstraintId> added,
                      std::span<const char> active);
  // How many constraints have been queued since the run began (entries taken from the
  // queue included): a position in the queue that later steps do not move.
  [[nodiscard]] std::size_t queued_so_far() const { return erased_ + queue_.size(); }
  // Is `c` a fact's figure (a seed queued before the claims)?
  [[nodiscard]] bool figure(ConstraintId c) const { return facts_->figure(c); }
  // A propagator of the same graph, limits and shared table, with nothing run.
  [[nodiscard]] Propagator sibling() const { return Propagator(graph_, facts_, limits_); }

  // A variable's interval now (its initial interval when no run has narrowed it).
  [[nodiscard]] Interval domain(VarId var) const;
  [[nodiscard]] const std::vector<Event>& events() const { return events_; }
  // The variables the runs since the last run from the start touched, in the order they
  // were first touched; every other variable has its initial interval.
  [[nodiscard]] std::span<const VarId> touched() const { return touched_; }
  // With Recording::full only.
  [[nodiscard]] const EventDetail& detail(EventId event) const { return details_[event]; }
  [[nodiscard]] const std::vector<EventDetail>& details() const { return details_; }
  [[nodiscard]] std::span<const EventId> antecedents(const Event& event) const;
  // The event that last narrowed the lower (upper) end of `var`, or kNoEvent.
  [[nodiscard]] EventId lower_event(VarId var) const;
  [[nodiscard]] EventId upper_event(VarId var) const;
  // Every event in the derivation of `roots` (the roots included), in order.
  [[nodiscard]] std::vector<EventId> derivation(std::span<const EventId> roots) const;

  [[nodiscard]] static Interval initial_domain(const FactGraph& graph, VarId var);

  // With this on, periods that tile a span only bound it from below (Σ tiles ≤ span), as
  // if the span could hold more: a contradiction that remains is a part exceeding its
  // whole, one that goes needed the sum (explain uses this to name the rule).
  void relax_tilings(bool relax) { relax_tilings_ = relax; }

  // Runs until cleared read one statement as another interval: a doubted figure with the
  // value a slip would correct it to (solve/slips.cc tests whether that makes it agree).
  void override_statement(ConstraintId statement, Interval value) {
    override_ = std::pair(statement, std::move(value));
  }
  void clear_override() { override_.reset(); }

  // Until cleared, only the constraints of `support` take part in a run (those of a fact
  // only while it is in play too): a shrinking probe on a contradiction's own support
  // (the constraints its derivation went through) costs what the support holds, not what
  // its facts' narrowings reach in the whole component. A run on a part of the
  // constraints narrows no more than one on all of them (they end at a common fixpoint
  // and intervals only narrow), so a contradiction it meets is one of the component.
  // Setting and clearing cost the support's size.
  void restrict_to(std::span<const ConstraintId> support);
  void clear_restriction();
  [[nodiscard]] bool restricted() const { return restricted_; }

  // A statement applied once in a run is not queued again: applied again it could narrow
  // nothing (intervals only narrow), so the events and their order are the same either
  // way. Off, it is queued again as any constraint is (tests compare the two).
  void settle_statements(bool settle) { settle_statements_ = settle; }
  // How many times, since the propagator was made, a settled statement was not queued.
  [[nodiscard]] std::size_t statements_not_requeued() const { return not_requeued_; }
  // How many constraints its runs have applied, since the propagator was made (what a run
  // costs, counted).
  [[nodiscard]] std::size_t visits() const { return visits_; }

  // Forgets the last run and gives back the memory its variables and events took (a run on
  // a large component leaves arrays sized for it; kept, they would stay held while the
  // thread solves the small components that follow). A run after it starts from scratch.
  void release();
  // The bytes the propagator holds itself (not the shared ConstraintFacts): its flags by
  // constraint (a byte a constraint) and what its runs left allocated, `run_bytes()` (its
  // slots by place among them), which release() gives back.
  [[nodiscard]] std::size_t bytes_held() const;
  [[nodiscard]] std::size_t run_bytes() const;
  // The length of its array of slots by place (ConstraintFacts::place_of): at most twice
  // the constants and the variables of the largest component it ran on since release().
  [[nodiscard]] std::size_t places() const { return slot_of_.size(); }

 private:
  // The state of a variable a run has touched. Untouched variables have no slot, so
  // memory grows with the part of the graph a run reaches, not with the graph.
  struct Slot {
    Interval domain;
    EventId lower = kNoEvent;
    EventId upper = kNoEvent;
    bool stated = false;  // an active figure states this variable
  };
  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
  static constexpr std::uint32_t kNoFact = ConstraintFacts::kNoFact;
  // A constraint's state in the current run, one byte of bits per constraint (were four
  // arrays of one byte each).
  enum Flag : std::uint8_t {
    kQueued = 1,   // in the queue
    kSettled = 2,  // a statement already applied in this run (never queued again)
    kEnabled = 4,  // taking part (runs given an `active` function)
    kWithin = 8,   // within the support the run is restricted to (restrict_to)
  };
  [[nodiscard]] bool has(ConstraintId c, Flag flag) const { return (flags_[c] & flag) != 0; }
  void set(ConstraintId c, Flag flag) { flags_[c] |= flag; }
  void unset(ConstraintId c, Flag flag) { flags_[c] &= static_cast<std::uint8_t>(~flag); }

  void reset();
  // The slot of `var` (in the current run's component, or a constant), made when it has
  // none. Found here, inline, where it has one (every narrowing reads its constraint's
  // variables' slots); made by make_slot. Debug builds check that the slot at the
  // variable's place is its own (a run touches its component's variables and the constants
  // only, each at its own place; make_slot says so when not).
  Slot& slot(VarId var) {
    const std::uint32_t place = facts_->place_of(var);
    if (place < slot_of_.size()) {
      const std::uint32_t index = slot_of_[place];
      if (index != kNoSlot && (!kCheckPlaces || touched_[index] == var)) return slots_[index];
    }
    return make_slot(var);
  }
  Slot& make_slot(VarId var);
  // The index of its slot in slots_ (and of it in touched_), or kNoSlot.
  [[nodiscard]] std::uint32_t slot_index(VarId var) const {
    const std::uint32_t place = facts_->place_of(var);
    if (place >= slot_of_.size()) return kNoSlot;
    const std::uint32_t index = slot_of_[place];
    // A variable of another component at the same place has none here.
    return index != kNoSlot && touched_[index] == var ? index : kNoSlot;
  }
  // Only valid until the next slot is made: propagate() makes the slots of a constraint's
  // variables before narrowing any of them.
  [[nodiscard]] const Interval& current(VarId var) { return slot(var).domain; }
  // Narrows var to `computed`; returns false when the domain became empty.
  bool narrow(VarId var, const Interval& computed, ConstraintId cause);
  bool propagate(ConstraintId c);
  bool propagate_quotient(const Constraint& c, ConstraintId id);
  [[nodiscard]] bool known(VarId var);  // stated by a figure, or a constant
  bool propagate_sum(const Constraint& c, ConstraintId id, bool equal);
  bool propagate_difference(const Constraint& c, ConstraintId id);
  bool propagate_less(const Constraint& c, ConstraintId id);
  bool propagate_shares(const Constraint& c, ConstraintId id);
  bool propagate_rank(const Constraint& c, ConstraintId id);
  void enqueue(ConstraintId c);
  [[nodiscard]] bool enabled(ConstraintId c) const {
    if (restricted_ && !has(c, kWithin)) return false;
    if (!mask_.data()) return has(c, kEnabled);
    const std::uint32_t fact = facts_->fact_of(c);
    return fact == kNoFact || mask_[fact] != 0;
  }
  // Queues the seeds (the figures first) and propagates to a fixpoint, a contradiction or
  // the work bound.
  Outcome propagate_from(std::span<const ConstraintId> seeds,
                         std::span<const ConstraintId> component);
  void queue_seeds(std::span<const ConstraintId> seeds);
  // go_on_from and go_on_later: the variables, events and statements applied of `paused`.
  void take_state(const Propagator& paused);
  // At most `entries` constraints are taken from the queue.
  Outcome propagate_queue(std::size_t component_size,
                          std::size_t entries = static_cast<std::size_t>(-1));
  // Marks the events that no longer hold with the facts in play now; returns the variables
  // whose ends went back. No constraint of the events before `kept_before` left play.
  std::vector<VarId> retract(EventId kept_before = 0);
  // Did a narrowing from (before_lo, before_hi) to `after` move an end enough to queue the
  // variable's constraints again?
  [[nodiscard]] static bool significant(const OptionalBound& before_lo,
                                        const OptionalBound& before_hi, const Interval& after,
                                        bool integer);
  [[nodiscard]] Interval simplify(Interval interval);
  [[nodiscard]] bool needs_simplify(const Interval& interval) const;

  const FactGraph& graph_;
  PropagationLimits limits_;
  std::vector<std::uint32_t> slot_of_;  // by place (ConstraintFacts::place_of): its slot
  std::vector<Slot> slots_;
  std::vector<VarId> touched_;
  std::vector<Event> events_;
  std::vector<EventDetail> details_;
  Recording recording_ = Recording::none;
  std::vector<EventId> antecedent_pool_;
  std::vector<std::uint8_t> flags_;  // by constraint: Flag bits
  std::vector<ConstraintId> settled_list_;
  bool settle_statements_ = true;
  std::size_t not_requeued_ = 0;
  std::size_t visits_ = 0;
  std::vector<ConstraintId> queue_;
  std::size_t queue_head_ = 0;
  std::size_t erased_ = 0;  // entries taken and dropped from the queue's front since reset()
  bool requeued_ = false;   // a narrowing queued its variable's constraints (go_on_later)
  std::vector<ConstraintId> enabled_list_;
  std::shared_ptr<const ConstraintFacts> facts_;
  std::span<const char> mask_;  // the facts in play, during a run given a mask
  std::vector<ConstraintId> within_list_;
  bool restricted_ = false;
  std::optional<Contradiction> contradiction_;
  std::size_t event_count_ = 0;
  bool relax_tilings_ = false;
  std::optional<std::pair<ConstraintId, Interval>> override_;
  bool diverged_ = false;  // a bound grew past any statistic and was let go
  // With Recording::trace, by event: the ends it set (Propagator::resume), and whether it
  // still holds. An event's ends are at after_ends_[after_at_[e]], its lower end first when
  // it set one: 4 bytes an event and 8 an end set, packed (an OptionalBound is 24 bytes, an
  // Interval an event was 48).
  std::vector<std::uint32_t> after_at_;
  PackedBounds after_ends_;
  std::vector<char> dead_;
  bool resumable_ = false;
  // The lower (upper) end event `e` set; it set one.
  [[nodiscard]] OptionalBound after_lower(EventId e) const { return after_ends_[after_at_[e]]; }
  [[nodiscard]] OptionalBound after_upper(EventId e) const {
    return after_ends_[after_at_[e] + (events_[e].lower ? 1 : 0)];
  }
};

}  // namespace cc
