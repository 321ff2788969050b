# The two commands of the README: `make demo` and `make test`. Both install
# what they need first (scripts/install-deps.sh), so a fresh Debian 12 works.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all deps configure build test demo demo-gateway demo-stop clean format

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

clean:
	rm -rf $(BUILD)
