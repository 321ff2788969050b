# The two commands of the README: `make demo` and `make test`. Both install
# what they need first (scripts/install-deps.sh), so a fresh Debian 12 works.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test demo demo-gateway demo-stop clean format fuzz

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure --timeout 900 -j $(JOBS)

demo: build
	bash scripts/demo.sh console $(BUILD)

demo-gateway: build
	bash scripts/demo.sh start $(BUILD)

demo-stop:
	bash scripts/demo.sh stop $(BUILD)

format:
	cmake --build $(BUILD) --target format

# Fuzzes each target of fuzz/ for FUZZ_SECONDS with libFuzzer (clang, ASan, UBSan) in its own
# build folder. New inputs go to $(FUZZ_BUILD)/new/NAME (copy the ones worth keeping into
# fuzz/corpus/NAME), crashes to $(FUZZ_BUILD)/crashes; a crash fails the target.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = fuzz_filter fuzz_slurm_text fuzz_slurm_json
fuzz: deps
	CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSUANLI_FUZZ=ON -DSUANLI_CONSOLE=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	mkdir -p $(FUZZ_BUILD)/crashes
	set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/new/$$t; \
	  $(FUZZ_BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=10 \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- $(FUZZ_BUILD)/new/$$t fuzz/corpus/$$t; \
	done

clean:
	rm -rf $(BUILD)
