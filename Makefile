# The two commands of the README: `make demo` and `make test`. Both install
# what they need first (scripts/install-deps.sh), so a fresh Debian 12 works.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test test-asan test-tsan demo demo-gateway demo-stop clean format fuzz

all: build

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD) -G Ninja $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD) --output-on-failure --timeout 900 -j $(JOBS)

# The whole suite again in a build with AddressSanitizer and UndefinedBehaviorSanitizer: a report
# stops the program that made it (-fno-sanitize-recover=all), so it fails its test. The GUI tests
# run offscreen. scripts/sanitizers/lsan.supp holds the only suppressions: leaks inside system
# libraries, each with its reason.
ASAN_BUILD ?= build-asan
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/sanitizers/lsan.supp:print_suppressions=0
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSUANLI_SANITIZE=address
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD) --output-on-failure --timeout 1800 -j $(JOBS)

# ThreadSanitizer over the gateway's own threads (store, audit appender, cache publish,
# simulator, Slurm poller, action executor): only the tests labelled "tsan", which never cross
# gRPC or Qt threads (Debian's gRPC and Qt are not built with TSan and report races of their own).
TSAN_BUILD ?= build-tsan
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSUANLI_SANITIZE=thread \
	  -DSUANLI_CONSOLE=OFF
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target tsan_tests
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --test-dir $(TSAN_BUILD) --output-on-failure --timeout 900 -j $(JOBS) -L tsan

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
FUZZ_TARGETS = fuzz_filter fuzz_slurm_text fuzz_slurm_json fuzz_token fuzz_jwt fuzz_rpc
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
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)
