// libFuzzer target for the value grammar: any bytes, in any role, must give a value or an
// error that points inside the text; never a crash. The first byte picks the context.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grammar/value.h"

namespace {

cc::ValueContext context_from(std::uint8_t bits) {
  cc::ValueContext context;
  context.role = static_cast<cc::FactKind>(bits % 7);
  context.count = (bits & 0x08) != 0;
  context.fall = (bits & 0x10) != 0;
  context.exact = (bits & 0x20) != 0;
  if ((bits & 0x40) != 0) context.precision = cc::Rational(1, 10);
  if ((bits & 0x80) != 0) context.vague = cc::Rational(1, 4);
  return context;
}

void check(bool condition) {
  if (!condition) std::abort();
}

bool contains(const std::vector<std::string>& haystack, const std::string& needle) {
  for (const std::string& item : haystack) {
    if (item == needle) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const cc::ValueContext context = context_from(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::vector<std::string> in_text = cc::numbers_in_text(text);
  const cc::ValueResult result = cc::parse_value(text, context);
  if (const auto* error = std::get_if<cc::ValueError>(&result)) {
    check(!error->message.empty());
    check(error->offset <= text.size() && error->length <= text.size() - error->offset);
    return 0;
  }
  const cc::Value& value = std::get<cc::Value>(result);
  check(value.readings.size() == 1 || value.readings.size() == 2);
  check(!value.interval.is_empty());
  for (const cc::Reading& reading : value.readings) check(!reading.interval.is_empty());
  if (context.role != cc::FactKind::change)
    check(value.interval.within(cc::Interval::nonnegative()));
  // The quote check relies on this: a value's own text holds every number it is said to have.
  for (const std::string& number : cc::value_numbers(value)) check(contains(in_text, number));
  return 0;
}
