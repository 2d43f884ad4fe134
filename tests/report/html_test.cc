// report.html, read back: one card per finding with its status, rule and facts, the
// summary counts, everything from the fact files escaped, nothing that could fetch.
#include "catch.h"

#include <cmath>
#include <regex>

#include "report/report.h"
#include "report/report_fixture.h"
#include "report/report_text.h"

using namespace cc;

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

// The number in the summary tile whose label is `label`.
std::string tile(const std::string& html, const std::string& label) {
  std::smatch m;
  const std::regex pattern("<div class=\"tile [a-z]+\"><b>([0-9]+)</b><span>" + label +
                           "</span></div>");
  return std::regex_search(html, m, pattern) ? m[1].str() : "";
}

}  // namespace

TEST_CASE("report.html has one card per finding, with its status, rule and facts", "[report]") {
  const auto checked = test::checked_fixture("html-cards");
  const std::string html = render_html(checked->input());
  const auto& findings = checked->result.findings;
  REQUIRE(findings.size() == 4);
  CHECK(count_of(html, "<article class=\"finding ") == findings.size());
  for (const Finding& finding : findings) {
    INFO(finding.id);
    const std::string open = "<article class=\"finding " + std::string(finding_status(finding)) +
                             "\" id=\"" + finding.id + "\" data-status=\"" +
                             std::string(finding_status(finding)) + "\" data-rule=\"" +
                             std::string(finding_rule_id(finding.rule)) + "\"";
    const std::size_t at = html.find(open);
    REQUIRE(at != std::string::npos);
    const std::string card = html.substr(at, html.find("</article>", at) - at);
    CHECK(count_of(card, "<li class=\"fact") == finding.facts.size());
    // The doubted fact is marked, and only it; the likely cause opens the card.
    CHECK(count_of(card, "<li class=\"fact doubted\"") == (finding.diagnosis ? 1u : 0u));
    if (finding.diagnosis) {
      CHECK(card.find("<li class=\"fact doubted\" data-ref=\"" +
                      checked->base.ref(finding.diagnosis->doubt) + "\"") != std::string::npos);
      CHECK(card.find("<p class=\"likely\"><b>Likely cause</b>") <
            card.find("<ol class=\"facts\""));
    }
    for (const FactIndex f : finding.facts) {
      CHECK(card.find("data-ref=\"" + checked->base.ref(f) + "\"") != std::string::npos);
    }
    CHECK(count_of(card, "<ol class=\"steps\">") == (finding.steps.empty() ? 0 : 1));
  }
  CHECK(tile(html, "errors") == "2");
  CHECK(tile(html, "warning") == "1");
  CHECK(tile(html, "accepted") == "1");
  CHECK(tile(html, "sources") == "2");
  CHECK(tile(html, "facts") == "6");
  CHECK(html.find("<p id=\"shown\" aria-live=\"polite\">4 findings</p>") != std::string::npos);
}

TEST_CASE("report.html marks the number in each quote and links the fact file lines", "[report]") {
  const auto checked = test::checked_fixture("html-quotes");
  const std::string html = render_html(checked->input());
  CHECK(html.find("in the first year a total of <mark>3,171</mark> crimes were recorded") !=
        std::string::npos);
  CHECK(html.find("a rise of <mark>89%</mark> in a year") != std::string::npos);
  // The fact's own lines, the line of its id highlighted, the comment above it included.
  CHECK(std::regex_search(html, std::regex("<summary><code>[^<]*/facts/gazette\\.yaml:12</code>")));
  CHECK(html.find("<span class=\"ln\" data-line=\"11\">  # The first year.</span>\n"
                  "<span class=\"ln at\" data-line=\"12\">  - id: year-one</span>") !=
        std::string::npos);
  CHECK(html.find("<span class=\"ln\" data-line=\"14\">    value: 3,217</span>") !=
        std::string::npos);
}

TEST_CASE("report.html escapes everything from the fact files", "[report]") {
  const auto checked = test::checked_fixture("html-escape");
  const std::string html = render_html(checked->input());
  // The only script is the report's own; the quote's shows as text.
  CHECK(count_of(html, "<script") == 1);
  CHECK(html.find(
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>3,217</mark> offences | were") !=
        std::string::npos);
  CHECK(html.find("<b>soar</b>") == std::string::npos);
  CHECK(html.find("Offences &lt;b&gt;soar&lt;/b&gt; | a *special* report_2024") !=
        std::string::npos);
  // A javascript: address is not a link; an http(s) one is, escaped.
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find(
            "<a href=\"https://example.org/herald?a=1&amp;b=2\" rel=\"noreferrer noopener\">") !=
        std::string::npos);
}

TEST_CASE("report.html fetches nothing: no external address in any src, href or url()",
          "[report]") {
  const auto checked = test::checked_fixture("html-offline");
  const std::string html = render_html(checked->input());
  CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none';") != std::string::npos);
  std::smatch m;
  std::string rest = html;
  const std::regex reference("(src|href|xlink:href)=\"([^\"]*)\"|url\\(|@import");
  std::size_t references = 0;
  while (std::regex_search(rest, m, reference)) {
    INFO(m.str());
    CHECK(m[1].matched);
    const std::string target = m[2].str();
    // In-page anchors, and the one link to the source's own page (a click, never a fetch).
    CHECK((target.starts_with("#") || target == "https://example.org/herald?a=1&amp;b=2"));
    rest = m.suffix();
    ++references;
  }
  CHECK(references > 0);  // the pattern found the report's links, so the loop checked them
}

TEST_CASE("report.html draws the whole fact graph behind a link, or says why not", "[report]") {
  const auto checked = test::checked_fixture("html-graph");
  const std::string drawn = render_html(checked->input());
  const std::size_t graph = drawn.find("<section id=\"graph\">");
  REQUIRE(graph != std::string::npos);
  CHECK(drawn.find("<a href=\"#graph\">Whole graph</a>") != std::string::npos);
  const std::string section = drawn.substr(graph, drawn.find("</section>", graph) - graph);
  // Closed until asked: a <details> the link (or its summary) opens.
  CHECK(section.find("<details id=\"whole-graph\"><summary>Show the whole fact graph</summary>") !=
        std::string::npos);
  CHECK(section.find("<svg") != std::string::npos);
  CHECK(section.find("<?xml") == std::string::npos);
  CHECK(count_of(section, "class=\"node\"") ==
        checked->result.graph.vars.size() + checked->result.graph.constraints.size());
  CHECK(count_of(section, "stroke=\"red\"") > 0);  // the facts of the open errors

  HtmlOptions no_dot;
  no_dot.dot_program = "crosscheck-test-no-such-dot";
  const std::string missing = render_html(checked->input(), no_dot);
  CHECK(missing.find("<p class=\"notice\" id=\"graph-missing\">The graph is not drawn: Graphviz "
                     "&#39;crosscheck-test-no-such-dot&#39; was not found") != std::string::npos);
  CHECK(missing.find("<pre class=\"dot\">graph G {") != std::string::npos);

  // A base too large to draw: no drawing and no DOT in the page, a sentence saying how to
  // ask for it; the findings keep their own graphs.
  HtmlOptions tiny;
  tiny.max_graph_size = 3;
  const std::string large = render_html(checked->input(), tiny);
  const std::size_t at = large.find("<section id=\"graph\">");
  REQUIRE(at != std::string::npos);
  const std::string not_drawn = large.substr(at, large.find("</section>", at) - at);
  CHECK(not_drawn.find("<p class=\"notice\" id=\"graph-not-drawn\">The whole graph has ") !=
        std::string::npos);
  CHECK(not_drawn.find("<svg") == std::string::npos);
  CHECK(not_drawn.find("graph G") == std::string::npos);
  CHECK(count_of(large, "<figure class=\"fgraph\">") ==
        count_of(drawn, "<figure class=\"fgraph\">"));
}

// The card of `finding` in the page.
static std::string card_of(const std::string& html, const Finding& finding) {
  const std::size_t at = html.find("id=\"" + finding.id + "\" data-status");
  if (at == std::string::npos) return {};
  return html.substr(at, html.find("</article>", at) - at);
}

TEST_CASE("report.html gives each finding between facts its own graph, the doubted fact marked",
          "[report]") {
  const auto checked = test::checked_fixture("html-finding-graph");
  const std::string html = render_html(checked->input());
  const FactBase& base = checked->base;
  std::size_t with_graph = 0;
  for (const Finding& finding : checked->result.findings) {
    INFO(finding.id);
    const std::string card = card_of(html, finding);
    REQUIRE_FALSE(card.empty());
    const std::size_t at = card.find("<figure class=\"fgraph\">");
    if (finding.facts.size() < 2) {
      CHECK(at == std::string::npos);
      continue;
    }
    REQUIRE(at != std::string::npos);
    ++with_graph;
    std::string graph = card.substr(at);  // Graphviz writes '-' as "&#45;"
    for (std::size_t dash = graph.find("&#45;"); dash != std::string::npos;
         dash = graph.find("&#45;", dash))
      graph.replace(dash, 5, "-");
    // Each of its facts is a box labelled with its ref; no fact of another finding is.
    for (const FactIndex f : finding.facts)
      CHECK((graph.find(">" + base.ref(f) + "</text>") != std::string::npos ||
             graph.find(">check: " + base.ref(f) + "</text>") != std::string::npos));
    std::size_t boxes = 0;
    for (std::size_t k = 0; k < base.facts.size(); ++k)
      boxes += graph.find(base.ref(static_cast<FactIndex>(k)) + "</text>") != std::string::npos;
    CHECK(boxes == finding.facts.size());
    if (finding.diagnosis) {  // the doubted fact: filled and labelled
      CHECK(graph.find(">check: " + base.ref(finding.diagnosis->doubt) + "</text>") !=
            std::string::npos);
      CHECK(graph.find("fill=\"#fde2df\"") != std::string::npos);
    }
  }
  CHECK(with_graph >= 2);  // the conflict, the recompute, the accepted conflict
}

TEST_CASE(
    "report.html charts each measure's figures with the implied bars and the conflicts ringed",
    "[report]") {
  const auto checked = test::checked_fixture("html-charts");
  const std::string html = render_html(checked->input());
  const std::size_t at = html.find("<figure class=\"chart\" data-measure=\"offences\">");
  REQUIRE(at != std::string::npos);
  const std::string chart = html.substr(at, html.find("<ul class=\"legend\">", at) - at);
  CHECK(chart.find("aria-label=\"Land · years\"") != std::string::npos);
  CHECK(chart.find("aria-label=\"North · years\"") != std::string::npos);
  // Panel titles are HTML (they wrap), not SVG text cut at the panel's edge.
  CHECK(chart.find("<figcaption>Land<span> · years</span></figcaption>") != std::string::npos);
  // One mark per figure, and a close-up of the quantity in conflict (two more marks);
  // the figures of open findings ringed and linked to their card.
  CHECK(count_of(chart, "<g class=\"mark\"") == 5 + 2);
  std::size_t open_conflicts = 0;
  for (const Finding& finding : checked->result.findings) {
    if (finding.accepted || finding.rule != FindingRule::conflict) continue;
    CHECK(chart.find("<a href=\"#" + finding.id + "\"><g class=\"mark\"") != std::string::npos);
    ++open_conflicts;
  }
  CHECK(open_conflicts == 1);  // 3,217 against 3,171 (the North conflict is accepted)
  CHECK(count_of(chart, "<circle class=\"ring error\"") ==
        3 + 2);  // 3,217 and 3,171; 4,373 (recompute); 3,217 and 3,171 in the close-up
  CHECK(count_of(chart, "<rect class=\"implied\"") >= 2);
}

// The vertical positions (cy) of the rings in `svg`, in order.
static std::vector<double> ring_heights(const std::string& svg) {
  std::vector<double> out;
  const std::regex ring("<circle class=\"ring [a-z]+\" cx=\"[-0-9.]+\" cy=\"([-0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), ring); it != std::sregex_iterator();
       ++it)
    out.push_back(std::stod((*it)[1].str()));
  return out;
}

TEST_CASE("report.html scales charts to the data: 3,171 and 3,217 stand visibly apart",
          "[report]") {
  const auto checked = test::checked_fixture("html-scale");
  const std::string html = render_html(checked->input());
  const std::size_t at = html.find("<figure class=\"pfig closeup\">");
  REQUIRE(at != std::string::npos);
  const std::string closeup = html.substr(at, html.find("</figure>", at) - at);
  CHECK(closeup.find("<figcaption>close-up: Land<span> · 2017-18</span></figcaption>") !=
        std::string::npos);
  const std::vector<double> rings = ring_heights(closeup);
  REQUIRE(rings.size() == 2);
  CHECK(std::abs(rings[0] - rings[1]) >= 40);  // of a 210-unit panel, whose plot is 154
  // Each labelled with its value; the axis does not start at 0.
  CHECK(closeup.find(">3,171</text>") != std::string::npos);
  CHECK(closeup.find(">3,217</text>") != std::string::npos);
  CHECK(closeup.find("text-anchor=\"end\">0</text>") == std::string::npos);
  // In the panel of all years, too, the axis spans the figures, not 0 to the top.
  const std::size_t years = html.find("aria-label=\"Land · years\"");
  REQUIRE(years != std::string::npos);
  const std::string panel = html.substr(years, html.find("</svg>", years) - years);
  CHECK(panel.find("text-anchor=\"end\">0</text>") == std::string::npos);
  CHECK(ring_heights(panel).size() == 3);
}

TEST_CASE("report.html's sources table says where each source can be read", "[report]") {
  const auto checked = test::checked_fixture("html-sources");
  const std::string html = render_html(checked->input());
  const std::size_t at = html.find("<section id=\"sources\">");
  REQUIRE(at != std::string::npos);
  const std::string table = html.substr(at, html.find("</section>", at) - at);
  for (const Source& source : checked->base.sources) {
    INFO(source.id);
    const std::size_t row = table.find("<code>" + source.id + "</code>");
    REQUIRE(row != std::string::npos);
    const std::string cells = table.substr(row, table.find("</tr>", row) - row);
    CHECK(cells.find("facts: <code>" + checked->base.files[source.file] + "</code>") !=
          std::string::npos);
    if (!source.article_file.empty())
      CHECK(cells.find("text: <code>" + source.article_file + "</code>") != std::string::npos);
  }
}

TEST_CASE("report.html is the same bytes on every run", "[report]") {
  const auto checked = test::checked_fixture("html-stable");
  CHECK(render_html(checked->input()) == render_html(checked->input()));
}
