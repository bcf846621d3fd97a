# slant - build, test and install.
#
#   make            build build/slant over build/libslant.a
#   make deps       install missing Debian packages (root or sudo)
#   make check      Check suites + command-line end-to-end tests
#   make asan       the same suites under AddressSanitizer + UBSan
#   make demo       build and write the demo corpus's report to reports/demo/
#   make seeds      analyse ../shared/corpus/seeds into reports/seeds/
#   make bench      throughput and memory figures (not a timed test)
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each
#   make install    PREFIX=/usr/local DESTDIR=

CC ?= cc
BUILD ?= build
PREFIX ?= /usr/local
DESTDIR ?=
PKGS := gsl libutf8proc jansson
FUZZ_SECONDS ?= 20

OPT ?= -O2 -g
WARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wno-format-nonliteral -Wvla
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)
CPPFLAGS += -Iinclude -D_POSIX_C_SOURCE=200809L -DSLANT_DATADIR='"$(PREFIX)/share/slant"'
ALL_CFLAGS = $(WARN) $(OPT) $(PKG_CFLAGS) $(EXTRA_CFLAGS) $(CFLAGS)
LDLIBS += $(PKG_LIBS) -lpthread -lm

LIB_SRC := $(sort $(wildcard src/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS := $(wildcard include/slant/*.h) $(wildcard src/*.h) $(wildcard src/cli/*.h) $(wildcard tests/unit/*.h)

.PHONY: all deps test-deps test check unit cli-test asan demo seeds bench fuzz fuzz-smoke install clean distclean
.DELETE_ON_ERROR:

all: $(BUILD)/slant

$(BUILD)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libslant.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/slant: $(CLI_OBJ) $(BUILD)/libslant.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libslant.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libslant.a $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Wno-missing-prototypes \
	    -DSLANT_SRCDIR='"$(CURDIR)"' -o $@ $< $(BUILD)/libslant.a $(CHECK_LIBS) $(LDLIBS)

deps:
	@sh scripts/deps.sh

# What the whole test suite needs beyond the build: a browser for the HTML
# check, GNU parallel for the sharding test, clang for the fuzzers.
test-deps:
	@sh scripts/deps.sh chromium parallel clang libclang-rt-dev

# The whole suite (README's test command, run by .ci/run): unit and CLI tests,
# the same under ASan+UBSan, then every fuzz target for FUZZ_SECONDS.
test: test-deps
	$(MAKE) check
	$(MAKE) asan
	$(MAKE) fuzz-smoke

# Unit suites, then the command-line tests; one summary line at the end.
check: $(BUILD)/slant $(TEST_BIN)
	@sh scripts/run-tests.sh $(BUILD)

unit: $(TEST_BIN)
	@sh scripts/run-tests.sh $(BUILD) unit

cli-test: $(BUILD)/slant
	@sh scripts/run-tests.sh $(BUILD) cli

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g" \
	    EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    LDFLAGS="-fsanitize=address,undefined" check

demo: deps
	$(MAKE) $(BUILD)/slant
	$(BUILD)/slant analyze corpus --force -o reports/demo
	@echo "Open reports/demo/report.html in a browser (Markdown: reports/demo/report.md)."

seeds: $(BUILD)/slant
	@if [ -f ../shared/corpus/seeds/manifest.tsv ]; then \
	    $(BUILD)/slant analyze ../shared/corpus/seeds --force -o reports/seeds && \
	    echo "Open reports/seeds/report.html"; \
	else echo "../shared/corpus/seeds is not here: nothing to analyse (the seed corpus ships outside this repository)."; fi

BENCH_MB ?= 100
bench: $(BUILD)/slant
	@BENCH_MB=$(BENCH_MB) sh scripts/bench.sh $(BUILD)

fuzz:
	@sh scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke:
	@if [ -f scripts/fuzz.sh ]; then sh scripts/fuzz.sh $(FUZZ_SECONDS); else echo "no fuzz targets yet"; fi

install: $(BUILD)/slant
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/slant \
	    $(DESTDIR)$(PREFIX)/share/slant/lexicons
	install -m 755 $(BUILD)/slant $(DESTDIR)$(PREFIX)/bin/slant
	install -m 644 $(BUILD)/libslant.a $(DESTDIR)$(PREFIX)/lib/libslant.a
	install -m 644 include/slant/*.h $(DESTDIR)$(PREFIX)/include/slant/
	install -m 644 lexicons/*.lex lexicons/*.set lexicons/*.rules lexicons/*.txt lexicons/README.md \
	    $(DESTDIR)$(PREFIX)/share/slant/lexicons/

clean:
	rm -rf build build-asan build-fuzz
