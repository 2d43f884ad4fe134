# Thin wrapper around CMake. `make check` and `make test` do all the set-up on a fresh
# Debian machine: missing packages are installed with apt-get (see .ci/deps).
BUILD    ?= build
FACTS    ?= facts
REPORTS  ?= reports
FAIL_ON  ?= never
JOBS     ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps build check test format clean

all: build

deps:
	@.ci/deps build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Checks facts/ and writes reports/. Findings do not fail `make check` (FAIL_ON=never);
# `make check FAIL_ON=error` gates on them as a pre-commit hook or CI step would.
check: build
	$(BUILD)/crosscheck check $(FACTS) --out $(REPORTS) --fail-on $(FAIL_ON)

test: build
	@.ci/deps test
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
