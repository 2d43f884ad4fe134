// report.html: for each measure, a chart of its figures by period and place. One panel per
// place (and subset); periods across; each figure a mark in its source's colour and shape,
// its rounding range as a whisker; the interval the consistent rest implies for the
// quantity as a bar behind; the facts of open findings ringed and linked to their card.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "grammar/names.h"
#include "report/escape.h"
#include "report/html_parts.h"
#include "report/report_text.h"

namespace cc::html {
namespace {

constexpr const char* kColors[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                   "#56B4E9", "#333333", "#8C6D31", "#7F7F7F"};
constexpr int kShapes = 5;
constexpr std::size_t kMaxPanels = 48;
constexpr std::size_t kMaxColumns = 24;

// Panel geometry, in SVG user units (the panel scales to its box).
constexpr double kWidth = 360, kHeight = 210, kLeft = 56, kRight = 12, kTop = 10, kBottom = 46;

std::string num(double v) {
  return fmt::format("{:.1f}", v);
}

std::string tick_label(double value) {
  return format_number(Rational(static_cast<long long>(std::llround(value * 100)), 100), 2);
}

// The smallest of 1, 2, 2.5, 5 × 10^k at least `raw`.
double nice_step(double raw) {
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * power >= raw) return m * power;
  }
  return 10 * power;
}

struct Figure {
  FactIndex fact = 0;
  std::optional<double> lo, hi;
};

struct Column {
  PeriodId period = 0;
  KeyId key = 0;
  std::vector<Figure> marks;
};

// Periods of one length share a panel, so that a six-year total does not flatten the
// years beside it: a length in whole months where the period is whole months, else in days.
struct Span {
  bool months = true;
  std::int64_t length = 12;
  friend auto operator<=>(const Span&, const Span&) = default;
};

Span span_of(const Period& period) {
  if (const auto months = length_in_whole_months(period)) return {true, *months};
  return {false, length_in_days(period)};
}

std::string span_name(const Span& span) {
  if (!span.months) return fmt::format("{}-day periods", span.length);
  if (span.length == 1) return "months";
  if (span.length == 3) return "quarters";
  if (span.length == 12) return "years";
  if (span.length % 12 == 0) return fmt::format("{}-year spans", span.length / 12);
  return fmt::format("{}-month periods", span.length);
}

struct Panel {
  PlaceId place = 0;
  SubsetId subset = 0;
  Span span;
  bool stated = false;          // a figure states one of its quantities
  bool closeup = false;         // one quantity of another panel, scaled to its own figures
  std::vector<Column> columns;  // sorted by period
};

std::optional<double> value_of(const std::optional<Bound>& b) {
  if (!b) return std::nullopt;
  return to_double(b->value);
}

// A key belongs in a chart when a figure states it or the rest bounds it from above.
bool implied_bounded(const ReportInput& input, KeyId key) {
  return key < input.result.implied.size() && input.result.implied[key].hi() &&
         !input.result.implied[key].is_empty();
}

using PanelKey = std::tuple<PlaceId, SubsetId, Span>;

std::map<MeasureId, std::map<PanelKey, Panel>> collect(const ReportInput& input) {
  const FactBase& base = input.base;
  std::map<KeyId, std::vector<FactIndex>> figures;
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    if (base.facts[f].kind == FactKind::figure) figures[base.facts[f].key].push_back(f);
  }
  std::map<MeasureId, std::map<PanelKey, Panel>> charts;
  for (KeyId k = 0; k < base.keys.key_count(); ++k) {
    const auto stated = figures.find(k);
    if (stated == figures.end() && !implied_bounded(input, k)) continue;
    const Key& key = base.keys.key(k);
    const Span span = span_of(base.keys.period(key.period));
    Panel& panel = charts[key.measure][{key.place, key.subset, span}];
    panel.place = key.place;
    panel.subset = key.subset;
    panel.span = span;
    panel.stated = panel.stated || stated != figures.end();
    Column column{key.period, k, {}};
    if (stated != figures.end()) {
      for (const FactIndex f : stated->second) {
        const Interval& i = base.facts[f].value.interval();
        column.marks.push_back({f, value_of(i.lo()), value_of(i.hi())});
      }
    }
    panel.columns.push_back(std::move(column));
  }
  for (auto& [measure, panels] : charts) {
    for (auto& [where, panel] : panels) {
      std::sort(panel.columns.begin(), panel.columns.end(), [&](const Column& a, const Column& b) {
        return base.keys.period(a.period) < base.keys.period(b.period);
      });
    }
  }
  return charts;
}

// The status and card of the first finding of each fact: errors first, as sorted.
struct Flag {
  std::string_view status;
  std::string finding;
};

std::map<FactIndex, Flag> flags_of(const ReportInput& input) {
  std::map<FactIndex, Flag> flags;
  for (const Finding& finding : input.result.findings) {
    if (finding.accepted) continue;
    for (const FactIndex f : finding.facts)
      flags.emplace(f, Flag{finding_status(finding), finding.id});
  }
  return flags;
}

class PanelDrawer {
 public:
  PanelDrawer(const ReportInput& input, const std::map<FactIndex, Flag>& flags, const Panel& panel)
      : input_(input), base_(input.base), flags_(flags), panel_(panel) {}

  std::string draw() {
    scale();
    const std::string title = panel_title();
    std::string out = fmt::format(
        "<figure class=\"pfig{}\"><figcaption>{}</figcaption><svg class=\"panel\" viewBox=\"0 0 {} "
        "{}\" role=\"img\" aria-label=\"{}\">",
        panel_.closeup ? " closeup" : "", caption(title), num(kWidth), num(kHeight),
        html_escape(title));
    out += axes();
    for (std::size_t c = 0; c < panel_.columns.size(); ++c) out += column(c);
    return out + "</svg></figure>";
  }

 private:
  [[nodiscard]] std::string place_name() const {
    std::string out = base_.vocabulary.places[panel_.place].name;
    for (const SubsetItem& item : base_.keys.subset(panel_.subset)) {
      out += fmt::format(" · {}: {}", base_.vocabulary.dimensions[item.dimension].name,
                         base_.keys.value_name(item.value));
    }
    return out;
  }
  [[nodiscard]] std::string panel_title() const {
    if (panel_.closeup)
      return fmt::format("close-up: {} · {}", place_name(),
                         period_name(base_, panel_.columns.front().period));
    return place_name() + " · " + span_name(panel_.span);
  }
  // In HTML, so that a long title wraps instead of being cut at the panel's edge.
  [[nodiscard]] std::string caption(const std::string& title) const {
    const std::size_t dot = title.rfind(" · ");
    if (dot == std::string::npos) return html_escape(title);
    return fmt::format("{}<span>{}</span>", html_escape(title.substr(0, dot)),
                       html_escape(title.substr(dot)));
  }

  // The axis spans the figures and the implied intervals, padded, in round steps: it
  // starts at 0 only where the data come near it, so that 3,171 and 3,217 stand apart.
  void scale() {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    auto take = [&](std::optional<double> v) {
      if (!v) return;
      lo = std::min(lo, *v);
      hi = std::max(hi, *v);
    };
    for (const Column& column : panel_.columns) {
      for (const Figure& m : column.marks) {
        take(m.lo);
        take(m.hi);
      }
      if (implied_bounded(input_, column.key)) {
        take(value_of(input_.result.implied[column.key].hi()));
        take(value_of(input_.result.implied[column.key].lo()));
      }
    }
    if (!(lo <= hi)) lo = hi = 0;
    const double range = hi - lo;
    const double pad = range > 0 ? range * 0.12 : std::max(std::abs(hi) * 0.05, 1.0);
    step_ = nice_step((range + 2 * pad) / 4);
    bottom_ = step_ * std::floor((lo - pad) / step_);
    if (lo >= 0 && bottom_ < 0) bottom_ = 0;
    if (lo >= 0 && bottom_ > 0 && bottom_ < range) bottom_ = 0;  // near 0: show it
    top_ = step_ * std::ceil((hi + pad) / step_);
    if (top_ <= bottom_) top_ = bottom_ + step_;
  }

  [[nodiscard]] double y(double value) const {
    const double plot = kHeight - kTop - kBottom;
    return kHeight - kBottom - std::clamp((value - bottom_) / (top_ - bottom_), 0.0, 1.0) * plot;
  }
  [[nodiscard]] double column_width() const {
    return (kWidth - kLeft - kRight) /
           static_cast<double>(std::max<std::size_t>(panel_.columns.size(), 1));
  }
  [[nodiscard]] double x(std::size_t column) const {
    return kLeft + column_width() * (static_cast<double>(column) + 0.5);
  }

  std::string axes() const {
    std::string out;
    for (int i = 0; bottom_ + i * step_ <= top_ + step_ / 2; ++i) {
      const double v = bottom_ + i * step_;
      out += fmt::format("<line class=\"grid\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>",
                         num(kLeft), num(kWidth - kRight), num(y(v)));
      out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                         num(kLeft - 4), num(y(v) + 3.5), tick_label(v));
    }
    const bool slanted = panel_.columns.size() > 4;
    for (std::size_t c = 0; c < panel_.columns.size(); ++c) {
      const std::string label = html_escape(period_name(base_, panel_.columns[c].period));
      const double lx = x(c);
      const double ly = kHeight - kBottom + 14;
      out += slanted
                 ? fmt::format(
                       "<text class=\"tick\" x=\"{0}\" y=\"{1}\" text-anchor=\"end\" "
                       "transform=\"rotate(-35 {0} {1})\">{2}</text>",
                       num(lx), num(ly), label)
                 : fmt::format(
                       "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                       num(lx), num(ly), label);
    }
    return out;
  }

  std::string implied_bar(const Column& column, std::size_t c) const {
    if (!implied_bounded(input_, column.key)) return {};
    const Interval& implied = input_.result.implied[column.key];
    const double hi = *value_of(implied.hi());
    const double lo = value_of(implied.lo()).value_or(bottom_);
    const double width =
        panel_.closeup ? column_width() * 0.8 : std::min(column_width() * 0.6, 34.0);
    const double top = y(hi);
    const double height = std::max(y(lo) - top, 2.0);
    return fmt::format(
        "<rect class=\"implied\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: the other "
        "facts imply "
        "{}</title></rect>",
        num(x(c) - width / 2), num(top), num(width), num(height),
        html_escape(describe_key(base_, column.key)), html_escape(describe(implied)));
  }

  // `nth` is the mark's place in its column: close-up labels alternate above and below.
  std::string mark(const Figure& m, double cx, std::size_t nth) const {
    const Fact& fact = base_.facts[m.fact];
    std::string out;
    double cy = 0;
    if (m.lo && m.hi) {
      cy = y((*m.lo + *m.hi) / 2);
      if (y(*m.lo) - y(*m.hi) > 2) out += whisker(cx, y(*m.lo), y(*m.hi));
    } else if (m.lo || m.hi) {  // one-sided ("more than 7,000"): an arrow towards the open side
      cy = y(m.lo ? *m.lo : *m.hi);
      const double end = m.lo ? kTop : kHeight - kBottom;
      out += fmt::format("<line class=\"open\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/>",
                         num(cx), num(cy), num(end));
    } else {
      return {};
    }
    const auto flag = flags_.find(m.fact);
    if (flag != flags_.end()) {
      out += fmt::format("<circle class=\"ring {}\" cx=\"{}\" cy=\"{}\" r=\"9\"/>",
                         flag->second.status, num(cx), num(cy));
    }
    out += source_mark(fact.source, cx, cy, 5);
    if (panel_.closeup) {
      out += fmt::format(
          "<text class=\"vlabel\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", num(cx),
          num(nth % 2 == 0 ? cy - 10 : cy + 18), html_escape(fact.value.written));
    }
    std::string tip =
        fmt::format("{}: {} — “{}”", base_.ref(m.fact), value_text(fact), base_.quote(m.fact));
    if (flag != flags_.end())
      tip += fmt::format(" — {} {}", flag->second.status, flag->second.finding);
    out = fmt::format("<g class=\"mark\" data-ref=\"{}\"><title>{}</title>{}</g>",
                      html_escape(base_.ref(m.fact)), html_escape(tip), out);
    if (flag != flags_.end())
      out = fmt::format("<a href=\"#{}\">{}</a>", html_escape(flag->second.finding), out);
    return out;
  }

  // A rounding range: a line with a cap at each end.
  static std::string whisker(double cx, double y1, double y2) {
    return fmt::format(
        "<line class=\"whisker\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\"/><line "
        "class=\"cap\" x1=\"{3}\" x2=\"{4}\" y1=\"{1}\" y2=\"{1}\"/><line class=\"cap\" "
        "x1=\"{3}\" x2=\"{4}\" y1=\"{2}\" y2=\"{2}\"/>",
        num(cx), num(y1), num(y2), num(cx - 3), num(cx + 3));
  }

  std::string column(std::size_t c) const {
    const Column& col = panel_.columns[c];
    std::string out = implied_bar(col, c);
    const double spread = std::min(
        panel_.closeup ? 70.0 : 12.0,
        column_width() * 0.7 / static_cast<double>(std::max<std::size_t>(col.marks.size(), 1)));
    for (std::size_t i = 0; i < col.marks.size(); ++i) {
      const double offset =
          (static_cast<double>(i) - static_cast<double>(col.marks.size() - 1) / 2) * spread;
      out += mark(col.marks[i], x(c) + offset, i);
    }
    return out;
  }

  const ReportInput& input_;
  const FactBase& base_;
  const std::map<FactIndex, Flag>& flags_;
  const Panel& panel_;
  double bottom_ = 0;
  double top_ = 1;
  double step_ = 1;
};

// A quantity of a panel of several periods with two or more figures, one of them in an
// open finding, gets a panel of its own, scaled to its figures alone: on a shared axis two
// figures 1.5% apart sit a pixel or two apart; here they stand apart, each labelled.
std::vector<Panel> closeups(const std::map<FactIndex, Flag>& flags, const Panel& panel) {
  std::vector<Panel> out;
  if (panel.columns.size() < 2) return out;
  for (const Column& column : panel.columns) {
    const bool flagged = std::any_of(column.marks.begin(), column.marks.end(),
                                     [&](const Figure& m) { return flags.count(m.fact) > 0; });
    if (!flagged || column.marks.size() < 2) continue;
    Panel one = panel;
    one.closeup = true;
    one.columns = {column};
    out.push_back(std::move(one));
  }
  return out;
}

std::string legend(const FactBase& base, const std::set<SourceIndex>& sources) {
  std::string out = "<ul class=\"legend\">";
  for (const SourceIndex s : sources) {
    out += fmt::format("<li>{} {}</li>", source_swatch(s), html_escape(base.sources[s].id));
  }
  out += "<li><span class=\"key-implied\"></span> implied by the other facts</li>";
  out += "<li><span class=\"key-ring\"></span> in an open finding</li>";
  return out + "</ul>";
}

std::string measure_caption(const Measure& measure) {
  std::string out = fmt::format("<b>{}</b>", html_escape(measure.id));
  if (!measure.name.empty()) out += " — " + html_escape(measure.name);
  if (!measure.unit.empty())
    out += fmt::format(" <span class=\"unit\">({})</span>", html_escape(measure.unit));
  return out;
}

}  // namespace

std::string source_mark(SourceIndex source, double x, double y, double r) {
  const char* color = kColors[source % std::size(kColors)];
  switch (source % kShapes) {
    case 0:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>", num(x), num(y),
                         num(r), color);
    case 1:
      return fmt::format("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{2}\" fill=\"{3}\"/>",
                         num(x - r * 0.9), num(y - r * 0.9), num(r * 1.8), color);
    case 2:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\"/>", num(x), num(y - r * 1.15),
                         num(x + r * 1.1), num(y + r * 0.85), num(x - r * 1.1), num(y + r * 0.85),
                         color);
    case 3:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\"/>", num(x),
                         num(y - r * 1.2), num(x + r * 1.2), num(y), num(x), num(y + r * 1.2),
                         num(x - r * 1.2), num(y), color);
    default:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\"/>", num(x), num(y + r * 1.15),
                         num(x + r * 1.1), num(y - r * 0.85), num(x - r * 1.1), num(y - r * 0.85),
                         color);
  }
}

std::string source_swatch(SourceIndex source, int size) {
  const double half = size / 2.0;
  return fmt::format(
      "<svg class=\"swatch\" width=\"{0}\" height=\"{0}\" viewBox=\"0 0 {0} {0}\" "
      "aria-hidden=\"true\">{1}</svg>",
      size, source_mark(source, half, half, half * 0.75));
}

std::string charts_section(const ReportInput& input) {
  const FactBase& base = input.base;
  const auto charts = collect(input);
  const auto flags = flags_of(input);
  std::string out = "<section id=\"charts\"><h2>Figures by measure</h2>\n";
  if (charts.empty()) return out + "<p>No figures to chart.</p></section>\n";
  out +=
      "<p class=\"help\">One chart per measure, one panel per place and length of period. Each "
      "mark is a figure as a "
      "source states "
      "it (a line shows its rounding range, an arrow an open side); the bar behind is what the "
      "other facts "
      "imply for that quantity. A ring marks a fact of an open finding: select it to go to the "
      "finding. The axis spans the figures, not always from 0; a quantity of an open finding "
      "also gets a close-up panel scaled to its own figures, each labelled.</p>\n";
  std::size_t drawn = 0;
  std::size_t left_out = 0;
  for (const auto& [measure, panels] : charts) {
    std::string body;
    std::set<SourceIndex> sources;
    for (const auto& [where, panel] : panels) {
      if (!panel.stated) continue;  // only implied: nothing a source said to compare
      if (drawn == kMaxPanels || panel.columns.size() > kMaxColumns) {
        ++left_out;
        continue;
      }
      for (const Column& column : panel.columns) {
        for (const Figure& m : column.marks) sources.insert(base.facts[m.fact].source);
      }
      body += PanelDrawer(input, flags, panel).draw() + "\n";
      ++drawn;
      for (const Panel& one : closeups(flags, panel)) {
        if (drawn == kMaxPanels) break;
        body += PanelDrawer(input, flags, one).draw() + "\n";
        ++drawn;
      }
    }
    if (body.empty()) continue;
    out += fmt::format(
        "<figure class=\"chart\" data-measure=\"{}\"><figcaption>{}</figcaption><div "
        "class=\"panels\">\n{}</div>{}</figure>\n",
        html_escape(base.vocabulary.measures[measure].id),
        measure_caption(base.vocabulary.measures[measure]), body, legend(base, sources));
  }
  if (left_out > 0) {
    out += fmt::format(
        "<p class=\"notice\">{} more panels are not drawn: too many to read on one page.</p>\n",
        left_out);
  }
  return out + "</section>\n";
}

}  // namespace cc::html
