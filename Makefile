# Two commands matter: `make run` and `make test`. Both create .venv when it is missing and
# (re)install when pyproject.toml changed, so a fresh clone needs nothing installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PIP    := $(BIN)/python -m pip

.PHONY: run test lint format bench bench-idle screenshots tray-screenshots poses sounds clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e '.[test,dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/spinecoach $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

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
