# followup: every target sets itself up; `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install lint test demo samples corpus eval bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,report,parquet]'
	# Bytecode, as pip writes it for an installed package: an editable install leaves it to the first
	# import, which does not write it where PYTHONDONTWRITEBYTECODE is set (0.15 s more per command).
	$(BIN)/python -m compileall -q followup extract normalize schemas compare >/dev/null
	touch $(STAMP)

install: $(STAMP)

# The quality gate, zero findings: ruff's rules E, F, I, UP, B and SIM, then mypy with the pydantic plugin over
# every package (both configured in pyproject.toml). mypy does not run setuptools' editable import hook, so it reads
# build/typecheck/followup: followup/'s files with the stage folders beside them as followup.extract, … (symlinks,
# rebuilt on each run); its messages name the files in the working tree.
STAGES := extract normalize schemas compare
lint: $(STAMP)
	$(BIN)/ruff check .
	rm -rf build/typecheck && mkdir -p build/typecheck/followup
	for f in followup/*; do ln -s ../../../$$f build/typecheck/followup/; done
	for stage in $(STAGES); do ln -s ../../../$$stage build/typecheck/followup/$$stage; done
	$(BIN)/mypy -p followup > build/typecheck/mypy.txt; status=$$?; \
	    sed -E 's#^build/typecheck/followup/($(subst $(eval) ,|,$(STAGES)))/#\1/#; s#^build/typecheck/##' build/typecheck/mypy.txt; \
	    exit $$status

# On every core (pytest-xdist); a test file stays on one worker, so the corpus is extracted once.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile

demo: $(STAMP)
	$(BIN)/followup batch samples/pdf -o out
	$(BIN)/followup history add out/history.db out --quiet
	$(BIN)/followup history show out/history.db
	$(BIN)/followup report out/history.db -o out/meeting-report.html
	@echo "meeting report: out/meeting-report.html (history database: out/history.db)"

# Regenerates samples/pdf from samples/content (needs LibreOffice, WeasyPrint and Chromium; the PDFs are committed).
samples: $(STAMP)
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python -m samples.generate

eval: $(STAMP)
	$(BIN)/python -m eval.linebreaks.evaluation

# Installs the generic extractors it compares with (the `bench` extra; tabula-py also needs Java) first.
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench.run

# Damaged copies of the samples through followup (tests/fuzz/run_fuzz.py; about 10 CPU-minutes) and the repair figures.
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/run_fuzz.py --count 520 --seed 13 --jobs 2 --recovery 40

clean:
	rm -rf $(VENV) out .pytest_cache

# Regenerates the layout-variation corpus samples/corpus/pdf and expected (the PDFs are committed).
corpus: $(STAMP)
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python -m samples.corpus.generate
