# tabled - compile council improvement plans into committee papers.
#
#   make papers   install missing Debian packages, build tabled, compile plans/ into out/
#   make test     install test tools, build, run every test ("N passed, N failed")
#   make tabled   just the program (installs nothing)
#   make install  [PREFIX=/usr/local] [DESTDIR=]  program, templates, fonts, man pages
#   make uninstall
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
PKGS    := yaml-0.1 libcmark-gfm libdeflate libpng libjpeg
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lm -pthread
PKGCFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)

BUILD   := build

# Where make install puts things. The data folder is compiled into the program (it
# is rebuilt when PREFIX changes); an installed tabled also finds share/tabled beside
# its bin/ folder, so a DESTDIR staging copy works too.
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/tabled
MANDIR  ?= $(PREFIX)/share/man
SRC     := $(shell find src -name '*.c' | LC_ALL=C sort)
LIBSRC  := $(filter-out src/cli/main.c,$(SRC))
OBJ     := $(LIBSRC:%.c=$(BUILD)/%.o)
ALLFLAGS = $(CSTD) $(WARN) $(OPT) $(CPPFLAGS) -I$(BUILD) $(PKGCFLAGS) $(CFLAGS)

# Debian packages: to build and make papers, and in addition to test.
BUILD_DEBS := build-essential pkg-config libyaml-dev libcmark-gfm-dev \
              libcmark-gfm-extensions-dev libhpdf-dev fonts-liberation2 libdeflate-dev \
              libpng-dev libjpeg-dev
TEST_DEBS  := libcmocka-dev poppler-utils qpdf valgrind python3 python3-yaml man-db strace \
              clang libclang-rt-14-dev python3-pikepdf

PLANS   := $(sort $(wildcard plans/*/plan.yaml))
PAPERS  := $(sort $(wildcard plans/*/*.md))
# Meeting files (agenda packs): not plans, so the plan rules never see them.
MEETINGS := $(sort $(wildcard plans/meetings/*.yaml))

.PHONY: all papers test deps test-deps asan-build clean install uninstall compare bench \
        bench-peers FORCE
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
ifneq ($(filter test fuzz fuzz-build fuzz-sheet fuzz-meeting,$(MAKECMDGOALS)),)
SETUP := $(BUILD)/test-deps.stamp
endif

# ---- program ------------------------------------------------------------
$(BUILD)/%.o: %.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(CC) $(ALLFLAGS) -MMD -MP -c $< -o $@

# The installed data folder, compiled in. tabled_config.mk remembers the value built
# with, so the header is rewritten (and tabled rebuilt) only when DATADIR changes, and
# a no-op make runs no shell for it.
-include $(BUILD)/tabled_config.mk
ifneq ($(BUILT_DATADIR),$(DATADIR))
$(BUILD)/tabled_config.h: FORCE
endif
$(BUILD)/tabled_config.h:
	@mkdir -p $(BUILD)
	@printf '#define TABLED_DATADIR "%s"\n' '$(DATADIR)' >$@
	@printf 'BUILT_DATADIR := %s\n' '$(DATADIR)' >$(BUILD)/tabled_config.mk
$(BUILD)/src/cli/resources.o $(BUILD)/src/cli/template_set.o: $(BUILD)/tabled_config.h
FORCE:

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
MEETING_JSON := $(MEETINGS:plans/meetings/%.yaml=$(OUT)/meetings/%.json)

papers: $(PAPER_HTML) $(PLAN_JSON) $(MEETING_JSON) $(OUT)/index.html

# Each plan is checked once, by its roll-up's rule; a paper does not repeat its plan's
# diagnostics (--no-plan-diagnostics), and a plan with errors fails its papers with one
# line each. TABLED_FLAGS adds options, e.g. --diagnostics-format=github in CI.
TABLED_FLAGS ?=
$(OUT)/%.html $(OUT)/%.pdf $(OUT)/%.json: plans/%.md tabled
	./tabled build -MD --no-index --no-plan-diagnostics $(TABLED_FLAGS) -o $(OUT) $<

# A plan's roll-up also depends on its update files (plans/<plan>/updates/*.yaml) and
# on their folder, so that adding a file is noticed; update files are never plans.
.SECONDEXPANSION:
$(OUT)/%/rollup.json: plans/%/plan.yaml $$(wildcard plans/$$*/updates plans/$$*/updates/*.yaml) tabled
	./tabled build $(TABLED_FLAGS) -o $(OUT) $<

# One rule per meeting: its packs (public, private, supplementary), page map and agenda
# page. tabled pack -MD names every paper, plan, update file, template and font it
# read in out/meetings/<meeting>.d, so a pack is rebuilt when one of them changes, and
# only then.
$(OUT)/meetings/%.json $(OUT)/meetings/%.pdf $(OUT)/meetings/%.html: plans/meetings/%.yaml tabled
	./tabled pack -MD --no-plan-diagnostics $(TABLED_FLAGS) -o $(OUT) $<

$(OUT)/index.html: $(PAPER_JSON) $(MEETING_JSON) templates/html/paper.css templates/house.yaml tabled
	./tabled index $(TABLED_FLAGS) -o $(OUT) $(PAPER_JSON) $(MEETING_JSON)

# An exempt paper's dependency file is kept with its private edition.
-include $(PAPER_HTML:.html=.d) $(MEETING_JSON:.json=.d) $(wildcard $(OUT)/private/*/*.d)

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
	@$(MAKE) --no-print-directory -s fuzz-build
	@tests/run.sh

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
# TABLED_TESTING compiles in the tests' fault injection (fileio.c).
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all \
              -DTABLED_TESTING
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

# ---- install ------------------------------------------------------------
# The program, the templates and fonts it falls back on outside a project, the JSON
# Schemas (under templates/schemas) and the man pages. No root is needed to build when
# the Debian packages are there; installing into a system folder needs the rights to
# write there, nothing more.
MAN1 := $(sort $(wildcard src/man/*.1))
MAN5 := $(sort $(wildcard src/man/*.5))
DATA_FILES = $(shell find templates fonts -type f | LC_ALL=C sort)

install: tabled
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' '$(DESTDIR)$(MANDIR)/man5'
	install -m 755 tabled '$(DESTDIR)$(BINDIR)/tabled'
	@for f in $(DATA_FILES); do \
	    install -d "$(DESTDIR)$(DATADIR)/$$(dirname $$f)" && \
	    install -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; \
	done
	@echo "installed templates and fonts in $(DESTDIR)$(DATADIR)"
	install -m 644 $(MAN1) '$(DESTDIR)$(MANDIR)/man1/'
	install -m 644 $(MAN5) '$(DESTDIR)$(MANDIR)/man5/'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/tabled'
	rm -rf '$(DESTDIR)$(DATADIR)'
	rm -f $(patsubst src/man/%,'$(DESTDIR)$(MANDIR)/man1/%',$(MAN1))
	rm -f $(patsubst src/man/%,'$(DESTDIR)$(MANDIR)/man5/%',$(MAN5))

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

# ---- fuzzing (tests/fuzz) -------------------------------------------------
# libFuzzer harnesses built with clang, one library of ours instrumented for all of them
# (the system libraries are not): the plan loader and update files (plan), the paper
# loader + Markdown + report builder (paper), the image checker/decoder and the font
# check (image), the whole build to HTML and PDF in memory (build), the sheet import
# (sheet), the paper's JSON as `tabled index` reads it (paper_json), and meeting files
# with their papers' exempt appendices, agendas and page maps (meeting).
#   make fuzz                 each harness for FUZZ_SECONDS (default 300) from the seed
#                             corpus (tests/fuzz/seed.sh); FUZZ_HARNESSES="plan image"
#                             for some; new inputs kept in build/fuzz/corpus/<harness>,
#                             crashes in build/fuzz/crashes/ (copy them to
#                             tests/fuzz/regressions/<harness>/ once fixed)
#   make fuzz-sheet           the same for the sheet harness alone
#   make test                 runs every regression corpus and a short smoke of each
#                             harness (tests/fuzz/run-fuzz.sh, FUZZ_SMOKE_SECONDS, 20)
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 300
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(CSTD) $(WARN) -g -O2 $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(CPPFLAGS) \
                -DTABLED_TESTING -I$(BUILD) $(PKGCFLAGS)
FUZZ_HARNESSES ?= plan paper image build sheet paper_json meeting
FUZZ_ALL  := plan paper image build sheet paper_json meeting
FUZZ_OBJ  := $(LIBSRC:%.c=$(BUILD)/fuzz/%.o)
FUZZ_BINS := $(FUZZ_ALL:%=$(BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/%.o: %.c | $(SETUP)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/fuzz/src/cli/resources.o $(BUILD)/fuzz/src/cli/template_set.o: $(BUILD)/tabled_config.h

$(BUILD)/fuzz/libtabled.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h $(BUILD)/fuzz/libtabled.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Isrc -Itests/fuzz -fsanitize=fuzzer $< tests/fuzz/fuzz_common.c \
	    $(BUILD)/fuzz/libtabled.a $(LIBS) -o $@

# (only when fuzzers are asked for: a no-op make papers stays cheap)
ifneq ($(filter fuzz fuzz-build fuzz-sheet fuzz-meeting $(BUILD)/fuzz/%,$(MAKECMDGOALS)),)
-include $(FUZZ_OBJ:.o=.d)
endif

.PHONY: fuzz fuzz-build fuzz-sheet fuzz-meeting
fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build tabled
	@tests/fuzz/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

fuzz-sheet: $(BUILD)/fuzz/fuzz_sheet tabled
	@tests/fuzz/fuzz.sh $(FUZZ_SECONDS) sheet

fuzz-meeting: $(BUILD)/fuzz/fuzz_meeting tabled
	@tests/fuzz/fuzz.sh $(FUZZ_SECONDS) meeting
