# The two commands of the README, plus the steps they are made of.
#   make demo   build everything and run the demo
#   make test   build everything and run every test (ctest)
#   make bench  every benchmark against its baselines (benchmarks/run)
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: all setup configure build demo test bench clean

all: build

setup:
	@tools/setup

$(BUILD)/CMakeCache.txt: | setup
	cmake -S . -B $(BUILD)

configure: $(BUILD)/CMakeCache.txt

build: setup configure
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	demo/run $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench:
	benchmarks/run --build $(BUILD)

clean:
	rm -rf $(BUILD)
