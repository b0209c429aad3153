# LTTH — build, run and test. `make run` and `make test` install what is missing first.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)
TAGS      := webkit2_41
BIN       := build/bin
ART       := .artifacts
GO_PKGS   := ./...

.PHONY: run test deps frontend frontend-check bindings desktop headless windows \
        check unit e2e smoke bench fuzz clean screenshots release release-test

## run: install what is missing, build, and start LTTH (desktop with a display, headless otherwise)
run: deps desktop headless
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then exec ./$(BIN)/ltth; \
	else echo "No display found: starting LTTH headless."; exec ./$(BIN)/ltth-headless --headless; fi

## test: install what is missing and run the whole test suite
test: deps check unit desktop headless e2e smoke windows release-test
	@echo "make test: all suites passed"

deps:
	@./scripts/deps.sh

frontend:
	cd frontend && npm run build

frontend-check:
	cd frontend && npm run check

## bindings: regenerate the committed Wails bindings in frontend/wailsjs
bindings:
	wails generate module -tags $(TAGS)
	chmod 644 frontend/wailsjs/runtime/*

check: frontend-check frontend
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet $(GO_PKGS)
	go vet -tags e2e ./e2e/
	go vet -tags desktop,production,$(TAGS) .
	cd frontend && npm test
	@wails generate module -tags $(TAGS) >/dev/null 2>&1 && git -c core.fileMode=false diff --exit-code --stat -- frontend/wailsjs \
	  || { echo "frontend/wailsjs is stale: run make bindings and commit it"; exit 1; }

unit:
	go test -count=1 $(GO_PKGS)

desktop: frontend
	wails build -s -m -nocolour -tags $(TAGS) -ldflags "$(LDFLAGS)" -o ltth
	@chmod 644 frontend/wailsjs/runtime/*

headless: frontend
	go build -tags embeddist -ldflags "$(LDFLAGS)" -o $(BIN)/ltth-headless .

## windows: cross-compile the Windows desktop build (mingw-w64 as the cgo compiler)
windows: frontend
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
	  go build -tags desktop,production -ldflags "$(LDFLAGS) -w -s -H windowsgui" -o $(BIN)/ltth.exe .
	@file $(BIN)/ltth.exe 2>/dev/null || ls -l $(BIN)/ltth.exe

e2e: headless
	mkdir -p $(ART)
	LTTH_BIN=$(CURDIR)/$(BIN)/ltth-headless LTTH_ARTIFACTS=$(CURDIR)/$(ART) \
	  go test -count=1 -tags e2e -skip 'Desktop' -v ./e2e/

## screenshots: every dashboard page at 1280x800 into docs/screenshots/ (headless binary, fresh data dir)
screenshots: headless
	@dir=$$(mktemp -d); port=$$((20000 + RANDOM % 20000)); \
	./$(BIN)/ltth-headless --headless --data-dir $$dir --listen 127.0.0.1:$$port >$$dir/out.log 2>&1 & pid=$$!; \
	for i in $$(seq 50); do [ -s $$dir/api-token ] && curl -sf http://127.0.0.1:$$port/api/health >/dev/null && break; sleep 0.2; done; \
	cd frontend && LTTH_URL=http://127.0.0.1:$$port LTTH_TOKEN=$$(cat $$dir/api-token) node tests/screenshots.e2e.mjs; rc=$$?; \
	kill $$pid; wait $$pid 2>/dev/null; rm -rf $$dir; exit $$rc

smoke: desktop
	mkdir -p $(ART)
	LTTH_DESKTOP_BIN=$(CURDIR)/$(BIN)/ltth LTTH_ARTIFACTS=$(CURDIR)/$(ART) \
	  xvfb-run -a -s "-screen 0 1280x900x24" dbus-run-session -- \
	  go test -count=1 -tags e2e -run 'Desktop' -v ./e2e/

## release: installers and archives into dist/ with SHA256SUMS (RELEASE_VERSION=x.y.z; default: newest vX.Y.Z tag, else 0.1.0)
release: frontend
	./scripts/release.sh

## release-test: build the release, check the files' contents, install, run and uninstall the Windows build under Wine
WINE_SMOKE ?= $(firstword $(wildcard $(CURDIR)/../shared/tools/wine-smoke.sh) $(abspath $(CURDIR)/../../shared/tools/wine-smoke.sh))
release-test: release
	mkdir -p $(ART)
	LTTH_DIST=$(CURDIR)/dist LTTH_ARTIFACTS=$(CURDIR)/$(ART) LTTH_WINE_SMOKE=$(WINE_SMOKE) LTTH_REQUIRE_WINE=1 \
	  go test -count=1 -tags e2e -run 'TestReleaseContents|TestWindowsInstallRunUninstall' -timeout 15m -v ./e2e/

## bench: the performance budget of design.md
bench: headless
	go test -run '^$$' -bench DecodeNormalize -benchtime 2s -cpu 1 ./backend/tiktok/normalize/
	go test -run '^$$' -bench 'WS' -benchtime 2s ./backend/server/
	go test -run '^$$' -bench Journal -benchtime 300000x ./backend/store/
	go test -run '^$$' -bench Match1000Flows -benchtime 2s ./backend/flow/
	go test -run '^$$' -bench Publish50 -benchtime 2s ./backend/bus/
	go test -run '^$$' -bench Consume -benchtime 200000x ./backend/goal/ ./backend/leaderboard/
	go test -run '^$$' -bench Replay200k -benchtime 1x -timeout 20m ./backend/core/
	go test -run '^$$' -bench SimulateAcknowledged -benchtime 2000x ./backend/core/
	LTTH_BIN=$(CURDIR)/$(BIN)/ltth-headless go test -tags e2e -run '^$$' -bench HeadlessStart -benchtime 20x ./e2e/
	LTTH_BIN=$(CURDIR)/$(BIN)/ltth-headless go test -tags e2e -run '^$$' -bench Soak -benchtime 1x ./e2e/
	go test -run '^$$' -bench OverlayFrameTime -benchtime 1x -count 3 ./plugins/emoji-rain/

fuzz:
	go test -run '^$$' -fuzz FuzzFrame -fuzztime 30s ./backend/tiktok/decode/

clean:
	rm -rf $(BIN) $(ART) frontend/dist dist
