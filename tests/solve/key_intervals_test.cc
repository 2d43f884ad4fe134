// Each key's implied interval, packed (solve/key_intervals.h): every interval reads back as
// it was set, small ends and GMP ones, open and closed and unbounded; an interval set again
// unchanged holds nothing more; and the solve's intervals are those of its components'
// fixpoints (tests/solve/conflicts_test.cc reads them key by key).
#include "catch.h"

#include <vector>

#include "solve/key_intervals.h"

using namespace cc;

namespace {

std::vector<Interval> intervals() {
  const Rational huge(BigInt(1) << 200);
  return {Interval(),
          Interval::nonnegative(),
          Interval(Bound{Rational(7062), false}, Bound{Rational(7062), false}),
          Interval(Bound{Rational(3477), false}, Bound{Rational(3501), true}),
          Interval(Bound{Rational(428, 1317), true}, std::nullopt),
          Interval(std::nullopt, Bound{Rational(-2, 3), false}),
          Interval(Bound{huge, false}, Bound{huge + Rational(1), true}),
          Interval(Bound{Rational(BigInt(3), BigInt(1) << 90), false}, Bound{huge, false})};
}

}  // namespace

TEST_CASE("a key's implied interval reads back as it was set, whatever its ends") {
  const std::vector<Interval> all = intervals();
  KeyIntervals keys;
  keys.assign(all.size(), Interval::nonnegative());
  REQUIRE(keys.size() == all.size());
  for (KeyId k = 0; k < keys.size(); ++k) CHECK(keys[k] == Interval::nonnegative());
  for (KeyId k = 0; k < all.size(); ++k) keys.set(k, all[k]);
  for (KeyId k = 0; k < all.size(); ++k) CHECK(keys[k] == all[k]);
  // Set in the other order over the same keys: each key holds its last interval.
  for (KeyId k = 0; k < all.size(); ++k) keys.set(k, all[all.size() - 1 - k]);
  for (KeyId k = 0; k < all.size(); ++k) CHECK(keys[k] == all[all.size() - 1 - k]);
}

TEST_CASE("an implied interval set again unchanged holds no end twice") {
  const std::vector<Interval> all = intervals();
  KeyIntervals keys;
  keys.assign(all.size(), Interval());
  for (KeyId k = 0; k < all.size(); ++k) keys.set(k, all[k]);
  const std::size_t apart = keys.apart();
  CHECK(apart > 0);  // the GMP ends
  for (int round = 0; round < 3; ++round)
    for (KeyId k = 0; k < all.size(); ++k) keys.set(k, all[k]);
  CHECK(keys.apart() == apart);
}

TEST_CASE("copies of the implied intervals compare equal until one changes") {
  KeyIntervals a;
  a.assign(3, Interval::nonnegative());
  a.set(1, Interval(Bound{Rational(5), false}, Bound{Rational(9), false}));
  KeyIntervals b = a;
  CHECK(a == b);
  b.set(2, Interval(Bound{Rational(1), false}, std::nullopt));
  CHECK_FALSE(a == b);
  CHECK(b[1] == a[1]);
}
