# Thin wrapper around CMake. `make check` and `make test` do all the set-up on a fresh
# Debian machine (12 or 13): missing packages are installed with apt-get (see .ci/deps).
# `make check` builds the program alone; `make test` adds Catch2 and builds the tests too.
BUILD    ?= build
FACTS    ?= facts
REPORTS  ?= reports
FAIL_ON  ?= never
JOBS     ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps program build check test format clean

all: build

deps:
	@.ci/deps build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

# The program alone (no test sources).
program: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) --target crosscheck -j $(JOBS)

# Everything, the tests included: configured again so that a Catch2 installed since the
# first configure (by `make test` after `make check`) is found.
build:
	@.ci/deps test
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

# Checks facts/ and writes reports/. Findings do not fail `make check` (FAIL_ON=never);
# `make check FAIL_ON=error` gates on them as a pre-commit hook or CI step would.
check: program
	$(BUILD)/crosscheck check $(FACTS) --out $(REPORTS) --fail-on $(FAIL_ON)

test: build
	ctest --test-dir $(BUILD) --output-on-failure --no-tests=error -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
