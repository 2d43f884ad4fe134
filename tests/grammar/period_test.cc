// The period grammar, FORMAT §3: each form of `when`, fiscal years, spans, leap years,
// equal spellings, invalid input with its message and offset, lengths, names, and the
// `published` dates.
#include "catch.h"

#include "grammar/period.h"

using cc::MonthDay;
using cc::Period;

namespace {

constexpr MonthDay kApril{4, 1};    // the default fiscal year, April to March
constexpr MonthDay kJanuary{1, 1};  // a fiscal year that is the calendar year
constexpr MonthDay kJuly{7, 1};

cc::Day day(int year, unsigned month, unsigned d) {
  return cc::day_from_civil(year, month, d);
}

Period period(std::string_view text, MonthDay fiscal_start = kApril) {
  cc::PeriodResult result = cc::parse_period(text, fiscal_start);
  if (const auto* error = std::get_if<cc::PeriodError>(&result))
    FAIL("'" << text << "': " << error->message);
  return std::get<Period>(result);
}

// The period's days as "YYYY-MM-DD..YYYY-MM-DD", what a reader checks against a calendar.
std::string days_of(std::string_view text, MonthDay fiscal_start = kApril) {
  const Period p = period(text, fiscal_start);
  const auto show = [](cc::Day d) {
    const cc::CivilDate date = cc::civil_from_day(d);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return std::string(buffer);
  };
  return show(p.first) + ".." + show(p.last);
}

cc::PeriodError error_of(std::string_view text, MonthDay fiscal_start = kApril) {
  cc::PeriodResult result = cc::parse_period(text, fiscal_start);
  if (std::holds_alternative<Period>(result)) FAIL("'" << text << "' was read without error");
  return std::get<cc::PeriodError>(result);
}

std::string name_of(std::string_view text, MonthDay fiscal_start = kApril) {
  return cc::period_name(period(text, fiscal_start), fiscal_start);
}

std::string date_days(std::string_view text) {
  cc::PeriodResult result = cc::parse_date(text);
  if (const auto* error = std::get_if<cc::PeriodError>(&result))
    FAIL("'" << text << "': " << error->message);
  const Period p = std::get<Period>(result);
  const cc::CivilDate first = cc::civil_from_day(p.first);
  const cc::CivilDate last = cc::civil_from_day(p.last);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u..%04d-%02u-%02u", first.year, first.month,
                first.day, last.year, last.month, last.day);
  return buffer;
}

}  // namespace

// ---- the forms

TEST_CASE("a year is the calendar year") {
  CHECK(days_of("2019") == "2019-01-01..2019-12-31");
  CHECK(cc::length_in_days(period("2019")) == 365);
  CHECK(cc::length_in_days(period("2020")) == 366);
  CHECK(cc::length_in_days(period("2000")) == 366);  // divisible by 400: a leap year
  CHECK(cc::length_in_days(period("1900")) == 365);  // divisible by 100: not
}

TEST_CASE("YYYY-YY is a fiscal year from the fiscal year start") {
  CHECK(days_of("2017-18") == "2017-04-01..2018-03-31");
  CHECK(cc::length_in_days(period("2017-18")) == 365);
  CHECK(cc::length_in_days(period("2019-20")) == 366);  // holds 29 February 2020
  CHECK(days_of("1999-00") == "1999-04-01..2000-03-31");
  CHECK(days_of("2017-18", kJuly) == "2017-07-01..2018-06-30");
  SECTION("with a fiscal start of 01-01 a fiscal year is a calendar year") {
    CHECK(days_of("2017-18", kJanuary) == "2017-01-01..2017-12-31");
    CHECK(period("2017-18", kJanuary) == period("2017", kJanuary));
  }
}

TEST_CASE("YYYY-NN is a month unless NN is the next year's last two digits") {
  CHECK(days_of("2019-04") == "2019-04-01..2019-04-30");
  CHECK(days_of("2019-02") == "2019-02-01..2019-02-28");
  CHECK(days_of("2020-02") == "2020-02-01..2020-02-29");
  CHECK(days_of("2019-12") == "2019-12-01..2019-12-31");
  SECTION("2011-12 is the fiscal year; December 2011 is written with its days") {
    CHECK(days_of("2011-12") == "2011-04-01..2012-03-31");
    CHECK(days_of("2011-12-01..2011-12-31") == "2011-12-01..2011-12-31");
    CHECK(days_of("2000-01") == "2000-04-01..2001-03-31");
  }
}

TEST_CASE("a quarter is three months from January, April, July or October") {
  CHECK(days_of("2019-Q1") == "2019-01-01..2019-03-31");
  CHECK(days_of("2019-Q2") == "2019-04-01..2019-06-30");
  CHECK(days_of("2019-Q3") == "2019-07-01..2019-09-30");
  CHECK(days_of("2019-Q4") == "2019-10-01..2019-12-31");
  CHECK(days_of("2019-q2") == "2019-04-01..2019-06-30");
  CHECK(cc::length_in_days(period("2020-Q1")) == 91);
  CHECK(cc::length_in_days(period("2019-Q1")) == 90);
}

TEST_CASE("a day is one day") {
  CHECK(days_of("2019-04-03") == "2019-04-03..2019-04-03");
  CHECK(cc::length_in_days(period("2019-04-03")) == 1);
  CHECK(days_of("2020-02-29") == "2020-02-29..2020-02-29");
  CHECK(days_of("2000-02-29") == "2000-02-29..2000-02-29");
}

TEST_CASE("A..B runs from the start of A to the end of B") {
  CHECK(days_of("2017-18..2022-23") == "2017-04-01..2023-03-31");
  CHECK(days_of("2018-07..2019-06") == "2018-07-01..2019-06-30");
  CHECK(days_of("2019..2019-06") == "2019-01-01..2019-06-30");
  CHECK(days_of("2019-Q2..2020") == "2019-04-01..2020-12-31");
  CHECK(days_of("2019-04-03..2019-04-10") == "2019-04-03..2019-04-10");
  CHECK(days_of("2019..2019") == "2019-01-01..2019-12-31");
  CHECK(days_of(" 2019 .. 2020 ") == "2019-01-01..2020-12-31");
  CHECK(cc::length_in_days(period("2017-18..2022-23")) == 2191);
}

TEST_CASE("two spellings of the same days are the same period") {
  CHECK(period("2019-Q2") == period("2019-04..2019-06"));
  CHECK(period("2017-18") == period("2017-04..2018-03"));
  CHECK(period("2019") == period("2019-Q1..2019-Q4"));
  CHECK(period("2019") == period("2019-01-01..2019-12-31"));
  CHECK(period("2018-07..2019-06") == period("2018-Q3..2019-Q2"));
  CHECK(period("2017-18..2018-19") == period("2017-04..2019-03"));
  CHECK_FALSE(period("2019-Q2") == period("2019-04..2019-05"));
}

// ---- invalid input

TEST_CASE("invalid periods name the part and its offset") {
  const cc::PeriodError month = error_of("2019-13");
  CHECK(month.message == "month 13 does not exist (the fiscal year from 2019 is 2019-20)");
  CHECK(month.offset == 5);
  CHECK(month.length == 2);
  CHECK(error_of("2019-00").message ==
        "month 00 does not exist (the fiscal year from 2019 is 2019-20)");
  CHECK(error_of("2019-13-01").message == "month 13 does not exist");
  const cc::PeriodError april = error_of("2019-04-31");
  CHECK(april.message == "day 31 does not exist in April 2019 (it has 30 days)");
  CHECK(april.offset == 8);
  CHECK(april.length == 2);
  CHECK(error_of("2019-02-29").message ==
        "day 29 does not exist in February 2019 (2019 is not a leap year)");
  CHECK(error_of("1900-02-29").message ==
        "day 29 does not exist in February 1900 (1900 is not a leap year)");
  CHECK(error_of("2019-01-00").message == "day 00 does not exist in January 2019");
  CHECK(error_of("2019-01-32").message == "day 32 does not exist in January 2019 (it has 31 days)");
  const cc::PeriodError quarter = error_of("2019-Q5");
  CHECK(quarter.message == "quarter Q5 does not exist: quarters are Q1 to Q4");
  CHECK(quarter.offset == 5);
  CHECK(quarter.length == 2);
  CHECK(error_of("2019-Q0").message == "quarter Q0 does not exist: quarters are Q1 to Q4");
  const cc::PeriodError year = error_of("0999");
  CHECK(year.message == "year 0999 is outside 1000 to 9999");
  CHECK(year.length == 4);
}

TEST_CASE("unreadable periods say which forms are meant") {
  const std::string forms =
      ": write a year 2019, a fiscal year 2017-18, a month 2019-04, a quarter 2019-Q2, a day "
      "2019-04-03, or a span A..B such as 2017-18..2022-23";
  CHECK(error_of("10000").message == "could not read '10000'" + forms);
  CHECK(error_of("2019-4").message == "could not read '2019-4'" + forms);
  CHECK(error_of("FY2019").message == "could not read 'FY2019'" + forms);
  CHECK(error_of("2019/20").message == "could not read '2019/20'" + forms);
  CHECK(error_of("2019-04-3").message == "could not read '2019-04-3'" + forms);
  CHECK(error_of("2019-Q2x").message == "could not read '2019-Q2x'" + forms);
  CHECK(error_of("2019-04-03T10:00").message == "could not read '2019-04-03T10:00'" + forms);
  CHECK(error_of("2017-2018").message ==
        "could not read '2017-2018': write a fiscal year as 2017-18, or calendar years as "
        "2017..2018");
  const cc::PeriodError padded = error_of("  2019-4 ");
  CHECK(padded.offset == 2);
  CHECK(padded.length == 6);
  CHECK(error_of("").message == "the period is empty");
  CHECK(error_of("   ").message == "the period is empty");
}

TEST_CASE("a span needs both sides, each valid, and must not end before it starts") {
  const cc::PeriodError backwards = error_of("2019-06..2019-03");
  CHECK(backwards.message == "'2019-03' ends before '2019-06' starts");
  CHECK(backwards.offset == 9);
  CHECK(backwards.length == 7);
  const cc::PeriodError open = error_of("2019..");
  CHECK(open.message == "a span needs a period on each side of '..' in '2019..'");
  CHECK(open.offset == 4);
  CHECK(error_of("..2019").message == "a span needs a period on each side of '..' in '..2019'");
  const cc::PeriodError side = error_of("2019-04..2019-13");
  CHECK(side.message == "month 13 does not exist (the fiscal year from 2019 is 2019-20)");
  CHECK(side.offset == 14);
  const cc::PeriodError garbled = error_of("2019..20x9");
  CHECK(garbled.message.rfind("could not read '20x9' in '2019..20x9': write a year", 0) == 0);
  CHECK(garbled.offset == 6);
  CHECK(garbled.length == 4);
  CHECK(error_of("2019...2020").message.rfind("could not read '.2020' in '2019...2020'", 0) == 0);
  CHECK(error_of("2019..2020..2021").message.rfind("could not read '2020..2021'", 0) == 0);
}

// ---- lengths, containment, names

TEST_CASE("length in whole months, only from a 1st to a month's last day") {
  CHECK(cc::length_in_whole_months(period("2019")) == 12);
  CHECK(cc::length_in_whole_months(period("2017-18")) == 12);
  CHECK(cc::length_in_whole_months(period("2019-Q2")) == 3);
  CHECK(cc::length_in_whole_months(period("2020-02")) == 1);
  CHECK(cc::length_in_whole_months(period("2018-07..2019-06")) == 12);
  CHECK(cc::length_in_whole_months(period("2017-18..2022-23")) == 72);
  CHECK(cc::length_in_whole_months(period("2019-04-03")) == std::nullopt);
  CHECK(cc::length_in_whole_months(period("2019-04-01..2019-05-30")) == std::nullopt);
  CHECK(cc::length_in_whole_months(period("2019-04-02..2019-05-31")) == std::nullopt);
  CHECK(cc::length_in_whole_months(period("2019-02-01..2019-02-28")) == 1);
}

TEST_CASE("containment and overlap") {
  CHECK(cc::contains(period("2017-18..2022-23"), period("2019-20")));
  CHECK(cc::contains(period("2019"), period("2019-Q4")));
  CHECK_FALSE(cc::contains(period("2019"), period("2019-20")));
  CHECK(cc::overlaps(period("2019"), period("2019-20")));
  CHECK_FALSE(cc::overlaps(period("2019-Q1"), period("2019-Q2")));
  CHECK(cc::overlaps(period("2019-03-31..2019-04-01"), period("2019-Q2")));
}

TEST_CASE("a period's name is its shortest standard spelling") {
  CHECK(name_of("2019") == "2019");
  CHECK(name_of("2019-01..2019-12") == "2019");
  CHECK(name_of("2017-18") == "2017-18");
  CHECK(name_of("2017-04..2018-03") == "2017-18");
  CHECK(name_of("2019-04..2019-06") == "2019-Q2");
  CHECK(name_of("2019-04") == "2019-04");
  CHECK(name_of("2019-04-03") == "2019-04-03");
  CHECK(name_of("2017-18", kJanuary) == "2017");
  CHECK(name_of("2017-18", kJuly) == "2017-18");
  SECTION("December 2011 is not '2011-12', which is a fiscal year") {
    CHECK(name_of("2011-12-01..2011-12-31") == "2011-12-01..2011-12-31");
    CHECK(name_of("2000-01-01..2000-01-31") == "2000-01-01..2000-01-31");
  }
  SECTION("a span names each side by its shortest spelling inside the span") {
    CHECK(name_of("2017-18..2022-23") == "2017-18..2022-23");
    CHECK(name_of("2018-07..2019-06") == "2018-07..2019-06");
    CHECK(name_of("2018-Q3..2019-Q2") == "2018-07..2019-06");
    CHECK(name_of("2019..2019-06") == "2019-01..2019-06");
    CHECK(name_of("2019..2020") == "2019..2020");
    CHECK(name_of("2018-04..2019-06") == "2018-19..2019-06");
    CHECK(name_of("2019-04-03..2019-04-10") == "2019-04-03..2019-04-10");
    CHECK(name_of("2019-04-03..2019-06") == "2019-04-03..2019-06");
    CHECK(name_of("2011-12-01..2012-01-31") == "2011-12-01..2012-01");
  }
}

TEST_CASE("every name reads back to the same period") {
  for (const MonthDay start : {kApril, kJanuary, kJuly, MonthDay{2, 29}}) {
    for (const char* text : {"2019", "2017-18", "2011-12", "2019-Q2", "2019-04", "2020-02-29",
                             "2011-12-01..2011-12-31", "2018-07..2019-06", "2019-04-03..2020-02",
                             "1000", "9999-00", "9999-05..9999-00", "2010-11..2011-12-15"}) {
      CAPTURE(start.month, start.day, text);
      const Period p = period(text, start);
      CHECK(period(cc::period_name(p, start), start) == p);
    }
  }
}

// ---- published dates

TEST_CASE("a published date is a day, or a year or month when the article gives only that") {
  CHECK(date_days("2024-11-01") == "2024-11-01..2024-11-01");
  CHECK(date_days("2024-11") == "2024-11-01..2024-11-30");
  CHECK(date_days("2024") == "2024-01-01..2024-12-31");
  CHECK(date_days("2011-12") == "2011-12-01..2011-12-31");  // a date has no fiscal years
  CHECK(date_days(" 2024-11-01 ") == "2024-11-01..2024-11-01");
  SECTION("a time after the day is ignored") {
    CHECK(date_days("2024-11-01T10:30") == "2024-11-01..2024-11-01");
    CHECK(date_days("2024-11-01T10:30:00Z") == "2024-11-01..2024-11-01");
    CHECK(date_days("2024-11-01 10:30:00.25 +01:00") == "2024-11-01..2024-11-01");
    CHECK(date_days("2024-11-01t23:59:60-0500") == "2024-11-01..2024-11-01");
  }
}

TEST_CASE("invalid published dates say what a date is") {
  const auto message = [](std::string_view text) {
    cc::PeriodResult result = cc::parse_date(text);
    if (std::holds_alternative<Period>(result)) FAIL("'" << text << "' was read without error");
    return std::get<cc::PeriodError>(result).message;
  };
  const std::string forms = ": write a date as 2024-11-01 (or 2024-11, or 2024)";
  CHECK(message("2019-Q2") == "could not read '2019-Q2'" + forms);
  CHECK(message("2017-18") == "month 18 does not exist");
  CHECK(message("2019..2020") == "could not read '2019..2020'" + forms);
  CHECK(message("1 November 2024") == "could not read '1 November 2024'" + forms);
  CHECK(message("2024-11-01T25:00") == "could not read '2024-11-01T25:00'" + forms);
  CHECK(message("2024-11-01Tnoon") == "could not read '2024-11-01Tnoon'" + forms);
  CHECK(message("2023-02-29") ==
        "day 29 does not exist in February 2023 (2023 is not a leap year)");
}

// ---- the calendar

TEST_CASE("days count from 1970-01-01 in the proleptic Gregorian calendar") {
  CHECK(day(1970, 1, 1) == 0);
  CHECK(day(1969, 12, 31) == -1);
  CHECK(day(2000, 3, 1) == 11017);
  CHECK(day(2020, 3, 1) - day(2020, 2, 28) == 2);
  CHECK(day(2019, 3, 1) - day(2019, 2, 28) == 1);
  CHECK(day(2100, 3, 1) - day(2100, 2, 28) == 1);
  CHECK(day(2400, 3, 1) - day(2400, 2, 28) == 2);
  // The ends of the years the grammar reads, counted by Python's datetime.
  CHECK(day(1000, 1, 1) == -354285);
  CHECK(day(9999, 12, 31) == 2932896);
  CHECK(day(1600, 2, 29) == -135081);
  CHECK(cc::civil_from_day(2932896).year == 9999);
  CHECK(cc::days_in_month(1900, 2) == 28);
  CHECK(cc::days_in_month(2000, 2) == 29);
  CHECK(cc::days_in_month(2024, 2) == 29);
  CHECK(cc::days_in_month(2023, 4) == 30);
  SECTION("civil_from_day undoes day_from_civil, day after day for 800 years") {
    cc::CivilDate expected{1600, 1, 1};
    int mismatches = 0;
    for (cc::Day d = day(1600, 1, 1); d <= day(2400, 12, 31); ++d) {
      const cc::CivilDate date = cc::civil_from_day(d);
      if (date.year != expected.year || date.month != expected.month || date.day != expected.day ||
          day(date.year, date.month, date.day) != d) {
        ++mismatches;
      }
      const bool leap =
          (expected.year % 4 == 0 && expected.year % 100 != 0) || expected.year % 400 == 0;
      const unsigned month_days[] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      if (++expected.day > month_days[expected.month - 1]) {
        expected.day = 1;
        if (++expected.month > 12) {
          expected.month = 1;
          ++expected.year;
        }
      }
    }
    CHECK(mismatches == 0);
    CHECK(expected.year == 2401);
  }
}
