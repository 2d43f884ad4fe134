// quote (docs/rules/quote.md, FORMAT §7): where a source names its article, every quote must occur
// in it, and every number written in the value must occur in the quote (as numbers:
// "7,062" matches "7062"). A miss catches a figure copied wrongly from the article.
#include <fmt/format.h>

#include <algorithm>

#include "checks/check.h"
#include "explain/finding.h"
#include "grammar/value.h"
#include "rules/wording.h"

namespace cc {

void check_quote(const FactBase& base, std::vector<Finding>& findings) {
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    const Source& source = base.sources[s];
    if (source.article.empty()) continue;  // quotes are checked where the article is given
    base.for_each_quote(s, [&](FactIndex f, std::string_view quote) {
      const Fact& fact = base.facts[f];
      if (!fact.quote_in_article) {
        Finding finding;
        finding.rule = FindingRule::quote;
        finding.facts = {f};
        finding.location = fact.quote_mark();
        finding.discriminator = "quote";
        finding.message =
            fmt::format("the quote of '{}' is not in {}", base.ref(f), source.article_file);
        finding.steps = {fmt::format(
            "looked for \"{}\" in {}, ignoring case, white space, quote marks and dashes", quote,
            source.article_file)};
        findings.push_back(std::move(finding));
      }
      const std::vector<std::string> in_quote = numbers_in_text(quote);
      std::vector<std::string> missing;
      for (const std::string& number : value_numbers(fact.value)) {
        if (std::find(in_quote.begin(), in_quote.end(), number) == in_quote.end())
          missing.push_back("'" + number + "'");
      }
      if (missing.empty()) return;
      Finding finding;
      finding.rule = FindingRule::quote;
      finding.facts = {f};
      finding.location = fact.value_mark();
      finding.discriminator = "value";
      finding.message = fmt::format("the value '{}' of '{}' is not in its quote: {} {} not found",
                                    fact.value.written, base.ref(f), join_words(missing),
                                    missing.size() == 1 ? "was" : "were");
      finding.steps = {fmt::format(
          "the quote holds the numbers: {}", in_quote.empty() ? std::string("none") : [&] {
            std::vector<std::string> quoted;
            for (const auto& n : in_quote) quoted.push_back("'" + n + "'");
            return join_words(quoted);
          }())};
      findings.push_back(std::move(finding));
    });
  }
}

}  // namespace cc
