# dsh — `make demo` and `make test` install what is missing, build, and run.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: setup build demo test bench fuzz check-format format clean release install uninstall dist dist-test docs \
	check-docs

setup:
	@scripts/setup

build: setup
	@scripts/stamp-commit
	$(SWIFT) build $(BUILD_FLAGS)

demo: build
	./.build/debug/dsh --demo

# Every import must be a declared dependency (house-review item 10).
test: build
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# libFuzzer targets (Fuzz/), each run for FUZZ_SECONDS; fails on any crash.
fuzz: setup
	scripts/fuzz

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

check-format:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build

# Installing and shipping: `make install PREFIX=/usr/local` (DESTDIR respected), `make dist`.
PREFIX ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^ *public static let number = "\(.*\)"$$/\1/p' Sources/DSHVersion/Version.swift)
DIST_NAME := dsh-$(VERSION)-linux-$(shell uname -m)
STAGE := .build/stage/$(DIST_NAME)
DIST_TARBALL := .build/dist/$(DIST_NAME).tar.gz
# RELEASE_SCRATCH: where the release build goes (default .build, beside the debug build).
RELEASE_SCRATCH ?= .build
# -Osize: the tarball is mostly code; smaller code, at no cost an admin's scripts notice.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -Osize --scratch-path $(RELEASE_SCRATCH)
INSTALLED := bin/dsh bin/dsh-sim \
	share/man/man1/dsh.1 share/man/man1/dsh-sim.1 share/man/man7/dsh-language.7 share/man/man7/dsh-verbs.7 \
	share/bash-completion/completions/dsh share/bash-completion/completions/dsh-sim \
	share/zsh/site-functions/_dsh share/zsh/site-functions/_dsh-sim \
	share/fish/vendor_completions.d/dsh.fish share/fish/vendor_completions.d/dsh-sim.fish \
	share/doc/dsh/README.md share/doc/dsh/docs/verbs.md share/doc/dsh/THIRD-PARTY-LICENSES

# dsh with the Swift runtime and Foundation linked in: it needs libc and libedit. It is
# dsh-sim too (called by that name), so the release builds only dsh.
release: setup
	@scripts/stamp-commit
	$(SWIFT) build $(RELEASE_FLAGS) --product dsh

$(STAGE): release
	scripts/stage $(STAGE) "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)"

# Benchmarks run what admins install: the staged release.
bench: $(STAGE)
	scripts/bench "$(STAGE)/bin"

install: $(STAGE)
	@for f in $(INSTALLED) $$(cd $(STAGE) && ls share/doc/dsh/LICENSE share/doc/dsh/NOTICE 2>/dev/null); do \
	  case $$f in bin/dsh-sim) continue ;; bin/*) mode=755 ;; *) mode=644 ;; esac; \
	  install -D -m $$mode $(STAGE)/$$f "$(DESTDIR)$(PREFIX)/$$f" && echo "installed $(DESTDIR)$(PREFIX)/$$f"; \
	done
	@ln -sfn dsh "$(DESTDIR)$(PREFIX)/bin/dsh-sim" && echo "linked $(DESTDIR)$(PREFIX)/bin/dsh-sim -> dsh"

uninstall:
	@for f in $(INSTALLED) share/doc/dsh/LICENSE share/doc/dsh/NOTICE; do \
	  if [ -e "$(DESTDIR)$(PREFIX)/$$f" ] || [ -L "$(DESTDIR)$(PREFIX)/$$f" ]; then rm -f "$(DESTDIR)$(PREFIX)/$$f" && echo "removed $(DESTDIR)$(PREFIX)/$$f"; fi; \
	done
	@rmdir "$(DESTDIR)$(PREFIX)/share/doc/dsh/docs" "$(DESTDIR)$(PREFIX)/share/doc/dsh" 2>/dev/null || true

# dsh-VERSION-linux-ARCH.tar.gz: one directory laid out like a prefix; the same as .tar.xz,
# a third smaller (the binary is mostly Foundation's ICU data, which xz packs far better).
dist: $(STAGE)
	@mkdir -p .build/dist
	tar -C .build/stage --owner=0 --group=0 --numeric-owner --sort=name -cf - $(DIST_NAME) | gzip -9n >$(DIST_TARBALL)
	tar -C .build/stage --owner=0 --group=0 --numeric-owner --sort=name -cf - $(DIST_NAME) | xz -9 -T0 >$(DIST_TARBALL:.gz=.xz)
	@ls -l $(DIST_TARBALL) $(DIST_TARBALL:.gz=.xz)

# The release build is too slow for every `make test`: the tarball's test runs only here.
dist-test: dist
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	DSH_DIST_TEST=1 DSH_DIST_TARBALL="$(CURDIR)/$(DIST_TARBALL)" $(SWIFT) test --skip-build --filter DistTarballTests $(BUILD_FLAGS)

# The man pages in docs/man and the verb reference docs/verbs.md, from the declarations
# (`make check-docs` fails when the committed ones differ).
docs: setup
	scripts/docs docs

check-docs: setup
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && scripts/docs $$tmp && diff -ru docs/man $$tmp/man \
	  && diff -u docs/verbs.md $$tmp/verbs.md && echo "docs/man and docs/verbs.md are up to date"
