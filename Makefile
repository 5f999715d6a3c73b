# Voki: `make run` and `make test` install what is missing, build, and run.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
PORT ?= 8080

.PHONY: all deps build build-server build-web run test bench clean

all: build

deps:
	bash scripts/install-deps.sh
	cd web && (test -d node_modules && test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund)
	cd tests && (test -d node_modules && test node_modules/.package-lock.json -nt package-lock.json || npm ci --no-audit --no-fund)

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build-server: $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

build-web:
	cd web && npm run build

build: build-server build-web

run: deps build
	$(BUILD_DIR)/app/voki serve --demo --port $(PORT) --data-dir var --bots-dir bots --web-root web/dist

test: deps build
	cd $(BUILD_DIR) && ctest --output-on-failure -j 2

bench: deps build
	bash bench/run.sh
	sh bench/feedback/bench.sh

clean:
	rm -rf $(BUILD_DIR) web/dist
