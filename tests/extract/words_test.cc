// extract reads the words of numbers from the grammar's one table (grammar/words.h): its
// hedges widen a value, its words of a rise or a fall and its multipliers give the kind.
#include "catch.h"

#include <string>

#include "extract/article_text.h"
#include "extract/statistics.h"

namespace {

cc::extract::Statistic only_statistic(const std::string& text) {
  const auto sentences = cc::extract::split_sentences(text);
  const cc::extract::Statistics found = cc::extract::find_statistics(text, sentences);
  INFO(text);
  REQUIRE(found.found.size() == 1);
  return found.found.front();
}

}  // namespace

TEST_CASE("extract widens a number to a hedge of the table and reads its kind from the table") {
  CHECK(only_statistic("Police recorded no fewer than 7,062 offences.").value_text ==
        "no fewer than 7,062");
  CHECK(only_statistic("Prices are approximately 40 per cent higher.").kind ==
        cc::FactKind::change);
  const cc::extract::Statistic fell = only_statistic("Arrests fell by a third last year.");
  CHECK(fell.kind == cc::FactKind::change);
  CHECK(fell.fall);
  const cc::extract::Statistic halved = only_statistic("Waiting times have halved.");
  CHECK(halved.kind == cc::FactKind::change);
  CHECK(halved.fall);
  CHECK(only_statistic("The figure was double that of 2018.").kind == cc::FactKind::ratio);
}
