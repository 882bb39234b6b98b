# A thin wrapper over CMake. `make digest` and `make test` are the README's two commands.
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=
# Warnings are errors in every build this Makefile makes (developers and CI);
# a plain `cmake` configure leaves them off. `make digest WERROR=OFF` for a
# compiler newer than g++ 12.
WERROR ?= ON
# ccache shares objects between checkouts (worktrees, CI's clean clone): paths
# under the checkout are hashed relative to it, and not the build folder's path.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: a11y all deps test-deps configure build digest test golden-update clean sanitize tsan fuzz fuzz-build fuzz-replay bench typography release release-smoke install package build-matrix package-check

all: build

# What building and running need; `test-deps` adds the validators the tests run.
deps:
	@./scripts/install-deps.sh

test-deps:
	@./scripts/install-deps.sh test

configure: deps
	@cmake -S . -B $(BUILD) -DBROADSHEET_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

digest: build
	$(BUILD)/broadsheet build examples/world-brief.yaml --out digests

test: test-deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

golden-update: build
	BROADSHEET_UPDATE_GOLDEN=1 $(BUILD)/unit_tests -tc='golden*'
	cd $(BUILD) && BROADSHEET_UPDATE_GOLDEN=1 ctest -R golden --output-on-failure

# Every test (unit, error cases, end-to-end, hostile inputs) built with g++ under
# AddressSanitizer + UndefinedBehaviorSanitizer. -O1 keeps it fast enough for CI;
# the suppressions file explains each entry (leaks inside uninstrumented libraries).
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/hostile/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
sanitize: test-deps
	@$(MAKE) build BUILD=build-sanitize \
		CMAKE_FLAGS="-DBROADSHEET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG='-g -O1'"
	cd build-sanitize && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

# The unit tests that run threads (paragraphs composed ahead, page deflate on a
# second core, days in parallel, byte identity across core counts, the executor) under
# ThreadSanitizer, in build-tsan. `.ci/run` runs it after `make sanitize`.
TSAN_TESTS ?= executor*,work queue*,yaml events*,precompose*,content deflate*,pdf:*,jobs*,hyphenation*
tsan:
	@$(MAKE) configure BUILD=build-tsan \
		CMAKE_FLAGS="-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG='-g -O1 -fsanitize=thread' -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread"
	@cmake --build build-tsan -j $(JOBS) --target unit_tests
	TSAN_OPTIONS=halt_on_error=1:suppressions=$(CURDIR)/tests/tsan.supp build-tsan/unit_tests -tc='$(TSAN_TESTS)'

# libFuzzer over the whole pipeline (clang, ASan + UBSan), in build-fuzz: see fuzz/README.md.
# `make fuzz FUZZ_SECONDS=600 FUZZ_JOBS=1`; findings land in build-fuzz/artifacts/.
FUZZ_SECONDS ?= 600
FUZZ_JOBS ?= 1
FUZZ_BUILD ?= build-fuzz
fuzz-build:
	@./scripts/install-deps.sh fuzz
	@# Warnings stay errors in the g++ builds; clang's extra ones must not stop fuzzing.
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DBROADSHEET_FUZZ=ON -DBROADSHEET_WERROR=OFF \
		-DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(FUZZ_BUILD) --target fuzz_pipeline -j $(JOBS)

fuzz: fuzz-build
	fuzz/run_fuzzer.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS)

# Runs every seed and regression input once through the fuzz target.
fuzz-replay: fuzz-build
	fuzz/run_fuzzer.sh $(FUZZ_BUILD) replay

# The benchmark (docs/performance.md): an optimised build in build-bench, the
# generated corpus, broadsheet against htmldoc and pandoc (installed by the
# bench section of the dependency script) and the libharu floor, then twenty
# variants of a day in one process against one build, then `send` to 1,000
# subscribers over loopback SMTP; prints the tables.
# -O2, as the figures in docs/performance.md were measured.
# `make bench BENCH_FLAGS="--sizes 1000 --runs 5"`, `make bench BENCH_FLAGS="--rows send"`
BENCH_BUILD ?= build-bench
BENCH_FLAGS ?=
bench:
	@./scripts/install-deps.sh bench
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target broadsheet haru_floor
	python3 bench/run_bench.py $(BENCH_BUILD) $(BENCH_FLAGS)

# Typesetting quality, measured (docs/typography.md): overfull lines,
# word spacing, hyphen ladders, widows, orphans, missing glyphs, for the sample
# and a generated corpus. `make typography TYPO_ARGS="classic 1000"` (style, articles).
TYPO_ARGS ?= classic 1000
typography: build
	@cmake --build $(BUILD) -j $(JOBS) --target typography
	$(BUILD)/typography $(TYPO_ARGS)

# The optimised build users get (build-release): the binary and what is
# installed with it, not the tests. `make release-smoke` (CI) also builds the
# sample with it. `make install PREFIX=/usr/local DESTDIR=` installs it;
# `make package` makes the .deb (docs/install.md).
RELEASE_BUILD ?= build-release
PREFIX ?= /usr/local
DESTDIR ?=
release: deps
	@cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(RELEASE_BUILD) -j $(JOBS) --target installed_files

release-smoke: release
	@out=$$(mktemp -d) && $(RELEASE_BUILD)/broadsheet build examples/world-brief.yaml --out $$out -q \
		&& ls $$out | tr '\n' ' ' && echo "<- Release build of the sample" && rm -rf $$out

install: release
	DESTDIR=$(DESTDIR) cmake --install $(RELEASE_BUILD) --prefix $(PREFIX)

package: release
	@./scripts/install-deps.sh package
	cd $(RELEASE_BUILD) && cpack -G DEB
	@ls $(RELEASE_BUILD)/broadsheet_*.deb

# The .deb installed on a clean Debian 12 root (debootstrap, cached in
# build-debian12/) with apt, then used: scripts/check-deb-debian12.sh. Root and network.
package-check: package
	@command -v debootstrap > /dev/null || apt-get install -y debootstrap
	./scripts/check-deb-debian12.sh

# The EPUBs' accessibility: Ace by DAISY (npm, pinned, in build-a11y/) in
# Debian's chromium over the sample and the real feed, and the language-of-parts
# check (scripts/a11y.sh, docs/accessibility.md). Not in CI: it needs npm's registry.
a11y: build
	@./scripts/install-deps.sh a11y
	./scripts/a11y.sh $(BUILD)/broadsheet

# Every CMake build type with g++ and clang, warnings not errors, as users
# build (scripts/build-matrix.sh): `make build-matrix MATRIX="clang:Debug"`.
MATRIX ?=
build-matrix: deps
	@./scripts/install-deps.sh fuzz
	MATRIX="$(MATRIX)" JOBS=$(JOBS) ./scripts/build-matrix.sh

clean:
	rm -rf build-matrix $(BUILD) build-sanitize $(FUZZ_BUILD) $(BENCH_BUILD) $(RELEASE_BUILD)
