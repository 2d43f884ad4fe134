// Periods (docs/rules/periods.md): a span's figure is at least that of any period inside it;
// periods that tile a span exactly sum to it; disjoint periods inside a span sum to at
// most it. A span is linked to its nearest sub-periods: the rest follows by chaining.
// When a nearest sub-period takes part in no exact tiling (an 18-month window inside a
// two-year span), the periods inside it are offered to the span as well, level by level,
// so that the years it hides still tile the span.
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

// The documented bounds (docs/rules/periods.md): per span, at most kMaxTilings exact
// tilings are kept and the search takes at most kTilingSteps steps.
constexpr std::size_t kMaxTilings = 4;
constexpr std::size_t kTilingSteps = 20000;

bool inside(const Period& inner, const Period& outer) {
  return contains(outer, inner);
}

// Up to kMaxTilings sets of pieces that cover `span` day for day without overlap. Longer
// pieces are tried first at each day, and a tiling that only splits the pieces of one
// already found (each piece inside a piece of it) is not kept: it follows by chaining.
class TilingSearch {
 public:
  TilingSearch(const Period& span, std::vector<Dated> pieces)
      : span_(span), pieces_(std::move(pieces)) {
    std::sort(pieces_.begin(), pieces_.end(), [](const Dated& a, const Dated& b) {
      return std::pair(a.period.first, -a.period.last) < std::pair(b.period.first, -b.period.last);
    });
  }

  [[nodiscard]] std::vector<std::vector<Dated>> run() {
    extend(span_.first);
    return found_;
  }

 private:
  void extend(Day next) {
    if (found_.size() >= kMaxTilings || ++steps_ > kTilingSteps) return;
    if (next == span_.last + 1) {
      if (path_.size() >= 2 && !refines_one_found()) found_.push_back(path_);
      return;
    }
    auto it = std::lower_bound(pieces_.begin(), pieces_.end(), next,
                               [](const Dated& d, Day day) { return d.period.first < day; });
    for (; it != pieces_.end() && it->period.first == next; ++it) {
      path_.push_back(*it);
      extend(it->period.last + 1);
      path_.pop_back();
    }
  }

  [[nodiscard]] bool refines_one_found() const {
    return std::any_of(found_.begin(), found_.end(), [&](const std::vector<Dated>& tiling) {
      return std::all_of(path_.begin(), path_.end(), [&](const Dated& piece) {
        return std::any_of(tiling.begin(), tiling.end(),
                           [&](const Dated& whole) { return inside(piece.period, whole.period); });
      });
    });
  }

  Period span_;
  std::vector<Dated> pieces_;
  std::vector<Dated> path_;
  std::vector<std::vector<Dated>> found_;
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

std::int64_t days_covered(const std::vector<Dated>& disjoint) {
  std::int64_t days = 0;
  for (const Dated& d : disjoint) days += length_in_days(d.period);
  return days;
}

// The pairwise disjoint periods that cover the most days (weighted interval scheduling).
std::vector<Dated> widest_disjoint_subset(std::vector<Dated> periods) {
  std::sort(periods.begin(), periods.end(), [](const Dated& a, const Dated& b) {
    return std::pair(a.period.last, a.period.first) < std::pair(b.period.last, b.period.first);
  });
  const std::size_t n = periods.size();
  std::vector<std::int64_t> best(n + 1, 0);  // best[i]: among the first i periods
  std::vector<std::size_t> before(n, 0);     // how many periods end before periods[i] starts
  for (std::size_t i = 0; i < n; ++i) {
    before[i] = static_cast<std::size_t>(
        std::lower_bound(periods.begin(), periods.begin() + static_cast<std::ptrdiff_t>(i),
                         periods[i].period.first,
                         [](const Dated& d, Day day) { return d.period.last < day; }) -
        periods.begin());
    best[i + 1] = std::max(best[i], length_in_days(periods[i].period) + best[before[i]]);
  }
  std::vector<Dated> chosen;
  for (std::size_t i = n; i > 0;) {
    if (best[i] == best[i - 1]) {
      --i;
    } else {
      chosen.push_back(periods[i - 1]);
      i = before[i - 1];
    }
  }
  std::reverse(chosen.begin(), chosen.end());
  return chosen;
}

void add_sum(GraphBuilder& builder, ConstraintKind kind, VarId whole,
             const std::vector<Dated>& parts) {
  Constraint c;
  c.kind = kind;
  c.vars.push_back(whole);
  for (const Dated& d : parts) c.vars.push_back(d.var);
  builder.add(std::move(c));
}

bool has_var(const std::vector<Dated>& periods, VarId var) {
  return std::any_of(periods.begin(), periods.end(), [&](const Dated& d) { return d.var == var; });
}

bool strictly_inside(const Period& inner, const Period& outer) {
  return contains(outer, inner) && !(inner == outer);
}

// A group's periods, and for each the indices of its nearest sub-periods.
struct Nesting {
  std::vector<Dated> dated;
  std::vector<std::vector<std::size_t>> children;
};

// How many times the periods inside an untiled sub-period may be offered to a span.
constexpr int kMaxLevels = 8;

bool covered_by(const std::vector<std::vector<Dated>>& tilings, VarId var) {
  return std::any_of(tilings.begin(), tilings.end(),
                     [&](const std::vector<Dated>& tiling) { return has_var(tiling, var); });
}

struct SpanPieces {
  std::vector<std::vector<Dated>> tilings;
  std::vector<Dated> offered;  // the nearest sub-periods and those offered through them
};

// The exact tilings of dated[span]. A nearest sub-period in no tiling offers its own
// nearest sub-periods, and the search runs again, up to kMaxLevels times.
SpanPieces tile_span(const Nesting& nesting, std::size_t span) {
  const std::size_t n = nesting.dated.size();
  std::vector<std::size_t> pool = nesting.children[span];
  std::vector<bool> in_pool(n, false);
  std::vector<bool> opened(n, false);
  for (const std::size_t i : pool) in_pool[i] = true;
  SpanPieces result;
  for (int level = 0;; ++level) {
    result.offered.clear();
    for (const std::size_t i : pool) result.offered.push_back(nesting.dated[i]);
    result.tilings = TilingSearch(nesting.dated[span].period, result.offered).run();
    if (level + 1 >= kMaxLevels) break;
    bool grown = false;
    const std::size_t size = pool.size();
    for (std::size_t k = 0; k < size; ++k) {
      const std::size_t i = pool[k];
      if (opened[i] || covered_by(result.tilings, nesting.dated[i].var)) continue;
      opened[i] = true;
      for (const std::size_t child : nesting.children[i]) {
        if (in_pool[child]) continue;
        in_pool[child] = true;
        pool.push_back(child);
        grown = true;
      }
    }
    if (!grown) break;
  }
  return result;
}

void link_span(GraphBuilder& builder, const Nesting& nesting, std::size_t span) {
  const VarId whole = nesting.dated[span].var;
  const SpanPieces pieces = tile_span(nesting, span);
  for (const auto& tiling : pieces.tilings) add_sum(builder, ConstraintKind::sum_eq, whole, tiling);
  std::vector<Dated> rest_nearest;
  for (const std::size_t i : nesting.children[span]) {
    if (!covered_by(pieces.tilings, nesting.dated[i].var)) rest_nearest.push_back(nesting.dated[i]);
  }
  std::vector<Dated> rest_offered;
  for (const Dated& d : pieces.offered) {
    if (!covered_by(pieces.tilings, d.var)) rest_offered.push_back(d);
  }
  std::vector<Dated> disjoint = disjoint_subset(rest_nearest);
  if (disjoint.size() >= 2) {
    add_sum(builder, ConstraintKind::sum_leq, whole, disjoint);
  } else {
    disjoint.clear();
  }
  for (const Dated& child : rest_nearest) {
    if (!has_var(disjoint, child.var)) add_sum(builder, ConstraintKind::sum_leq, whole, {child});
  }
  // Periods hidden inside an untiled sub-period may cover more of the span together.
  const std::vector<Dated> widest = widest_disjoint_subset(rest_offered);
  if (widest.size() >= 2 && days_covered(widest) > days_covered(disjoint))
    add_sum(builder, ConstraintKind::sum_leq, whole, widest);
}

Nesting nest(const FactBase& base, const GraphBuilder& builder, const std::vector<KeyId>& keys) {
  Nesting nesting;
  for (const KeyId k : keys)
    nesting.dated.push_back({base.keys.period(base.keys.key(k).period), builder.key_var(k)});
  std::sort(nesting.dated.begin(), nesting.dated.end(), [](const Dated& a, const Dated& b) {
    return std::pair(a.period.first, -a.period.last) < std::pair(b.period.first, -b.period.last);
  });
  const auto& dated = nesting.dated;
  nesting.children.resize(dated.size());
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
      if (nearest) nesting.children[j].push_back(i);
    }
  }
  return nesting;
}

}  // namespace

void add_periods_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  for (const auto& [group_key, group] : builder.by_period()) {
    if (group.keys.size() < 2 || base.vocabulary.measures[std::get<0>(group_key)].stock) continue;
    const Nesting nesting = nest(base, builder, group.keys);
    for (std::size_t j = 0; j < nesting.dated.size(); ++j) {
      if (!nesting.children[j].empty()) link_span(builder, nesting, j);
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
