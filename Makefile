# The two commands a newcomer needs (see README.md):
#   make sample   install everything, then build the sample plan: build/masterplan.pdf and build/site/
#   make test     install what the tests need (incl. Chromium and axe-core), then run the whole suite
# Both install their own dependencies: Debian packages with apt-get, Python packages from PyPI
# into .venv, npm packages into node_modules. Nothing else is downloaded.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_RUNTIME := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 shared-mime-info
APT_TEST    := chromium poppler-utils

.PHONY: sample test bench system-runtime system-test venv clean

sample: system-runtime $(VENV)/.installed
	$(BIN)/masterplan validate .
	$(BIN)/masterplan build .
	@echo "PDF: build/masterplan.pdf   site: build/site/index.html"

test: system-runtime system-test venv
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pytest -q -p no:cacheprovider --durations=25

# the benchmark (benchmarks/run.py, issue 5's figures): S and M against MkDocs (PyPI) and Hugo (Debian), some 10 minutes
bench: system-runtime $(VENV)/.installed
	@$(call apt,hugo)
	$(BIN)/pip install --quiet 'mkdocs>=1.6,<2'
	$(BIN)/python benchmarks/run.py --scales S,M --pdf-scales S,M --results build/benchmark.md

# $(call apt,PACKAGES): install them (apt-get update first) unless dpkg counts every one installed; one removed but
# not purged ("deinstall ok config-files", which dpkg -s passes) is installed again
apt = [ "$$(dpkg-query -W -f='$${db:Status-Status}\n' $(1) 2>/dev/null | grep -cx installed)" = "$(words $(1))" ] || \
	{ $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(1) >/dev/null; }

system-runtime:
	@$(call apt,$(APT_RUNTIME))

system-test:
	@$(call apt,$(APT_TEST))

# masterplan installed into .venv again only when its code, templates or fonts changed since the last `make sample`
$(VENV)/.installed: pyproject.toml setup.cfg $(shell find masterplan templates -type f -not -path '*/__pycache__/*' 2>/dev/null) | venv
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet .
	touch $@

venv:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)

clean:
	rm -rf build .venv node_modules
