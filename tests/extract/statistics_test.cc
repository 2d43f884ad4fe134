// extract: the statistics of a text — each number widened to its hedge and form by the value
// grammar, quoted, its kind guessed; numbers that are not statistics left out.
#include "catch.h"

#include "extract/article_text.h"
#include "extract/statistics.h"

using namespace cc::extract;

namespace {

Statistics statistics_of(std::string_view text) {
  return find_statistics(text, split_sentences(text));
}

std::vector<std::string> values_of(std::string_view text) {
  std::vector<std::string> out;
  for (const Statistic& s : statistics_of(text).found) out.push_back(s.value_text);
  return out;
}

Statistic only(const Statistics& statistics) {
  REQUIRE(statistics.found.size() == 1);
  return statistics.found.front();
}

std::vector<std::string> left_out_of(std::string_view text) {
  std::vector<std::string> out;
  for (const LeftOut& l : statistics_of(text).left_out) out.push_back(l.text + ": " + l.reason);
  return out;
}

std::string kind_name(cc::FactKind kind) {
  return std::string(cc::fact_kind_name(kind));
}

}  // namespace

TEST_CASE("a number is widened to its hedge and form as the value grammar reads them",
          "[extract]") {
  CHECK(values_of("Police recorded more than 10,000 cases.") ==
        std::vector<std::string>{"more than 10,000"});
  CHECK(values_of("Snapchat was named in 82% of cases.") == std::vector<std::string>{"82%"});
  CHECK(values_of("Of these, 55 per cent involved Facebook.") ==
        std::vector<std::string>{"55 per cent"});
  CHECK(values_of("That is nine offences per day.") == std::vector<std::string>{"nine"});
  CHECK(values_of("Meaning that 1 in 4 victims were girls.") == std::vector<std::string>{"1 in 4"});
  CHECK(values_of("One in every five victims was a boy.") ==
        std::vector<std::string>{"One in every five"});
  CHECK(values_of("Crimes soared by a third in a year.") == std::vector<std::string>{"a third"});
  CHECK(values_of("It happened in almost half (47%) of cases.") ==
        std::vector<std::string>{"almost half (47%)"});
  CHECK(values_of("Use of Instagram was more than double that of the year before.") ==
        std::vector<std::string>{"more than double"});
  CHECK(values_of("The fund holds \u00A32.5 million and some 300 cases.") ==
        std::vector<std::string>{"\u00A32.5 million", "some 300"});
  CHECK(values_of("Offences have almost doubled, to just over 3,000.") ==
        std::vector<std::string>{"almost doubled", "just over 3,000"});
  CHECK(values_of("The majority of victims were girls.") == std::vector<std::string>{"majority"});
  CHECK(values_of("It rose three times over, to forty-two.") ==
        std::vector<std::string>{"three times", "forty-two"});
}

TEST_CASE("two readings that do not overlap are not one value", "[extract]") {
  // "7,062 (89%)" would be a hedge conflict: the grammar's reading of a figure and a rise.
  CHECK(values_of("Police recorded 7,062 (89%) offences.") ==
        std::vector<std::string>{"7,062", "89%"});
}

TEST_CASE("the kind of fact follows the words around the number", "[extract]") {
  CHECK(kind_name(only(statistics_of("Police recorded 7,062 offences.")).kind) ==
        std::string("figure"));
  CHECK(kind_name(only(statistics_of("Snapchat was named in 48% of those cases.")).kind) ==
        std::string("share"));
  const Statistic rise = only(statistics_of("It was a rise of 89% since 2017-18."));
  CHECK(kind_name(rise.kind) == std::string("change"));
  CHECK_FALSE(rise.fall);
  const Statistic fall = only(statistics_of("Offences fell by 12% last year."));
  CHECK(kind_name(fall.kind) == std::string("change"));
  CHECK(fall.fall);
  CHECK(kind_name(only(statistics_of("Offences have doubled.")).kind) == std::string("change"));
  CHECK(kind_name(only(statistics_of("The figure was twice that of 2018.")).kind) ==
        std::string("ratio"));
  const Statistic rate = only(statistics_of("That is nine grooming offences per day."));
  CHECK(kind_name(rate.kind) == std::string("rate"));
  CHECK(rate.unit == "day");
  const Statistic interval = only(statistics_of("An offence is recorded every 7 minutes."));
  CHECK(kind_name(interval.kind) == std::string("interval"));
  CHECK(interval.unit == "minute");
}

TEST_CASE("a number with words of a difference is drafted as a difference", "[extract]") {
  const auto difference = [](std::string_view text) {
    const Statistic st = only(statistics_of(text));
    CHECK(kind_name(st.kind) == std::string("difference"));
    return st;
  };
  CHECK(difference("There were 30,000 fewer deaths than in 2022.").fall);
  CHECK(difference("It was a drop of more than 27,000 on the year before.").fall);
  CHECK(difference("Deaths fell by 18,300 last year.").fall);
  CHECK_FALSE(difference("Admissions were about 1,000 above the 2021 total.").fall);
  CHECK_FALSE(difference("There were 1,000 more admissions than in 2021.").fall);
  CHECK(difference("a drop of more than 27,000").value_text == "more than 27,000");
  // not a difference: a plain count, "more" with no "than", a percentage (a change)
  CHECK(kind_name(only(statistics_of("Ten more cases were reported on Monday.")).kind) ==
        std::string("figure"));
  CHECK(kind_name(only(statistics_of("It was a drop of 12% on 2022.")).kind) ==
        std::string("change"));
}

TEST_CASE("dates, years, times, phone numbers, ordinals and labels are left out", "[extract]") {
  const std::string text =
      "On 1 November 2024, 05:57, police said 45 cases were recorded in 2023-24 and in 2017. "
      "Call 0800 310 2300 or +44 20 7946 0000. Section 15A of the Act came in on the 3rd day. "
      "Covid-19 and the A14 were closed. See www.example.com/2020/45 for No. 5 in the top "
      "three. It was the 1990s.";
  CHECK(values_of(text) == std::vector<std::string>{"45"});
  CHECK(left_out_of(text) ==
        std::vector<std::string>{
            "1 November 2024: a date", "05:57: a time of day", "2023-24: a year", "2017: a year",
            "0800 310 2300: a phone number", "+44 20 7946 0000: a phone number",
            "15A: a name or a label", "3rd: an ordinal", "Covid-19: a name or a label",
            "A14: a name or a label",
            "www.example.com/2020/45: part of a link, an address or a reference",
            "No. 5: a name or a label", "top three: a name or a label", "1990s: a year"});
}

TEST_CASE("numbers to call and the 'one' of 'one every' are left out", "[extract]") {
  CHECK(left_out_of("For help, text 988 or call us on 116 123.") ==
        std::vector<std::string>{"988: a phone number", "116 123: a phone number"});
  const Statistics every = statistics_of("That is roughly one every 7 minutes.");
  CHECK(only(every).value_text == "7");
  CHECK(every.left_out.size() == 1);
  CHECK(kind_name(only(statistics_of("It cost \u00A31.6bn a year.")).kind) == std::string("rate"));
}

TEST_CASE("a hedge or a percentage makes a year-like number a statistic", "[extract]") {
  CHECK(values_of("More than 2000 people and 2019% of nothing.") ==
        std::vector<std::string>{"More than 2000", "2019%"});
}

TEST_CASE("periods named by a length of time are left out, other lengths marked", "[extract]") {
  CHECK(left_out_of("Cases rose in the past two years and the last 6 months.") ==
        std::vector<std::string>{"the past two years: a period", "the last 6 months: a period"});
  const Statistics waited = statistics_of("Victims waited 18 weeks for a trial.");
  CHECK(only(waited).check == "a length of time");
  CHECK(values_of("Within the next year and a half, 300 cases.") ==
        std::vector<std::string>{"300"});
}

TEST_CASE("ages are kept but marked", "[extract]") {
  const auto check_of = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Statistic& s : statistics_of(text).found)
      out.push_back(s.value_text + ": " + s.check);
    return out;
  };
  CHECK(check_of("Boy, 4, found dead inside home") == std::vector<std::string>{"4: an age"});
  CHECK(check_of("A 15-year-old was arrested with 3 others.") ==
        std::vector<std::string>{"15: an age", "3: "});
  CHECK(check_of("Victims were aged between 12 and 15.") ==
        std::vector<std::string>{"12: an age", "15: an age"});
  CHECK(check_of("Children as young as 11 were targeted.") ==
        std::vector<std::string>{"11: an age"});
  CHECK(check_of("A law for young people under 18 came in.") ==
        std::vector<std::string>{"under 18: an age"});
  CHECK(check_of("He knew she was 12, but went on.") == std::vector<std::string>{"12: an age"});
  CHECK(check_of("Where age was provided, one in five victims were girls.") ==
        std::vector<std::string>{"one in five: "});
}

TEST_CASE("a year after a number is not the N of 'K in N', and a rate's base is left out",
          "[extract]") {
  CHECK(values_of("The rate was 84 offences per 100,000 people, compared with 79 in 2021/22.") ==
        std::vector<std::string>{"84", "79"});
  CHECK(left_out_of("The rate was 84 offences per 100,000 people, compared with 79 in 2021/22.") ==
        std::vector<std::string>{"per 100,000: the base of a rate", "2021/22: a year"});
  CHECK(values_of("Some 45 in 2019 and 1 in 4 in 2020.") ==
        std::vector<std::string>{"Some 45", "1 in 4"});
}

TEST_CASE("ranges and percentage points are kept but marked", "[extract]") {
  const auto check_of = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Statistic& s : statistics_of(text).found)
      out.push_back(s.value_text + ": " + s.check);
    return out;
  };
  const std::string range = "one end of a range, and a value cannot be a range";
  CHECK(check_of("Between 10 and 20 per cent of offences involved a knife.") ==
        std::vector<std::string>{"10: " + range, "20 per cent: " + range});
  CHECK(check_of("Some 3,000-4,000 weapons and 12 guns were handed in.") ==
        std::vector<std::string>{"Some 3,000: " + range, "4,000: " + range, "12: "});
  CHECK(check_of("It fell by 2.5 percentage points to 40%.") ==
        std::vector<std::string>{"2.5: a difference in percentage points, which no claim states",
                                 "40%: "});
  // Two figures of a change are not a range.
  CHECK(check_of("Offences rose from 3,000 to 4,000.") ==
        std::vector<std::string>{"3,000: ", "4,000: "});
}

TEST_CASE("'one' and 'zero' alone and 'most' without 'of' are left out", "[extract]") {
  CHECK(values_of("In one case the firm had zero tolerance and most apps failed.").empty());
  CHECK(values_of("Most of the victims were girls.") == std::vector<std::string>{"Most"});
  CHECK(values_of("No one knows, but one in five do.") == std::vector<std::string>{"one in five"});
}

TEST_CASE("the quote is the clause holding the value, verbatim", "[extract]") {
  const auto quotes_of = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Statistic& s : statistics_of(text).found) out.push_back(s.quote_text);
    return out;
  };
  CHECK(quotes_of("Meta-owned platforms were also popular, with WhatsApp named in 12% of those "
                  "cases, Facebook and Messenger in 12% and Instagram in 6%.") ==
        std::vector<std::string>{"with WhatsApp named in 12% of those cases",
                                 "Facebook and Messenger in 12%", "Instagram in 6%"});
  CHECK(quotes_of("Where the means of communication was disclosed - which was 1,824 cases - "
                  "social media platforms were often used.") ==
        std::vector<std::string>{
            "Where the means of communication was disclosed - which was 1,824 cases"});
  CHECK(quotes_of("Where the gender was known, 83% of cases were against girls.") ==
        std::vector<std::string>{"Where the gender was known, 83% of cases were against girls"});
  CHECK(quotes_of("Police recorded 66 offences, with 27 crimes recorded as involving Facebook, "
                  "Snapchat or Instagram.") ==
        std::vector<std::string>{"Police recorded 66 offences",
                                 "with 27 crimes recorded as involving Facebook, Snapchat or "
                                 "Instagram"});
  CHECK(quotes_of("Apps (Facebook, Messenger, WhatsApp) were used in 70 per cent of cases.") ==
        std::vector<std::string>{
            "Apps (Facebook, Messenger, WhatsApp) were used in 70 per cent of cases"});
  CHECK(quotes_of("\u201cThe \"official\" figure was 45% of cases,\u201d he said.") ==
        std::vector<std::string>{"The \"official\" figure was 45% of cases"});
  CHECK(quotes_of("Where police recorded \"grooming\": 83% of cases were online.") ==
        std::vector<std::string>{"Where police recorded \"grooming\": 83% of cases were online"});
  // A quote mark that closes a pair is not trimmed away from it.
  CHECK(quotes_of("Police said 12% of cases were \"online\".") ==
        std::vector<std::string>{"Police said 12% of cases were \"online\""});
  CHECK(quotes_of("It found 45 cases of \u201csextortion\u201d, police said.") ==
        std::vector<std::string>{"It found 45 cases of \u201csextortion\u201d"});
  // A value holding a conjunction ("one hundred and twenty") is not split at it.
  CHECK(quotes_of("Police recorded one hundred and twenty cases and 45% of them involved boys, "
                  "while two thousand and five were girls and 12 were others.") ==
        std::vector<std::string>{"Police recorded one hundred and twenty cases",
                                 "45% of them involved boys", "two thousand and five were girls",
                                 "12 were others"});
  // The quote holds the whole value, even one that runs over a separator.
  CHECK(quotes_of("The count was one hundred and twenty - one in all.") ==
        std::vector<std::string>{"The count was one hundred and twenty - one"});
  // A long clause is quoted around the value.
  std::string long_clause = "In " + std::string(60, 'x');
  for (int i = 0; i < 60; ++i) long_clause += " word";
  long_clause += " 45 cases";
  for (int i = 0; i < 60; ++i) long_clause += " word";
  const auto quote = quotes_of(long_clause + ".");
  REQUIRE(quote.size() == 1);
  CHECK(quote[0].size() < 400);
  CHECK(quote[0].find("45 cases") != std::string::npos);
}

TEST_CASE("ids come from the number and the words next to it", "[extract]") {
  const auto ids_of = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Statistic& s : statistics_of(text).found) out.push_back(s.id_base);
    return out;
  };
  CHECK(ids_of("It showed that 7,062 sexual communication with a child offences were recorded.") ==
        std::vector<std::string>{"7062-sexual-communication-child"});
  CHECK(ids_of("With Snapchat named in 48% of those cases.") ==
        std::vector<std::string>{"snapchat-named-48pc"});
  CHECK(ids_of("Almost half (47%) took place on Meta.") ==
        std::vector<std::string>{"half-47pc-took-place-meta"});
  CHECK(ids_of("A rise of 89% since 2017-18.") == std::vector<std::string>{"rise-89pc"});
  CHECK(slug("More than 10,000 cases: a \u2018record\u2019!") == "more-than-10000-cases-a-record");
  CHECK(slug("Children's charity") == "childrens-charity");
  CHECK(slug("one two three four", 9) == "one-two");
  CHECK(slug("\u00C9t\u00E9") == "t");
}

TEST_CASE("what a sentence says about time and place", "[extract]") {
  CHECK(periods_in("7,062 offences were recorded in 2023-24, a rise of 89% since 2017-18") ==
        std::vector<std::string>{"2023-24", "since 2017-18"});
  CHECK(periods_in("in the year to April 2019, compared with the previous year") ==
        std::vector<std::string>{"the year to April 2019 (2018-05..2019-04)", "the previous year"});
  CHECK(periods_in("over the last year, up to October last year, in the past two years") ==
        std::vector<std::string>{"the last year", "last year", "the past two years"});
  CHECK(periods_in("came into force on April 3, 2017") ==
        std::vector<std::string>{"April 3, 2017 (2017-04-03)"});
  CHECK(periods_in("In the five years since, crimes rose") ==
        std::vector<std::string>{"the five years since"});
  CHECK(periods_in("in the two years following the law, and 23% in the six months up to October "
                   "last year") ==
        std::vector<std::string>{"the two years following", "the six months", "last year"});
  CHECK(places_in("Police in England and Wales and the UK, Cambridgeshire police and Greater "
                  "Manchester Police, in Salford in February") ==
        std::vector<std::string>{"England and Wales", "UK", "Cambridgeshire", "Greater Manchester",
                                 "Salford"});
  CHECK(places_in("Figures from the U.K. Home Office") == std::vector<std::string>{"UK"});
  CHECK(places_in("Deaths in the U.S. fell") == std::vector<std::string>{"US"});
}

TEST_CASE("what a statistic counts, as a hint for its measure", "[extract]") {
  const auto counted = [](std::string_view text) {
    std::vector<std::string> out;
    for (const Statistic& s : statistics_of(text).found) out.push_back(s.counted);
    return out;
  };
  CHECK(counted("There were 4,373 offences recorded of sexual communication with a child.") ==
        std::vector<std::string>{"offences recorded of sexual communication with a child"});
  CHECK(counted("Police recorded 66 offences of grooming with a.") ==
        std::vector<std::string>{"offences of grooming"});
  CHECK(counted("That is nine grooming offences per day.") ==
        std::vector<std::string>{"grooming offences"});
  CHECK(counted("Almost half of the reported cases do not say.") ==
        std::vector<std::string>{"the reported cases"});
  CHECK(counted("It rose by 12% in cases.") == std::vector<std::string>{""});
  CHECK(counted("Victims were aged between 12 and 15.") == std::vector<std::string>{"", ""});
}

TEST_CASE("limits stop the search on a text full of numbers", "[extract]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "There were 45 cases. ";
  Limits limits;
  limits.max_statistics = 100;
  const Statistics capped = find_statistics(text, split_sentences(text), limits);
  CHECK(capped.found.size() == 100);
  CHECK(capped.truncated);
  limits.max_statistics = 1000;
  limits.max_numbers = 50;
  const Statistics looked = find_statistics(text, split_sentences(text), limits);
  CHECK(looked.found.size() == 50);
  CHECK(looked.truncated);
}

TEST_CASE("extract keeps the newsroom phrases the grammar reads, hedge and all", "[extract]") {
  using Values = std::vector<std::string>;
  CHECK(values_of("Visitors topped 100k in the summer.") == Values{"topped 100k"});
  CHECK(values_of("Crossings passed 29,000 in May.") == Values{"passed 29,000"});
  CHECK(values_of("Ticket sales surpassed 4,500 last week.") == Values{"surpassed 4,500"});
  CHECK(values_of("Cargo exceeded 7,300 tonnes.") == Values{"exceeded 7,300"});
  CHECK(values_of("The queue was greater than 800 people.") == Values{"greater than 800"});
  CHECK(values_of("Takings were well over 12,000 pounds.") == Values{"well over 12,000"});
  CHECK(values_of("Delays hit 15% or more of sailings.") == Values{"15% or more"});
  CHECK(values_of("The crew numbered 200 or so in July.") == Values{"200 or so"});
  CHECK(values_of("Attendance reached a 36-percent share.") == Values{"36-percent"});
  CHECK(values_of("Fares rose 2.5-fold since 2019.") == Values{"2.5-fold"});
  CHECK(values_of("Freight grew threefold since 2015.") == Values{"threefold"});
  CHECK(values_of("Some 13,574 cars crossed.") == Values{"Some 13,574"});
  CHECK(values_of("Car traffic will top 29,000 this year.") == Values{"top 29,000"});
  CHECK(values_of("Visitors will top 100k.") == Values{"top 100k"});
  CHECK(values_of("The ferry is in the top 10 of routes.").empty());  // a ranking
  // A rise just before a multiplier makes it a change; alone it is a ratio.
  CHECK(kind_name(only(statistics_of("Fares rose 2.5-fold since 2019.")).kind) == "change");
  CHECK(kind_name(only(statistics_of("Freight grew threefold.")).kind) == "change");
  CHECK(kind_name(only(statistics_of("The port is threefold the size of Dunmere.")).kind) ==
        "ratio");
}
