// Periods (FORMAT §5.3): a span's figure is at least that of any period inside it;
// periods that tile a span exactly sum to it; disjoint periods inside a span sum to at
// most it. Only the nearest containers are linked: the rest follows by chaining.
#include <fmt/format.h>
#include <algorithm>

#include "grammar/names.h"
#include "rules/rule.h"
#include "rules/wording.h"

namespace cc {
namespace {

struct Dated {
  Period period;
  VarId var;
};

constexpr std::size_t kMaxTilings = 4;
constexpr std::size_t kTilingSteps = 20000;

// Up to kMaxTilings sets of children that cover `span` day for day without overlap.
class TilingSearch {
 public:
  TilingSearch(const Period& span, const std::vector<Dated>& children)
      : span_(span), children_(children) {}

  std::vector<std::vector<VarId>> run() {
    extend(span_.first);
    return found_;
  }

 private:
  void extend(Day next) {
    if (found_.size() >= kMaxTilings || ++steps_ > kTilingSteps) return;
    if (next == span_.last + 1) {
      if (path_.size() >= 2) found_.push_back(path_);
      return;
    }
    for (const Dated& child : children_) {
      if (child.period.first != next) continue;
      path_.push_back(child.var);
      extend(child.period.last + 1);
      path_.pop_back();
    }
  }

  Period span_;
  const std::vector<Dated>& children_;
  std::vector<VarId> path_;
  std::vector<std::vector<VarId>> found_;
  std::size_t steps_ = 0;
};

// The largest set of pairwise disjoint periods, chosen earliest-ending first.
std::vector<Dated> disjoint_subset(std::vector<Dated> periods) {
  std::sort(periods.begin(), periods.end(), [](const Dated& a, const Dated& b) {
    return std::pair(a.period.last, a.period.first) < std::pair(b.period.last, b.period.first);
  });
  std::vector<Dated> chosen;
  for (const Dated& d : periods) {
    if (chosen.empty() || d.period.first > chosen.back().period.last) chosen.push_back(d);
  }
  return chosen;
}

void add_sum(GraphBuilder& builder, ConstraintKind kind, VarId whole,
             const std::vector<VarId>& parts) {
  Constraint c;
  c.kind = kind;
  c.vars.push_back(whole);
  c.vars.insert(c.vars.end(), parts.begin(), parts.end());
  builder.add(std::move(c));
}

void link_span(GraphBuilder& builder, const Dated& span, const std::vector<Dated>& children) {
  const auto tilings = TilingSearch(span.period, children).run();
  std::vector<VarId> covered;
  for (const auto& tiling : tilings) {
    add_sum(builder, ConstraintKind::sum_eq, span.var, tiling);
    covered.insert(covered.end(), tiling.begin(), tiling.end());
  }
  std::vector<Dated> rest;
  for (const Dated& child : children) {
    if (std::find(covered.begin(), covered.end(), child.var) == covered.end())
      rest.push_back(child);
  }
  if (rest.empty()) return;
  std::vector<Dated> disjoint = disjoint_subset(rest);
  if (disjoint.size() >= 2) {
    std::vector<VarId> parts;
    for (const Dated& d : disjoint) parts.push_back(d.var);
    add_sum(builder, ConstraintKind::sum_leq, span.var, parts);
  } else {
    disjoint.clear();
  }
  for (const Dated& child : rest) {
    const bool in_sum = std::any_of(disjoint.begin(), disjoint.end(),
                                    [&](const Dated& d) { return d.var == child.var; });
    if (!in_sum) add_sum(builder, ConstraintKind::sum_leq, span.var, {child.var});
  }
}

bool strictly_inside(const Period& inner, const Period& outer) {
  return contains(outer, inner) && !(inner == outer);
}

}  // namespace

void add_periods_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  for (const auto& [group_key, group] : builder.by_period()) {
    if (group.keys.size() < 2 || base.vocabulary.measures[std::get<0>(group_key)].stock) continue;
    std::vector<Dated> dated;
    for (const KeyId k : group.keys)
      dated.push_back({base.keys.period(base.keys.key(k).period), builder.key_var(k)});
    std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
      return std::pair(a.period.first, -a.period.last) < std::pair(b.period.first, -b.period.last);
    });
    // children[i]: the periods whose nearest containers include dated[i].
    std::vector<std::vector<Dated>> children(dated.size());
    for (std::size_t i = 0; i < dated.size(); ++i) {
      std::vector<std::size_t> containers;
      for (std::size_t j = 0; j < dated.size() && dated[j].period.first <= dated[i].period.first;
           ++j) {
        if (strictly_inside(dated[i].period, dated[j].period)) containers.push_back(j);
      }
      for (const std::size_t j : containers) {
        const bool nearest =
            std::none_of(containers.begin(), containers.end(), [&](std::size_t other) {
              return other != j && strictly_inside(dated[other].period, dated[j].period);
            });
        if (nearest) children[j].push_back(dated[i]);
      }
    }
    for (std::size_t j = 0; j < dated.size(); ++j) {
      if (!children[j].empty()) link_span(builder, dated[j], children[j]);
    }
  }
}

std::string periods_reason(const FactBase& base, const FactGraph& graph, const Constraint& c) {
  const auto name = [&](VarId v) {
    return period_name(base, base.keys.key(graph.vars[v].key).period);
  };
  std::vector<std::string> parts;
  for (std::size_t i = 1; i < c.vars.size(); ++i) parts.push_back(name(c.vars[i]));
  const std::string whole = name(c.vars[0]);
  if (c.kind == ConstraintKind::sum_eq)
    return fmt::format("{} make up {}", join_words(parts), whole);
  if (parts.size() == 1) return fmt::format("{} lies inside {}", parts[0], whole);
  return fmt::format("{} lie inside {} and do not overlap", join_words(parts), whole);
}

}  // namespace cc
