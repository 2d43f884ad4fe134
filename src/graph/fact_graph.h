#pragma once
// The fact graph: a factor graph of variables (quantities) and constraints. A variable
// is a stated or named quantity (a key), a relation between quantities (a quotient such
// as a share, a change or a ratio; a rate; a sum), or a constant. A constraint binds
// variables: a fact's statement, a relation's definition, or an inference of FORMAT §5.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "graph/compact_optional.h"
#include "graph/var_list.h"
#include "model/fact.h"
#include "model/interval.h"

namespace cc {

using ConstraintId = std::uint32_t;

enum class VarKind : std::uint8_t {
  key,         // a quantity named by a key
  quotient,    // operands[0] / operands[1]: shares, changes (to/from), ratios, rates, intervals
  sum,         // the sum of operands (a `total` claim)
  difference,  // operands[0] − operands[1]: a `difference` claim (to − from); may be negative
  constant,    // a fixed number (a period's length in a unit)
  anonymous,   // an unnamed quantity (a share's missing part)
};

using OptionalFact = CompactOptional<FactIndex>;

// 32 bytes, two of them padding after the flags (56 with a std::vector of operands, a
// std::optional and a Rational in every variable; docs/ARCHITECTURE.md, "The graph"). A
// constant's value is in FactGraph::constants (a few period lengths in a whole base).
struct Variable {
  VarKind kind = VarKind::key;
  bool integer = false;              // a count: narrowed to whole numbers
  KeyId key = 0;                     // VarKind::key
  OptionalFact defined_by;           // the first relation claim naming this quotient/sum/…
  std::uint32_t constant_index = 0;  // VarKind::constant: its value, FactGraph::constants[…]
  VarList operands;                  // quotient: {numerator, denominator}; sum: the terms;
                     // difference: {minuend, subtrahend} (to, from); inline up to three
};

enum class ConstraintKind : std::uint8_t {
  statement,       // vars[0] ∈ value                         (a fact's own value)
  quotient,        // vars[0] = vars[1] / vars[2]            (a relation's definition)
  sum_eq,          // vars[0] = Σ vars[1..]                   (a total, periods tiling a span)
  sum_leq,         // Σ vars[1..] ≤ vars[0]                   (parts inside a whole)
  less,            // vars[0] < vars[1]                       (a record: earlier < record)
  shares_leq_one,  // Σ vars ≤ 1                         (shares of disjoint parts)
  difference,      // vars[0] = vars[1] − vars[2]            (a difference's definition)
  rank,            // at most `rank` − 1 of vars[1..] lie above vars[0] (below, with
                   // `rank_low`); exactly that many with `rank_exact` (a second-highest)
};

// Which inference rule made a constraint: its index in the rule registry
// (rules/all_rules.cc), which owns the rules' names. The graph knows no rule; the builder
// stamps each constraint with the rule that is running.
using RuleIndex = std::uint16_t;

// A constraint with no interval of its own (Constraint::value).
inline constexpr std::uint32_t kNoValue = std::numeric_limits<std::uint32_t>::max();

// Fields ordered so that it has no padding: 32 bytes (48 with a VarList of four inline, a
// std::optional fact and three bools). The interval of a statement (the fact's value in the
// variable's terms) is kept apart, in FactGraph::values: only statements have one, an
// Interval is 48 bytes, and the builder keeps each distinct interval once
// (FactGraph::value_of reads it).
struct Constraint {
  VarList vars;                    // inline up to three
  OptionalFact fact;               // statements and record claims belong to a fact
  std::uint32_t rank = 0;          // rank: the place claimed (2: the second-highest)
  std::uint32_t value = kNoValue;  // statement: its interval, FactGraph::values[value]
  RuleIndex rule = 0;              // the registered rule that made it
  ConstraintKind kind = ConstraintKind::statement;
  bool strict_upper : 1 = false;  // sum_leq with a strict bound is not needed yet; reserved
  bool rank_low : 1 = false;      // rank: counted from the lowest
  bool rank_exact : 1 = false;    // rank: the whole series is known, so exactly rank − 1
};

static_assert(sizeof(Variable) == 32 && sizeof(Constraint) == 32);

// The variable each fact states, by fact: 4 bytes a fact, where a hash map of them held a
// node and a bucket (about 24 bytes) for every fact of the base. Read like the map it
// replaces: `emplace` keeps the first variable set, a range-for yields (fact, variable)
// pairs, in fact order.
class FactVars {
 public:
  static constexpr VarId kNone = std::numeric_limits<VarId>::max();

  void reserve(std::size_t facts) { vars_.reserve(facts); }
  // Gives `fact` the variable `var` unless it has one; true when it did.
  bool emplace(FactIndex fact, VarId var) {
    VarId& slot = at(fact);
    if (slot != kNone) return false;
    slot = var;
    return true;
  }
  VarId& operator[](FactIndex fact) { return at(fact); }
  [[nodiscard]] std::optional<VarId> var_of(FactIndex fact) const {
    if (fact >= vars_.size() || vars_[fact] == kNone) return std::nullopt;
    return vars_[fact];
  }

  class Iterator {
   public:
    Iterator(const std::vector<VarId>& vars, std::size_t at) : vars_(&vars), at_(at) { skip(); }
    [[nodiscard]] std::pair<FactIndex, VarId> operator*() const {
      return {static_cast<FactIndex>(at_), (*vars_)[at_]};
    }
    Iterator& operator++() {
      ++at_;
      skip();
      return *this;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

   private:
    void skip() {
      while (at_ < vars_->size() && (*vars_)[at_] == kNone) ++at_;
    }
    const std::vector<VarId>* vars_;
    std::size_t at_;
  };
  [[nodiscard]] Iterator begin() const { return {vars_, 0}; }
  [[nodiscard]] Iterator end() const { return {vars_, vars_.size()}; }

 private:
  VarId& at(FactIndex fact) {
    if (fact >= vars_.size()) vars_.resize(std::size_t{fact} + 1, kNone);
    return vars_[fact];
  }
  std::vector<VarId> vars_;  // by fact; kNone: it states no variable
};

// The constraints of each connected component, in id order: one array for all
// components, each a span of it (a vector a component held its own block and its spare
// capacity). Indexed and iterated like the vector of vectors it replaced.
class ComponentList {
 public:
  [[nodiscard]] std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] std::span<const ConstraintId> operator[](std::size_t i) const {
    return std::span<const ConstraintId>(constraints_)
        .subspan(start_[i], start_[i + 1] - start_[i]);
  }

  class Iterator {
   public:
    Iterator(const ComponentList& list, std::size_t at) : list_(&list), at_(at) {}
    [[nodiscard]] std::span<const ConstraintId> operator*() const { return (*list_)[at_]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.at_ == b.at_; }

   private:
    const ComponentList* list_;
    std::size_t at_;
  };
  [[nodiscard]] Iterator begin() const { return {*this, 0}; }
  [[nodiscard]] Iterator end() const { return {*this, size()}; }

  // The components of `component_of` (by constraint, numbered in order of first use).
  void assign(const std::vector<std::uint32_t>& component_of, std::size_t count);

 private:
  std::vector<ConstraintId> constraints_;  // grouped by component, in id order in each
  std::vector<std::uint32_t> start_;       // component i: [start_[i], start_[i + 1])
};

class FactGraph {
 public:
  std::vector<Variable> vars;
  std::vector<Constraint> constraints;
  std::vector<Interval> values;     // the constraints' intervals, by Constraint::value
  std::vector<Rational> constants;  // the constant variables' values, by constant_index

  // The value of a VarKind::constant variable.
  [[nodiscard]] const Rational& constant_of(VarId var) const {
    return constants[vars[var].constant_index];
  }
  // A new constant variable of `value`.
  VarId add_constant(Rational value);

  // A constraint's interval: a statement's value; the whole line for one without.
  [[nodiscard]] const Interval& value_of(const Constraint& c) const {
    return c.value == kNoValue ? everything_ : values[c.value];
  }
  // Gives `c` the interval `value` (none when it is the whole line).
  void set_value(Constraint& c, Interval value);

  // Adjacency: the constraints of each variable, in id order (built by finish()).
  [[nodiscard]] std::span<const ConstraintId> constraints_of(VarId var) const {
    return std::span<const ConstraintId>(adjacency_)
        .subspan(adjacency_start_[var], adjacency_start_[var + 1] - adjacency_start_[var]);
  }
  // Connected components over variables and constraints (union-find); each component
  // lists its constraints in id order. Built by finish().
  [[nodiscard]] const ComponentList& components() const { return components_; }
  [[nodiscard]] std::uint32_t component_of_constraint(ConstraintId c) const {
    return constraint_component_[c];
  }

  // The variable a fact states (its key's variable, or its relation's variable).
  [[nodiscard]] std::optional<VarId> var_of_fact(FactIndex fact) const;
  [[nodiscard]] std::optional<VarId> var_of_key(KeyId key) const;
  // The statement constraint of a fact.
  [[nodiscard]] std::optional<ConstraintId> statement_of_fact(FactIndex fact) const;
  // The same as a span of none or one constraint, viewing the graph's own array.
  [[nodiscard]] std::span<const ConstraintId> statement_span(FactIndex fact) const {
    if (fact >= fact_statements_.size() || fact_statements_[fact] == kNoConstraint) return {};
    return {&fact_statements_[fact], 1};
  }

  void finish();

  // Written by the builder. Key variables come first, numbered like the keys.
  std::size_t key_var_count = 0;
  FactVars fact_vars;
  // Room for the variable and the statement of `facts` facts.
  void reserve_facts(std::size_t facts);
  // The statement of `fact`; the first one set stays.
  void set_statement_of_fact(FactIndex fact, ConstraintId statement);

 private:
  static constexpr ConstraintId kNoConstraint = std::numeric_limits<ConstraintId>::max();
  static constexpr VarId kNoVar = std::numeric_limits<VarId>::max();
  void build_adjacency();
  void build_components();
  // The first variable of `c` that links it to others (not a constant); kNoVar: none.
  [[nodiscard]] VarId first_linking_var(const Constraint& c) const;
  static const Interval everything_;
  std::vector<ConstraintId> fact_statements_;  // by fact; kNoConstraint: none
  // The constraints of variable v: adjacency_[adjacency_start_[v] … adjacency_start_[v + 1]).
  std::vector<ConstraintId> adjacency_;
  std::vector<std::uint32_t> adjacency_start_;
  ComponentList components_;
  std::vector<std::uint32_t> constraint_component_;
};

}  // namespace cc
