// libFuzzer target for the period grammar: any bytes give a period or an error that
// points inside the text, and every period's name reads back to the same days. The
// first byte picks the fiscal year start; the next four, a day on which the calendar must
// go to a civil date and back (within the years a period names: the calendar is
// std::chrono's, whose years end at ±32,767, so not every 32-bit day has a date).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "grammar/period.h"

namespace {

void check(bool condition) {
  if (!condition) std::abort();
}

void check_error(const cc::PeriodResult& result, std::string_view text) {
  if (const auto* error = std::get_if<cc::PeriodError>(&result)) {
    check(!error->message.empty());
    check(error->offset <= text.size() && error->length <= text.size() - error->offset);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const cc::MonthDay fiscal_start{1 + data[0] % 12, 1 + (data[0] / 12) % 28};
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const cc::PeriodResult period = cc::parse_period(text, fiscal_start);
  check_error(period, text);
  if (const auto* p = std::get_if<cc::Period>(&period)) {
    check(p->first <= p->last && cc::length_in_days(*p) >= 1);
    const std::string name = cc::period_name(*p, fiscal_start);
    const cc::PeriodResult again = cc::parse_period(name, fiscal_start);
    check(std::holds_alternative<cc::Period>(again) && std::get<cc::Period>(again) == *p);
    if (const auto months = cc::length_in_whole_months(*p)) check(*months >= 1);
  }

  const cc::PeriodResult date = cc::parse_date(text);
  check_error(date, text);
  if (const auto* d = std::get_if<cc::Period>(&date)) check(d->first <= d->last);

  if (size >= 5) {  // the calendar, on any day of the years a period can name (1000 to 9999)
    std::uint32_t raw = 0;
    for (int i = 1; i < 5; ++i) raw = raw << 8 | data[i];
    static const cc::Day first = cc::day_from_civil(1000, 1, 1);
    static const cc::Day last = cc::day_from_civil(9999, 12, 31);
    const auto day = static_cast<cc::Day>(
        first + static_cast<cc::Day>(raw % static_cast<std::uint32_t>(last - first + 1)));
    const cc::CivilDate civil = cc::civil_from_day(day);
    check(civil.year >= 1000 && civil.year <= 9999);
    check(civil.month >= 1 && civil.month <= 12 && civil.day >= 1 && civil.day <= 31);
    check(cc::day_from_civil(civil.year, civil.month, civil.day) == day);
  }
  return 0;
}
