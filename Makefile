# Two commands matter: `make run` and `make test`. Each first installs the system libraries it
# needs (tools/system-deps.sh: one list, apt-get/dnf/pacman, through sudo when not root; a no-op
# of ~20 ms when all are there), then creates .venv when it is missing and (re)installs when
# pyproject.toml changed, so a fresh clone needs nothing installed by hand. `make run` installs
# only what the app needs (PySide6, pyqtgraph, platformdirs); `make test` adds the test and
# lint tools (pytest, hypothesis, ruff, mypy, ...).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
SYSTEM_DEPS := bash tools/system-deps.sh
# One stamp per install: the app alone, and the app with the test and dev extras.
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
STAMP      := $(TEST_STAMP)

.PHONY: run test lint format translations bench bench-idle screenshots tray-screenshots poses sounds clean \
        system-deps system-deps-test

# Checked on every run (cheap): a package removed since the last run is put back.
system-deps:
	@$(SYSTEM_DEPS) runtime

system-deps-test:
	@$(SYSTEM_DEPS) test

$(BIN)/python: | system-deps
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	@touch $(RUN_STAMP)

# The full install holds the app's install too: `make run` after `make test` installs nothing.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,dev]'
	@touch $(TEST_STAMP) $(RUN_STAMP)

run: system-deps $(RUN_STAMP)
	$(BIN)/spinecoach $(ARGS)

test: system-deps-test $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every language's interface catalog: lupdate merges the marked words into
# resources/translations/<lang>/ui.ts (translations kept), lrelease compiles ui.qm; then the
# check lists what is still unfinished (docs/TRANSLATING.md).
translations: $(STAMP)
	$(BIN)/python tools/translations.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/countdown_accuracy.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/history_load.py

# Idle cost in the tray against Workrave and Safe Eyes, about 8 minutes (needs xvfb trayer
# dbus-daemon workrave safeeyes xprintidle; see the script's docstring).
bench-idle: $(STAMP)
	$(BIN)/python benchmarks/idle_tray.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

# The real tray icon, menu and reminder on Xvfb with Debian's trayer (needs xvfb trayer xdotool
# imagemagick installed).
tray-screenshots: $(STAMP)
	$(BIN)/python tools/tray_screenshot.py

poses: $(STAMP)
	$(BIN)/python tools/render_poses.py

sounds: $(STAMP)
	$(BIN)/python tools/make_sounds.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# --- packaging ---
# The standalone bundle (PyInstaller, packaging/spinecoach.spec; see packaging/README.md).
# `make bundle` builds dist/SpineCoach/ (dist/SpineCoach.app on macOS), ~25 s on 2 cores, again
# only when a source, shipped file or the spec changed; PYTHONHASHSEED and SOURCE_DATE_EPOCH make
# two builds of one commit identical. `make bundle-test` runs the bundle smoke test against it
# (`make test` runs the same tests against a bundle it builds in a temporary folder).
# libxss1 is bundled (idle time on X11): the test list of tools/system-deps.sh installs it.
BUNDLE_STAMP   := $(VENV)/.installed-bundle
BUNDLE_BUILT   := build/pyinstaller/.bundle-built
BUNDLE_SOURCES := packaging/spinecoach.spec packaging/bundle_entry.py packaging/bundle_selftest.py \
                  packaging/io.github.spinecoach.SpineCoach.desktop \
                  packaging/io.github.spinecoach.SpineCoach.metainfo.xml \
                  $(shell find src resources icons -type f -not -name '*.pyc' 2>/dev/null)

.PHONY: bundle bundle-test

$(BUNDLE_STAMP): pyproject.toml | $(RUN_STAMP)
	$(PIP) install --quiet -e '.[bundle]'
	@touch $(BUNDLE_STAMP)

$(BUNDLE_BUILT): $(BUNDLE_STAMP) $(BUNDLE_SOURCES)
	PYTHONHASHSEED=0 SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 315532800) \
	    $(BIN)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist \
	    --workpath build/pyinstaller packaging/spinecoach.spec
	@touch $(BUNDLE_BUILT)

bundle: system-deps-test $(BUNDLE_BUILT)
	@du -sh dist/SpineCoach

bundle-test: system-deps-test $(TEST_STAMP) $(BUNDLE_BUILT)
	QT_QPA_PLATFORM=offscreen SPINECOACH_BUNDLE=dist $(BIN)/python -m pytest \
	    tests/packaging/test_bundle.py $(PYTEST_ARGS)
