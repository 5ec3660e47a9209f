# Entry points for a newcomer (see README.md):
#   make study   create the environment, fetch the data, run `dvc repro`, show the tables
#   make test    same environment, run every notebook's tests, check notebooks and library are in sync
#   make tune    the tuning runs on val and the chosen weights written into params.yaml (tuned.<profile>)
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
PYTHON ?= python3
PROFILE ?= $(shell sed -n 's/^profile: *//p' params.yaml)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
GPUS ?= 1
EXECUTOR ?= local
FIXTURE ?=

.PHONY: study tune test env data sync-check dryrun pretrained

env: $(VENV)/.installed

$(VENV)/.installed: requirements.txt settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps cityscapesscripts
	$(BIN)/pip install -q --no-deps -e .
	touch $@

# Fashion-MNIST, the raw input of the embedded dataset: from Debian's package where apt is usable,
# else `sstkd_fetch` downloads it from the official location.
data: env
	@if [ ! -d /usr/share/datasets/fashion-mnist ] && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist; fi
	$(BIN)/sstkd_fetch data

# `make study PROFILE=cityscapes` switches the profile in params.yaml first (see params.yaml).
# With JOBS > 1 the training stages' own commands run JOBS at a time and are recorded with `dvc commit`
# (`python -m sstkd.study ahead`, see nbs/08_study.ipynb); `dvc repro` then runs what is left (the tables).
# JOBS (default: the number of cores) = 1: `dvc repro` runs every stage itself, one at a time.
# `dvc repro tables` (not a bare `dvc repro`): the tuning stages are not part of the study (`make tune`).
# GPUS=N (N > 1): every run trains under `torchrun --nproc_per_node=N` with the profile's global batch
# (SSTKD_GPUS, read by sstkd.study.run_experiment); the runs then go one at a time (they share the GPUs).
# EXECUTOR=slurm: the training stages are submitted as SLURM jobs through submitit, JOBS at a time, each
# with GPUS GPUs (SLURM_ARGS: e.g. "partition=gpu timeout_min=1440"); then `dvc repro` makes the tables.
study: data
	$(BIN)/python -c "from sstkd.study import set_profile; set_profile('$(PROFILE)')"
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/dvc repro scenes
	if [ "$(EXECUTOR)" = slurm ]; then SSTKD_GPUS=$(GPUS) $(BIN)/python -u -m sstkd.study ahead --jobs $(JOBS) --executor slurm --slurm "$(SLURM_ARGS)"; \
	elif [ "$(JOBS)" -gt 1 ] && [ "$(GPUS)" -le 1 ]; then $(BIN)/python -u -m sstkd.study ahead --jobs $(JOBS); fi
	SSTKD_GPUS=$(GPUS) PATH=$(abspath $(BIN)):$$PATH $(BIN)/dvc repro tables
	@for t in main ablation; do echo; echo "## $$t table ($(PROFILE))"; cat results/$(PROFILE)/$$t.md; done

# `make tune`: one run per point of params.yaml `tuning.points` (seed `tuning.seed`, scored on val, never
# test), the tuning table (results/<profile>/tuning.md), and each method's best point written under
# `tuned.<profile>` in params.yaml, where `make study` reads it (nbs/16_tune.ipynb). Run it before
# `make study`; `make study` never reruns it.
tune: data
	$(BIN)/python -c "from sstkd.study import set_profile; set_profile('$(PROFILE)')"
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/dvc repro scenes
	if [ "$(EXECUTOR)" = slurm ]; then SSTKD_GPUS=$(GPUS) $(BIN)/python -u -m sstkd.study ahead --runs tune --jobs $(JOBS) --executor slurm --slurm "$(SLURM_ARGS)"; \
	elif [ "$(JOBS)" -gt 1 ] && [ "$(GPUS)" -le 1 ]; then $(BIN)/python -u -m sstkd.study ahead --runs tune --jobs $(JOBS); fi
	SSTKD_GPUS=$(GPUS) PATH=$(abspath $(BIN)):$$PATH $(BIN)/dvc repro tune_table
	$(BIN)/python -m sstkd.tune apply --profile $(PROFILE)
	@echo; echo "## tuning table ($(PROFILE))"; cat results/$(PROFILE)/tuning.md

# The torchvision ImageNet weights the paper profiles start from, into pretrained/ (hash-checked).
pretrained: env
	$(BIN)/sstkd_fetch pretrained

# `make dryrun PROFILE=cityscapes [GPUS=8] [FIXTURE=1]`: every stage of the profile for a few iterations on
# this machine, then measured s/iter, peak memory per method at the per-GPU batch and the projected GPU-hours
# of the full study (report in dryrun/<profile>/report.md). FIXTURE=1: on a generated dataset in the
# profile's official layout at the real image sizes, when the real one is not there yet.
dryrun: env
	PATH=$(abspath $(BIN)):$$PATH $(BIN)/python -u -m sstkd.study dryrun --profile $(PROFILE) --gpus $(GPUS) $(if $(FIXTURE),--fixture) $(DRYRUN_ARGS)

sync-check: env  # also run at the end of `make test`
	@before=$$(git status --porcelain -- sstkd nbs README.md); \
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean && $(BIN)/python scripts/readme.py; \
	after=$$(git status --porcelain -- sstkd nbs README.md); \
	if [ "$$before" != "$$after" ]; then \
	  echo "FAIL: nbdev_export / nbdev_clean / README regeneration changed files:"; git status --short -- sstkd nbs README.md; exit 1; fi; \
	echo "sync check: library, notebooks and README are in step"

# Every notebook's tests (slow cells too with `make test TEST_FLAGS=slow`), then the sync check.
# nbdev_test runs two notebooks at a time: one torch thread each.
test: data
	@OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PATH=$(abspath $(BIN)):$$PATH bash scripts/test.sh $(TEST_FLAGS)

# The documentation site, built from the notebooks with Sphinx + myst-nb (stored outputs, nothing executed)
# into _docs/; `nbdev_docs` builds nbdev's own site into the same folder where Quarto is installed.
.PHONY: docs docs-test install-test
docs: env
	$(BIN)/python scripts/docs.py

# Opens every page in headless Chromium: images load, internal links resolve, API pages are filled.
docs-test: docs
	@if ! command -v chromedriver >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; fi
	$(BIN)/python scripts/test_docs.py

# `pip install .` into a fresh venv outside the checkout: every module imports, the tutorial's loop runs,
# the wheel holds the library only.
install-test:
	PYTHON=$(PYTHON) bash scripts/test_install.sh
