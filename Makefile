# tabled - compile council improvement plans into committee papers.
#
#   make papers   install missing Debian packages, build tabled, compile plans/ into out/
#   make test     install test tools, build, run every test ("N passed, N failed")
#   make tabled   just the program (installs nothing)
#   make compare  outputs of the example papers against BASE (default main), byte for byte

# No built-in rules: make would otherwise search them for a way to remake each of the
# ~100 dependency files it includes, a third of a no-op `make papers`.
MAKEFLAGS += --no-builtin-rules
.SUFFIXES:

CC      ?= cc
CSTD    := -std=c17
WARN    := -Wall -Wextra -Wpedantic -Werror
OPT     ?= -O2 -g
CPPFLAGS += -D_GNU_SOURCE
CFLAGS  ?=
# Libraries with a pkg-config file (libcmark-gfm's names its extensions library too);
# libharu has none.
PKGS    := yaml-0.1 libcmark-gfm libdeflate
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm -pthread
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)

BUILD   := build
SRC     := $(shell find src -name '*.c' | LC_ALL=C sort)
LIBSRC  := $(filter-out src/cli/main.c,$(SRC))
OBJ     := $(LIBSRC:%.c=$(BUILD)/%.o)
ALLFLAGS = $(CSTD) $(WARN) $(OPT) $(CPPFLAGS) $(PKGCFLAGS) $(CFLAGS)

# Debian packages: to build and make papers, and in addition to test.
BUILD_DEBS := build-essential pkg-config libyaml-dev libcmark-gfm-dev \
              libcmark-gfm-extensions-dev libhpdf-dev fonts-liberation2 libdeflate-dev
TEST_DEBS  := libcmocka-dev poppler-utils qpdf valgrind python3 python3-yaml

PLANS   := $(sort $(wildcard plans/*/plan.yaml))
PAPERS  := $(sort $(wildcard plans/*/*.md))

.PHONY: all papers test deps test-deps asan-build clean compare bench bench-peers
.DEFAULT_GOAL := all

all: tabled

# ---- packages -----------------------------------------------------------
# Installs only what is missing; a stamp keeps later runs free. Only the set-up
# targets install: `make papers` and `make test` put the packages in place before
# anything is compiled (an order-only prerequisite of every object, present only when
# one of them is asked for); `make tabled` and every other target never run apt-get.
$(BUILD)/deps.stamp:
	@tests/tools/install-debs.sh $(BUILD_DEBS)
	@mkdir -p $(BUILD) && touch $@
deps: $(BUILD)/deps.stamp

$(BUILD)/test-deps.stamp: $(BUILD)/deps.stamp
	@tests/tools/install-debs.sh $(TEST_DEBS)
	@mkdir -p $(BUILD) && touch $@
test-deps: $(BUILD)/test-deps.stamp

SETUP :=
ifneq ($(filter papers,$(MAKECMDGOALS)),)
SETUP := $(BUILD)/deps.stamp
endif
ifneq ($(filter test,$(MAKECMDGOALS)),)
SETUP := $(BUILD)/test-deps.stamp
endif

# ---- program ------------------------------------------------------------
$(BUILD)/%.o: %.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(CC) $(ALLFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libtabled.a: $(OBJ)
	@rm -f $@
	ar rcs $@ $^

tabled: $(BUILD)/src/cli/main.o $(BUILD)/libtabled.a
	$(CC) $(OPT) -o $@ $^ $(LIBS)

# The report and the renderers switch over node types: the compiler checks that every
# switch over an enum names every case.
$(BUILD)/src/report/%.o $(BUILD)/src/render/%.o: WARN += -Wswitch-enum

-include $(OBJ:.o=.d) $(BUILD)/src/cli/main.d

# ---- papers -------------------------------------------------------------
# One rule per paper, so make -j builds them in parallel and rebuilds only what
# changed: tabled -MD writes out/<plan>/<paper>.d naming every input it read (plan,
# paper, templates, fonts, images).
OUT ?= out
PAPER_HTML := $(PAPERS:plans/%.md=$(OUT)/%.html)
PAPER_JSON := $(PAPERS:plans/%.md=$(OUT)/%.json)
PLAN_JSON  := $(PLANS:plans/%/plan.yaml=$(OUT)/%/rollup.json)

papers: $(PAPER_HTML) $(PLAN_JSON) $(OUT)/index.html

$(OUT)/%.html $(OUT)/%.pdf $(OUT)/%.json: plans/%.md tabled
	./tabled build -MD --no-index -o $(OUT) $<

# A plan's roll-up also depends on its update files (plans/<plan>/updates/*.yaml) and
# on their folder, so that adding a file is noticed; update files are never plans.
.SECONDEXPANSION:
$(OUT)/%/rollup.json: plans/%/plan.yaml $$(wildcard plans/$$*/updates plans/$$*/updates/*.yaml) tabled
	./tabled build -o $(OUT) $<

$(OUT)/index.html: $(PAPER_JSON) templates/html/paper.css templates/house.yaml tabled
	./tabled index -o $(OUT) $(PAPER_JSON)

-include $(PAPER_HTML:.html=.d)

# ---- tests --------------------------------------------------------------
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libtabled.a | $(SETUP)
	@mkdir -p $(dir $@)
	$(CC) $(ALLFLAGS) -Isrc -MMD -MP $< -o $@ $(BUILD)/libtabled.a $(TEST_LIBS)

-include $(TEST_BIN:=.d)

test: $(BUILD)/test-deps.stamp tabled $(TEST_BIN)
	@$(MAKE) --no-print-directory -s asan-build
	@tests/run.sh

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan-build:
	@$(MAKE) --no-print-directory -s BUILD=build/asan OPT="$(ASAN_FLAGS)" \
	    build/asan/tabled-asan $(TEST_SRC:tests/unit/%.c=build/asan/tests/%)

build/asan/tabled-asan: $(BUILD)/src/cli/main.o $(BUILD)/libtabled.a
	$(CC) $(OPT) -o $@ $^ $(LIBS)

clean:
	rm -rf $(BUILD) out tabled

# ---- refactoring --------------------------------------------------------
# make compare [BASE=rev] [NEW=rev]: every example paper built by both trees' tabled
# (SOURCE_DATE_EPOCH fixed); every output file compared (tests/tools/compare-outputs.sh).
BASE ?= main
NEW ?= .
compare:
	@tests/tools/compare-outputs.sh $(BASE) $(NEW)

# ---- benchmarks (tests/bench) -------------------------------------------
# make bench: synthetic papers of 60, 600 and 6000 actions; tabled (HTML and PDF in one
# process) timed against pandoc, pandoc+wkhtmltopdf and Typst where they are installed.
# Needs no network; a missing peer is reported "not installed". make bench-peers
# installs the peers (Debian pandoc and wkhtmltopdf, npm Typst in tests/bench/node_modules).
$(BUILD)/bench/genbench: tests/bench/genbench.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

# N=6000 (or N=60,600) times those sizes only.
bench: tabled $(BUILD)/bench/genbench
	@python3 tests/bench/bench.py --genbench $(BUILD)/bench/genbench --dir $(BUILD)/bench \
	    $(if $(N),--sizes $(N))

bench-peers:
	@tests/bench/install-peers.sh
