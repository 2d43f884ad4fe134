// report.html's style and script, inline in the page. System fonts only; no web fonts.
#include "report/html_parts.h"

namespace cc::html {

const std::string_view kStyle = R"CSS(
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d8dadf;--paper:#fff;--tint:#f6f7f9;--error:#b3261e;
--warning:#a15c00;--accepted:#3d6b35;--info:#245f99;--mark:#ffe08a;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--tint)}
main{max-width:1100px;margin:0 auto;padding:0 16px 32px}
header.top{background:#23272f;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;
align-items:baseline;justify-content:space-between}
header.top h1{font-size:20px;margin:0}
header.top nav a{color:#cfe3ff;margin-right:14px;text-decoration:none}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:6px 0}
h4{font-size:14px;margin:14px 0 4px}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
code{overflow-wrap:anywhere}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(104px,1fr));gap:8px;margin:16px 0}
.tile{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.tile b{display:block;font-size:24px;line-height:1.2}
.tile span{color:var(--muted);font-size:13px}
.tile.error b{color:var(--error)}.tile.warning b{color:var(--warning)}.tile.accepted b{color:var(--accepted)}
#filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;background:var(--paper);
border:1px solid var(--line);border-radius:8px;padding:8px 12px}
#filters[hidden]{display:none}
#filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px}
#filters legend{float:left;margin-right:8px;font-weight:600}
#filters select{font:inherit;max-width:100%}
#shown{color:var(--muted);margin:8px 0}
.finding{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--muted);
border-radius:8px;padding:12px 16px;margin:12px 0}
.finding.error{border-left-color:var(--error)}.finding.warning{border-left-color:var(--warning)}
.finding.accepted{border-left-color:var(--accepted);opacity:.92}.finding.info{border-left-color:var(--info)}
.finding:target{box-shadow:0 0 0 3px #8ab4f8}
.finding header{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:center;font-size:13px}
.badge{color:#fff;border-radius:4px;padding:1px 7px;font-weight:600;text-transform:uppercase;font-size:12px}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}
.badge.accepted{background:var(--accepted)}.badge.info{background:var(--info)}
.rule{font-weight:600}.gap,.was{color:var(--muted)}
a.id{margin-left:auto;color:var(--muted);font:12px ui-monospace,monospace}
.quantity{color:var(--muted);margin:0 0 8px}
.likely{background:#fff8e6;border:1px solid #f1d48b;border-radius:6px;padding:6px 10px;margin:6px 0 8px}
.fact.doubted{border:2px solid var(--error)}
.fact.doubted::before{content:"the number to check";display:block;font-size:12px;font-weight:600;
color:var(--error);text-transform:uppercase}
ol.facts{list-style:none;padding:0;margin:8px 0;display:grid;gap:8px}
.fact{border:1px solid var(--line);border-radius:6px;padding:8px 10px;background:#fcfcfd}
.who{font-size:14px}.byline{color:var(--muted)}
.ref{color:var(--muted);font-size:12px}
.swatch{vertical-align:-1px}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid var(--line);font-style:italic}
mark{background:var(--mark);padding:0 2px;border-radius:2px;font-style:normal;font-weight:600}
.value{font-size:14px}.note{font-size:14px;color:var(--muted)}
details.loc{margin-top:4px;font-size:13px}
details summary{cursor:pointer}
.hint{color:var(--muted)}
p.review{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:12px 0}
h3.review{font-size:17px;margin:24px 0 4px;padding:2px 0 2px 10px;border-left:4px solid var(--info)}
.rmark{border:1px solid var(--line);border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;
color:var(--muted);background:var(--tint);white-space:nowrap}
.rmark.draft{color:#174ea6;background:#e8f0fe;border-color:#aecbfa}
.rmark.new{color:var(--error);background:#fce8e6;border-color:#f3b7b2}
pre{background:#f3f4f6;border:1px solid var(--line);border-radius:6px;padding:8px;overflow:auto;margin:6px 0}
pre.yaml span{display:block;white-space:pre}
pre.yaml span[data-line]::before{content:attr(data-line);display:inline-block;width:3.2em;color:#9aa0a6;
text-align:right;margin-right:1em}
pre.yaml span.at{background:#fff3c4}
ol.steps{margin:4px 0;padding-left:24px}
ol.steps li{font:13.5px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.notes .side{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:8px}
.notes .side div{border:1px dashed #c9a227;background:#fffbea;border-radius:6px;padding:6px 10px}
.notes .side p{margin:4px 0 0}
details.accept{margin-top:10px}
.accepted-by{background:#edf6ea;border-radius:6px;padding:6px 10px}
.notice{background:#fff4e5;border:1px solid #f0c36d;border-radius:6px;padding:8px 12px}
.clean{background:#edf6ea;border-radius:6px;padding:8px 12px}
.help{color:var(--muted);font-size:14px}
.fgraph{margin:10px 0 4px}.fgraph figcaption{font-size:13px;color:var(--muted);margin-bottom:4px}
.fgraph-scroll{overflow-x:auto;border:1px solid #eceef1;border-radius:6px;background:#fff;padding:4px}
.fgraph-scroll svg{display:block;max-width:100%;height:auto;margin:0 auto}
#whole-graph>summary{font-weight:600;margin:6px 0}
.graph-box{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px}
.graph-scroll{overflow:auto;max-height:75vh}
.graph-scroll.fit svg{width:100%;height:auto}
#fit{font:inherit;margin-bottom:6px}
.chart{background:var(--paper);border:1px solid var(--line);border-radius:8px;margin:12px 0;padding:10px 12px}
.chart figcaption{margin-bottom:6px}.unit{color:var(--muted)}
.panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:10px}
.pfig{margin:0;border:1px solid #eceef1;border-radius:6px;background:#fff;padding:6px 8px 0}
.pfig.closeup{border-color:#f0c36d}
.pfig figcaption{font-size:13px;font-weight:600;line-height:1.3;overflow-wrap:anywhere}
.pfig figcaption span{font-weight:400;color:var(--muted)}
svg.panel{display:block;width:100%;height:auto}
svg.panel .vlabel{font-size:10.5px;fill:var(--ink)}
svg.panel .cap{stroke:#555;stroke-width:1.4}
svg.panel .tick{font-size:10.5px;fill:var(--muted)}
svg.panel .grid{stroke:#eceef1}
svg.panel .implied{fill:#9ecae1;fill-opacity:.5;stroke:#4a90c2;stroke-width:.8}
svg.panel .whisker,svg.panel .open{stroke:#555;stroke-width:1.4}
svg.panel .open{stroke-dasharray:3 2}
svg.panel .ring{fill:none;stroke-width:2.2}
svg.panel .ring.error{stroke:var(--error)}svg.panel .ring.warning{stroke:var(--warning)}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px}
.key-implied{display:inline-block;width:12px;height:12px;background:#9ecae1;border:1px solid #4a90c2;vertical-align:-1px}
.key-ring{display:inline-block;width:12px;height:12px;border:2px solid var(--error);border-radius:50%;vertical-align:-1px}
.table{overflow-x:auto}
table{border-collapse:collapse;background:var(--paper);width:100%;font-size:14px}
th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
td a{overflow-wrap:anywhere}
footer{color:var(--muted);text-align:center;font-size:12px;padding:16px}
@media (max-width:600px){body{font-size:14px}main{padding:0 10px 24px}.finding{padding:10px}
.fgraph-scroll svg{max-width:none}
a.id{margin-left:0}h3{font-size:15px}}
)CSS";

// Filters: hide the cards whose status, rule or sources are not selected, and say how
// many are shown. The whole graph: opened by its link, scrolled to the first fact of an
// open error; "fit to width".
const std::string_view kScript = R"JS(
(function () {
  var form = document.getElementById('filters');
  var shown = document.getElementById('shown');
  if (form && shown) {
    form.hidden = false;
    var apply = function () {
      var statuses = [];
      form.querySelectorAll('input[name=status]').forEach(function (box) {
        if (box.checked) statuses.push(box.value);
      });
      var rule = form.elements.rule.value, source = form.elements.source.value;
      var cards = document.querySelectorAll('article.finding'), visible = 0;
      cards.forEach(function (card) {
        var ok = statuses.indexOf(card.dataset.status) >= 0 && (!rule || card.dataset.rule === rule) &&
          (!source || card.dataset.sources.split(' ').indexOf(source) >= 0);
        card.hidden = !ok;
        if (ok) visible++;
      });
      shown.textContent = 'Showing ' + visible + ' of ' + cards.length + ' findings';
    };
    form.addEventListener('change', apply);
    apply();
  }
  var fit = document.getElementById('fit');
  var box = document.querySelector('.graph-scroll');
  var whole = document.getElementById('whole-graph');
  var toRed = function () {  // start at the first fact of an open error, not at the top-left corner
    var red = box.querySelector('polygon[stroke="red"]') || box.querySelector('[stroke="red"]');
    if (red) {
      var outer = box.getBoundingClientRect(), inner = red.getBoundingClientRect();  // facts are at the left
      box.scrollTop += inner.top - outer.top - box.clientHeight / 3;
    }
  };
  if (whole && box) {  // the whole graph opens on its link, or on its own summary
    whole.addEventListener('toggle', function () { if (whole.open) toRed(); });
    var openWhole = function () { if (location.hash === '#graph') whole.open = true; };
    window.addEventListener('hashchange', openWhole);
    openWhole();
  }
  if (fit && box) {
    fit.hidden = false;
    fit.addEventListener('click', function () {
      var on = box.classList.toggle('fit');
      fit.textContent = on ? 'Actual size' : 'Fit to width';
    });
  }
})();
)JS";

}  // namespace cc::html
