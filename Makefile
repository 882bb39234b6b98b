# A thin wrapper over CMake. `make digest` and `make test` are the README's two commands.
BUILD ?= build
JOBS  ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: all deps configure build digest test golden-update clean sanitize

all: build

deps:
	@./scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

digest: build
	$(BUILD)/broadsheet build examples/world-brief.yaml --out digests

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

golden-update: build
	BROADSHEET_UPDATE_GOLDEN=1 $(BUILD)/unit_tests -tc='golden*'
	cd $(BUILD) && BROADSHEET_UPDATE_GOLDEN=1 ctest -R golden --output-on-failure

sanitize:
	@$(MAKE) test BUILD=build-sanitize CMAKE_FLAGS="-DBROADSHEET_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

clean:
	rm -rf $(BUILD) build-sanitize
