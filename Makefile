# Makefile — builds jxc and libjixiao.a, runs the tests and the benchmark.
#
#   make demo     install build dependencies, build, compile the example
#   make test     install build dependencies, build, run every test
#   make          build build/jxc and build/libjixiao.a
#   make asan     the same build with AddressSanitizer + UBSan (build-asan/)
#   make bench    benchmark figures (never part of make test)
#
# Objects go to $(B)/ (build/ by default), so sanitizer builds sit beside the
# normal one: `make B=build-asan SAN=1 jxc`.

B        ?= build
CC       ?= cc
CFLAGS   ?= -O2 -g
SAN      ?= 0

STD      := -std=c11
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
            -Wvla -Wformat=2 -Wno-format-nonliteral
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iruntime -Icompiler -Igrammar -I$(B)/grammar
LDLIBS   += -lutf8proc
ifeq ($(SAN),1)
CFLAGS   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS)
# flex and bison output is not ours to fix; keep -Werror for the rest.
GEN_CFLAGS = $(STD) $(CFLAGS) -Wall -Wextra -Werror -Wno-unused-function \
             -Wno-sign-compare -Wno-unused-parameter

FLEX     ?= flex
BISON    ?= bison

RUNTIME_SRC  := $(sort $(wildcard runtime/*.c))
COMPILER_SRC := $(sort $(filter-out compiler/main.c,$(wildcard compiler/*.c)))
GEN_SRC      := $(B)/grammar/parser.c $(B)/grammar/lexer.c
RUNTIME_OBJ  := $(RUNTIME_SRC:%.c=$(B)/%.o)
COMPILER_OBJ := $(COMPILER_SRC:%.c=$(B)/%.o) $(GEN_SRC:%.c=%.o)
UNIT_SRC     := $(sort $(wildcard tests/unit/test_*.c))
# The golden runner goes last, so make test ends with its summary.
UNIT_BIN     := $(filter-out $(B)/tests/test_golden,$(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)) \
                $(B)/tests/test_golden

.PHONY: all jxc lib demo test test-unit test-run asan test-asan deps bench \
        fuzz install clean format check-format
all: jxc lib

deps:
	@./scripts/install-deps.sh

jxc: $(B)/jxc
lib: $(B)/libjixiao.a

demo: deps
	@$(MAKE) --no-print-directory jxc
	$(B)/jxc build -f json examples/beidaihe-2021.jx

# make test: the README's test command and what .ci/run calls.
test: deps
	@$(MAKE) --no-print-directory test-run

test-run: $(B)/jxc $(UNIT_BIN)
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; JXC=$(B)/jxc $$t; done

asan:
	@$(MAKE) --no-print-directory B=build-asan SAN=1 jxc

test-asan: deps
	@$(MAKE) --no-print-directory B=build-asan SAN=1 test-run

$(B)/jxc: $(B)/compiler/main.o $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/libjixiao.a: $(RUNTIME_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/libjxc.a: $(COMPILER_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/%.o: %.c | $(B)/grammar/parser.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/grammar/%.o: $(B)/grammar/%.c $(B)/grammar/parser.h
	$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/grammar/parser.c $(B)/grammar/parser.h: grammar/parser.y
	@mkdir -p $(dir $@)
	$(BISON) -Wall -Werror --defines=$(B)/grammar/parser.h -o $(B)/grammar/parser.c $<

$(B)/grammar/lexer.c $(B)/grammar/lexer.h: grammar/lexer.l
	@mkdir -p $(dir $@)
	$(FLEX) --header-file=$(B)/grammar/lexer.h -o $(B)/grammar/lexer.c $<

$(B)/grammar/parser.o: $(B)/grammar/lexer.h
$(B)/grammar/lexer.o: $(B)/grammar/parser.h
$(COMPILER_SRC:%.c=$(B)/%.o): $(B)/grammar/lexer.h

$(B)/tests/%: tests/unit/%.c $(B)/libjxc.a $(B)/libjixiao.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS)

PREFIX  ?= /usr/local
DESTDIR ?=
install: $(B)/jxc $(B)/libjixiao.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/doc/jixiao
	install -m 755 $(B)/jxc $(DESTDIR)$(PREFIX)/bin/jxc
	install -m 644 $(B)/libjixiao.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 runtime/jixiao.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 docs/*.md $(DESTDIR)$(PREFIX)/share/doc/jixiao/

format:
	clang-format -i $(RUNTIME_SRC) $(COMPILER_SRC) compiler/main.c \
	  compiler/*.h runtime/*.h $(UNIT_SRC)

check-format:
	clang-format --dry-run --Werror $(RUNTIME_SRC) $(COMPILER_SRC) \
	  compiler/main.c compiler/*.h runtime/*.h $(UNIT_SRC)

clean:
	rm -rf build build-asan build-fuzz

-include $(shell find $(B) -name '*.d' 2>/dev/null)
