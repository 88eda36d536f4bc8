# Green Envoy: `make demo` runs the whole chain on the sample data, `make test` the test suite.
# Both set up what is missing first (Debian packages when run as root, the venv, the dev requirements).

SHELL := /bin/bash
PYTHON_SYSTEM := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

# The distribution's QGIS (3.22 LTR on Debian 12 bookworm, 3.40 LTR on 13 trixie, 3.44 on sid), plus what the
# tests and the demo use. PostgreSQL is the distribution's own major version (tools/postgresql_version.sh).
PG_MAJOR := $(shell bash tools/postgresql_version.sh)
DEBIAN_PACKAGES := qgis qgis-providers python3-qgis python3-gdal gdal-bin python3-numpy python3-shapely \
	python3-pyproj python3-pandas python3-scipy python3-pil python3-venv python3-pip \
	python3-openpyxl python3-psycopg2 postgresql-$(PG_MAJOR) postgresql-$(PG_MAJOR)-postgis-3 qttools5-dev-tools \
	poppler-utils xvfb xauth fonts-dejavu-core gpsbabel libimage-exiftool-perl \
	chromium

.PHONY: template env debs venv demo test test-trixie test-sid test-bookworm bench lint sample full-rate full-rate-fit package \
	translations clean fuzz realworld realworld-photos web web-check

env: debs venv

debs:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else \
			echo "Missing Debian packages. Run as root:"; \
			echo "  sudo apt-get install -y --no-install-recommends $$missing"; \
			exit 1; \
		fi; \
	fi

venv: $(VENV)/.installed

# pip is held to the distribution's compiled packages (numpy, shapely, GDAL, PyQt5 ... at the versions this machine
# has, read by tools/debian_constraints.py) and the dev tools' pins; the check then asks where numpy was loaded
# from, not which version it is: any numpy but Debian's would break QGIS's and GDAL's bindings.
$(VENV)/.installed: requirements-dev.txt constraints.txt /etc/debian_version
	@test -x $(PY) || $(PYTHON_SYSTEM) -m venv --system-site-packages $(VENV)
	@mkdir -p build && $(PYTHON_SYSTEM) tools/debian_constraints.py > build/debian-constraints.txt
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -c build/debian-constraints.txt \
		-r requirements-dev.txt
	@$(PY) -c "import numpy, qgis.core; assert numpy.__file__.startswith('/usr/lib/python3/'), \
		'numpy must be Debian python3-numpy, not ' + numpy.__file__"
	@touch $@

demo: env
	mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	$(PY) -m green_envoy_plugin demo --out build/demo

# The PostGIS tests get a cluster of this distribution's PostgreSQL on a free port (root only; they skip
# otherwise), stopped again after the run whatever its result.
test: env
	mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	@dsn=$$( [ "$$(id -u)" = 0 ] && bash tools/pg_test_server.sh 2>/dev/null || true); \
	GREEN_ENVOY_TEST_PG="$$dsn" $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	[ -z "$$dsn" ] || bash tools/pg_test_server.sh stop; exit $$rc

# ruff; every Qt name the code uses checked against PyQt6 (QGIS 4): a PyQt5-only spelling fails the lint;
# mypy over the typed packages (pyproject.toml [tool.mypy]); the layers' import contracts (import-linter), no module
# over 600 lines, no import cycle (tools/lint_architecture.sh); every tr() text translated into Russian and Kazakh,
# no obsolete entry, placeholders kept, .ts/.qm as the table compiles (tools/check_translations.py).
lint: env
	$(VENV)/bin/ruff check green_envoy_plugin tests tools bench
	$(PY) tools/qt6_scan.py
	PY=$(PY) bash tools/typecheck.sh
	VENV=$(VENV) bash tools/lint_architecture.sh
	$(PY) tools/check_translations.py

# The same `make test` on other Debian releases, each in a debootstrap root under build/roots/ (made on first use,
# ~5 min, cached after), on a clean copy of the committed tree: trixie has QGIS 3.40 LTR, sid QGIS 3.44.
# WORKTREE=1 tests the working tree with its uncommitted changes instead.
test-trixie test-sid test-bookworm:
	bash tools/debian_root.sh test $(subst test-,,$@) $(if $(WORKTREE),--worktree)

# The committed sample (every 30 s); regenerate only on purpose: it changes the tests' expectations.
sample: env
	$(PY) tools/generate_expedition.py --out sample_data

# The full-rate set (1 fix per second, several million fixes) for benchmarks; outside git.
full-rate: env
	test -f build/full_rate/.done || ($(PY) tools/generate_expedition.py --out build/full_rate --rate 1 --gpx-only && touch build/full_rate/.done)

# The same 4 months written as 120 FIT files (what a bike computer records), for the FIT benchmark.
full-rate-fit: env
	test -f build/full_rate_fit/.done || ($(PY) tools/generate_expedition.py --out build/full_rate_fit --rate 1 \
		--gpx-only --fit && touch build/full_rate_fit/.done)

# Speed and memory of the GPX engine beside ogr2ogr and gpxpy, on the full-rate set (see bench/run.py).
BENCH_PACKAGES := libimage-exiftool-perl time gpsbabel

# The photo corpus (tests/data/photos, 54 real files of five projects, committed: their licences allow it) read
# beside exiftool, file by file; part of `make test` too, alone here.
realworld-photos: env
	$(PY) -m pytest tests/test_photos_corpus.py tests/test_exif_containers.py -q

# Every real-world corpus against its reference tools (other parts add themselves as prerequisites or a recipe).
realworld: realworld-photos

bench: env full-rate full-rate-fit
	@$(MAKE) --no-print-directory debs DEBIAN_PACKAGES="$(BENCH_PACKAGES)"
	$(PY) bench/run.py

# Coverage-guided fuzzing (atheris) of every reader of outside bytes, seeded from the real-file corpus: each of the
# 8 targets (GPX, FIT, TCX, gzipped tracks, photos, CSV, XLSX, .qpt) FUZZ_SECONDS long, 1 h in all by default; a crash, a hang
# over 10 s or a process over 2 GB fails it and its input is kept under tests/data/fuzz/ (tools/fuzz.py).
FUZZ_SECONDS ?= 450
fuzz: env
	$(PY) -m pip install -q --disable-pip-version-check -c build/debian-constraints.txt -r requirements-fuzz.txt
	$(PY) tools/fuzz.py all --seconds $(FUZZ_SECONDS)

# Kazakh and Russian: the .ts sources from tools/make_translations.py, compiled to the .qm the plugin loads.
# resources/green_envoy_atlas.qpt and resources/styles/*.qml from the demo store (after `make demo`).
template:
	$(PY) -m green_envoy_plugin save-template --gpkg build/demo/expedition.gpkg --out resources/green_envoy_atlas.qpt --styles resources/styles

translations:
	$(PY) tools/make_translations.py
	/usr/lib/qt5/bin/lrelease i18n/green_envoy_ru.ts i18n/green_envoy_kk.ts

# The zip for QGIS's "Install from ZIP" and the official repository: built by qgis-plugin-dev-tools (version and
# changelog from CHANGELOG.md, LICENSE), then held to the repository's checks (tools/check_package.py), which fail it.
package: env
	$(PY) tools/package.py build/green_envoy_plugin.zip

# The web atlas's libraries, pinned in web/package.json and web/package-lock.json, installed from the npm registry and
# copied with the atlas's own page, script and style into resources/web/ (tools/build_web.py). The result is committed,
# so that the tests, CI and `make package` need no npm: `make web` after changing web/, `make web-check` to confirm
# the committed files are what the lock gives. Debian's npm is installed first where none is (as root).
web web-check:
	@command -v npm >/dev/null 2>&1 || $(MAKE) --no-print-directory debs DEBIAN_PACKAGES=npm
	cd web && npm ci --ignore-scripts --no-audit --no-fund
	$(PYTHON_SYSTEM) tools/build_web.py $(if $(filter web-check,$@),--check)

# The Debian roots are unmounted and removed by their own script first: `rm -rf` must never follow a bind mount.
clean:
	for root in build/roots/*/; do [ ! -d "$$root/usr" ] || bash tools/debian_root.sh clean $$(basename $$root) || exit 1; done
	rm -rf build .pytest_cache
