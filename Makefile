# dsh — `make demo` and `make test` install what is missing, build, and run.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: setup build demo test bench fuzz check-format format clean

setup:
	@scripts/setup

build: setup
	$(SWIFT) build $(BUILD_FLAGS)

demo: build
	./.build/debug/dsh --demo

# Every import must be a declared dependency (house-review item 10).
test: build
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

bench: setup
	scripts/bench

# libFuzzer targets (Fuzz/), each run for FUZZ_SECONDS; fails on any crash.
fuzz: setup
	scripts/fuzz

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

check-format:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build
