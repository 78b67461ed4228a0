# Makefile — builds jxc and libjixiao.a, runs the tests and the benchmark.
#
#   make demo     install build dependencies, build, compile the example
#   make test     install build dependencies, build, run every test (also
#                 under ASan+UBSan), check the include layers
#   make          build build/jxc and build/libjixiao.a
#   make asan     the same build with AddressSanitizer + UBSan (build-asan/)
#   make bench    benchmark figures (never part of make test)
#   make editors  the VS Code extension ($(B)/editors/jixiao-VERSION.vsix)
#   make docs     regenerate the XLSX and HTML renderings in docs/
#   make windows  build-win/jxc.exe with mingw-w64 (docs/windows.md)
#   make dist     dist/jixiao-VERSION.tar.gz and .zip: Linux and Windows
#                 binaries, manual pages, docs, examples
#   make install  jxc, libjixiao.a, jixiao.h, jixiao.pc, the manual pages
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
# One include folder per stage: a file names its headers without a path.
SRC_DIRS := grammar $(sort $(wildcard compiler/*/))
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Iruntime $(patsubst %/,%,$(SRC_DIRS:%=-I%)) \
            -I$(B)/grammar
# Where the documentation is published, for the helpUri of each rule in
# --diagnostics=sarif (docs/diagnostics.md "SARIF output"): an absolute URL
# ending in docs/, e.g. make DOCS_URL=https://git.example.org/jixiao/blob/v0.1.0/docs/
# (after make clean).  Empty: no helpUri.
DOCS_URL ?=
CPPFLAGS += $(if $(DOCS_URL),-DJX_DOCS_URL='"$(DOCS_URL)"')
LDLIBS   += -lutf8proc -lxlsxwriter
# jxc import's readers (compiler/import/): zip, XML, .xls, INI, CSV.  Only
# jxc and the tests link them; libjixiao.a stays dependency-free.
IMPORT_LIBS := -lminizip -lexpat -lfreexl -linih -lcsv
LDLIBS   += $(IMPORT_LIBS)
# jxc lsp's JSON-RPC (compiler/lsp/): JSON parsed by jansson.  Linked into
# jxc and the programs that test the server only (not every unit test).
LSP_LIBS := -ljansson
# The Windows build (make windows): mingw-w64, everything linked in
# statically from the libraries scripts/win-deps.sh builds in $(B)/deps.
# A library it could not build leaves out the feature that needs it
# (JX_NO_*, docs/windows.md); only utf8proc is required.  .xls import is
# always left out: freexl runs in a forked child (compiler/import/xls.c),
# and Windows has no fork.
ifeq ($(WIN),1)
WIN_HOST ?= x86_64-w64-mingw32
CC       := $(WIN_HOST)-gcc
AR       := $(WIN_HOST)-ar
-include $(B)/deps/config.mk
CPPFLAGS += -I$(B)/deps/include -Icompiler/base/win -D_FILE_OFFSET_BITS=64 \
            -D__USE_MINGW_ANSI_STDIO=1 -D_WIN32_WINNT=0x0602 \
            -DUTF8PROC_STATIC -DXML_STATIC -DJX_NO_FREEXL
# printf formats are checked in the Linux build; here gcc would check
# them against Microsoft's printf, which jxc does not use (ANSI stdio).
WARN     += -Wno-format
LDFLAGS  += -static -L$(B)/deps/lib
# iconv for the Windows build (mingw-w64 has none): compiler/base/win/.
COMPILER_WIN_SRC := compiler/base/win/iconv.c
WIN_XLSX_IMPORT := $(if $(filter 1,$(WIN_HAVE_MINIZIP)),$(WIN_HAVE_EXPAT),0)
LDLIBS   := -lutf8proc \
            $(if $(filter 1,$(WIN_HAVE_XLSXWRITER)),-lxlsxwriter) \
            $(if $(filter 1,$(WIN_XLSX_IMPORT)),-lminizip -lexpat) \
            $(if $(filter 1,$(WIN_HAVE_INIH)),-linih) \
            $(if $(filter 1,$(WIN_HAVE_CSV)),-lcsv) \
            $(if $(filter 1,$(WIN_HAVE_ZLIB)),-lz)
CPPFLAGS += $(if $(filter 1,$(WIN_HAVE_XLSXWRITER)),,-DJX_NO_XLSXWRITER) \
            $(if $(filter 1,$(WIN_XLSX_IMPORT)),,-DJX_NO_XLSX_IMPORT) \
            $(if $(filter 1,$(WIN_HAVE_INIH)),,-DJX_NO_INIH) \
            $(if $(filter 1,$(WIN_HAVE_CSV)),,-DJX_NO_LIBCSV)
# jxc lsp is left out: it needs jansson, and poll() and pipes on stdio
# (compiler/lsp/); the command says it was not built.
CPPFLAGS += -DJX_NO_LSP
LSP_LIBS :=
endif
ifeq ($(SAN),1)
CFLAGS   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS)
# flex and bison output is not ours to fix; keep -Werror for the rest.
GEN_CFLAGS = $(STD) $(CFLAGS) -Wall -Wextra -Werror -Wno-unused-function \
             -Wno-sign-compare -Wno-unused-parameter
# yyparse is one loop with more live values than registers: gcc's partial
# redundancy elimination (-ftree-pre) keeps the tables' addresses and
# such in registers across it and spills the parser's own state instead,
# at every token (docs/performance.md, "Issue 16: the parser's registers
# and the row's node": 8 M instructions, 1.8 %, of check on the card
# plan).  Where the compiler has the option (gcc; clang has no such pass).
PARSER_CFLAGS := $(shell $(CC) -Werror -fno-tree-pre -fsyntax-only -x c - \
                   </dev/null 2>/dev/null && echo -fno-tree-pre)

FLEX     ?= flex
BISON    ?= bison

RUNTIME_SRC  := $(sort $(wildcard runtime/*.c))
COMPILER_SRC := $(sort $(filter-out compiler/cmd/main.c,\
                  $(wildcard grammar/*.c compiler/*/*.c)))
ifeq ($(WIN),1)
COMPILER_SRC := $(filter-out compiler/lsp/%,$(COMPILER_SRC))
endif
GEN_SRC      := $(B)/grammar/parser.c $(B)/grammar/lexer.c
RUNTIME_OBJ  := $(RUNTIME_SRC:%.c=$(B)/%.o)
COMPILER_OBJ := $(COMPILER_SRC:%.c=$(B)/%.o) $(GEN_SRC:%.c=%.o) \
                $(COMPILER_WIN_SRC:%.c=$(B)/%.o)
UNIT_SRC     := $(sort $(wildcard tests/unit/test_*.c))
# The golden runner goes last, so make test ends with its summary.
UNIT_BIN     := $(filter-out $(B)/tests/test_golden,$(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)) \
                $(B)/tests/test_golden

.PHONY: all jxc lib demo test test-unit test-run asan test-asan deps deps-test bench \
        fuzz install clean format check-format docs
all: jxc lib

deps:
	@./scripts/install-deps.sh

# The tests also need the clients the XLSX and HTML output is checked in,
# and mingw-w64 and Wine for the Windows build's run (docs/windows.md).
deps-test:
	@JX_WANT_CLIENTS=1 JX_WANT_WINDOWS=1 ./scripts/install-deps.sh

jxc: $(B)/jxc
lib: $(B)/libjixiao.a

demo: deps
	@$(MAKE) --no-print-directory jxc
	$(B)/jxc build -f json examples/beidaihe-2021.jx

# make test: the README's test command and what .ci/run calls.  The whole
# suite runs twice: as built, then under AddressSanitizer + UBSan; between
# them the manual pages are rendered and the Windows build is run under
# Wine on its list of cases (skipped, saying why, where it cannot be).
test: deps-test
	@$(MAKE) --no-print-directory check-layers
	@$(MAKE) --no-print-directory test-editors
	@$(MAKE) --no-print-directory test-lsp-nvim
	@$(MAKE) --no-print-directory test-run
	@$(MAKE) --no-print-directory check-man
	@echo "== the Windows jxc.exe under Wine (docs/windows.md)"
	@$(MAKE) --no-print-directory test-windows
	@echo "== the same suite under AddressSanitizer and UBSan (build-asan/)"
	@$(MAKE) --no-print-directory B=build-asan SAN=1 test-run

test-run: $(B)/jxc $(UNIT_BIN) $(B)/failread.so
	@echo "== tests/lsp/test_lsp.py ($(B)/jxc lsp, the scripted client)"
	@python3 tests/lsp/test_lsp.py $(B)/jxc
	@set -e; for t in $(UNIT_BIN); do echo "== $$t"; \
	  JXC=$(B)/jxc JX_FAILREAD=$(B)/failread.so $$t; done

# The read()-failing shim the io-* golden cases preload (see its header).
# Never sanitized: it must load into the ASan build and the plain one alike.
$(B)/failread.so: tests/interop/failread.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -g -fPIC -shared -o $@ $< -ldl

asan:
	@$(MAKE) --no-print-directory B=build-asan SAN=1 jxc

# make check-layers: the include graph points downward, folder by folder,
# with no circle (scripts/check-layers.py; docs/design.md has the picture).
.PHONY: check-layers
check-layers:
	@python3 tests/layers/test_check_layers.py
	@python3 scripts/check-layers.py && echo "== layers: every include points downward, no files call each other"

# make test-editors: the editor support in editors/ (docs/editors.md): the
# spellings against lexer.l, the TextMate, Vim and tree-sitter grammars, the
# VS Code client and its .vsix.  Installs node, npm, Vim and the node
# packages first (JX_WANT_EDITORS=1).
.PHONY: test-editors editors
test-editors: $(B)/jxc
	@JX_WANT_EDITORS=1 ./scripts/install-deps.sh
	@JXC=$(B)/jxc B=$(B) editors/scripts/test-editors.sh

editors:
	@JX_WANT_EDITORS=1 ./scripts/install-deps.sh
	@v=$$(node -p "require('./editors/vscode/package.json').version") && \
	editors/scripts/build-vsix.sh $(B)/editors/jixiao-$$v.vsix

# make test-lsp: the language server, driven by the scripted client
# (tests/lsp/test_lsp.py, replies against tests/lsp/golden/; make test-run
# runs it too, so under ASan as well), then by Neovim's built-in client
# (tests/lsp/nvim.sh, which skips only if Neovim cannot be had).
.PHONY: test-lsp test-lsp-nvim
test-lsp: $(B)/jxc
	@python3 tests/lsp/test_lsp.py $(B)/jxc
	@$(MAKE) --no-print-directory test-lsp-nvim

test-lsp-nvim: $(B)/jxc
	@JXC=$(B)/jxc tests/lsp/nvim.sh

test-asan: deps-test
	@$(MAKE) --no-print-directory B=build-asan SAN=1 test-run

# make docs: the renderings in docs/xlsx.md and docs/html.md (PNG pages in
# docs/img/, the sheet tables) from the bundled examples, made by the real
# clients (Chromium, LibreOffice, poppler): scripts/docs-render.sh.
docs: deps-test $(B)/jxc
	@JXC=$(B)/jxc scripts/docs-render.sh

# make test-valgrind: every unit test under valgrind, then the golden cases
# with jxc run through tests/valgrind-jxc.sh, then check and build of each
# example, then the scripted LSP sessions with `jxc lsp` under valgrind
# (the server keeps documents across requests; every session checks the
# exit status, which a valgrind error makes 99).  jxc's valgrind errors
# exit 99 (1 means "input has errors").  Absolute paths: some cases run
# jxc from a directory of their own (ci-hooks links it into a PATH).
VALGRIND ?= valgrind -q --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible
.PHONY: test-valgrind
test-valgrind: $(B)/jxc $(UNIT_BIN) $(B)/failread.so
	@set -e; for t in $(filter-out $(B)/tests/test_golden,$(UNIT_BIN)); do \
	  echo "== valgrind $$t"; JXC=$(B)/jxc $(VALGRIND) $$t; done
	@echo "== $(B)/tests/test_golden (jxc under valgrind)"
	@JX_VALGRIND_JXC=$(abspath $(B)/jxc) JXC=$(abspath tests/valgrind-jxc.sh) \
	  JX_FAILREAD=$(abspath $(B)/failread.so) $(B)/tests/test_golden
	@set -e; for f in examples/*.jx; do echo "== valgrind jxc check/build $$f"; \
	  JX_VALGRIND_JXC=$(B)/jxc tests/valgrind-jxc.sh check $$f; \
	  JX_VALGRIND_JXC=$(B)/jxc tests/valgrind-jxc.sh build -f json $$f >/dev/null; \
	done
	@echo "== tests/lsp/test_lsp.py (jxc lsp under valgrind)"
	@JX_VALGRIND_JXC=$(B)/jxc python3 tests/lsp/test_lsp.py tests/valgrind-jxc.sh

# make fuzz: libFuzzer over the whole front end (tests/fuzz/fuzz_parse.c)
# for FUZZ_SECONDS, built with clang and ASan+UBSan in build-fuzz/, with a
# dictionary of the language's words written from vocab.def.  New
# inputs go to build-fuzz/corpus (a copy), crashes to build-fuzz/crash-*;
# the checked-in seeds in tests/fuzz/corpus are never written.
# make fuzz-import: the same for jxc import's readers, one target each
# (fuzz_import_xlsx, _xls, _csv, _text, _map; seeds in
# tests/fuzz/corpus-NAME/), FUZZ_SECONDS each; FUZZ_IMPORT=fuzz_import_csv
# runs just one.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
                -fsanitize=fuzzer-no-link,address,undefined
FUZZ_IMPORT  ?= fuzz_import_xlsx fuzz_import_xls fuzz_import_csv \
                fuzz_import_text fuzz_import_map
.PHONY: fuzz-import fuzz-actuals
fuzz: fuzz-import fuzz-actuals
fuzz:
	@JX_WANT_CLANG=1 JX_WANT_FUZZ=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  build-fuzz/fuzz_parse
	@$(MAKE) --no-print-directory build/jx-vocab-dict
	@mkdir -p build-fuzz/corpus
	@cp tests/fuzz/corpus/* build-fuzz/corpus/
	@{ build/jx-vocab-dict && cat tests/fuzz/jx.dict; } > build-fuzz/jx.dict
	build-fuzz/fuzz_parse -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 -dict=build-fuzz/jx.dict \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus

# make fuzz-lsp: libFuzzer over jxc lsp's reading side and the whole
# server behind it (tests/fuzz/fuzz_lsp.c), FUZZ_SECONDS, seeds in
# tests/fuzz/corpus-fuzz_lsp/.
.PHONY: fuzz-lsp
fuzz: fuzz-lsp
fuzz-lsp:
	@JX_WANT_CLANG=1 JX_WANT_FUZZ=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  build-fuzz/fuzz_lsp
	@mkdir -p build-fuzz/corpus-fuzz_lsp
	@cp tests/fuzz/corpus-fuzz_lsp/* build-fuzz/corpus-fuzz_lsp/
	build-fuzz/fuzz_lsp -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 -max_len=60000 -artifact_prefix=build-fuzz/fuzz_lsp- \
	  build-fuzz/corpus-fuzz_lsp

fuzz-import:
	@JX_WANT_CLANG=1 JX_WANT_FUZZ=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  $(FUZZ_IMPORT:%=build-fuzz/%)
	@set -e; for t in $(FUZZ_IMPORT); do \
	  mkdir -p build-fuzz/corpus-$$t; \
	  cp tests/fuzz/corpus-$$t/* build-fuzz/corpus-$$t/; \
	  echo "== $$t"; \
	  build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -dict=tests/fuzz/import.dict \
	    -artifact_prefix=build-fuzz/$$t- build-fuzz/corpus-$$t; \
	done

# The fuzzer's dictionary of words, from compiler/domain/vocab.def (built
# without the fuzzer's instrumentation, in the plain build).
$(B)/jx-vocab-dict: tests/fuzz/vocab_dict.c $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/fuzz_parse: tests/fuzz/fuzz_parse.c $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

$(B)/fuzz_scan_diff: tests/fuzz/fuzz_scan_diff.c $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS)

# make fuzz-scan: the hand-written scanner against flex's, token for token
# (tests/fuzz/fuzz_scan_diff.c), FUZZ_SECONDS, seeds from tests/fuzz/corpus.
.PHONY: fuzz-scan
fuzz: fuzz-scan
fuzz-scan:
	@JX_WANT_CLANG=1 JX_WANT_FUZZ=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  build-fuzz/fuzz_scan_diff
	@$(MAKE) --no-print-directory build/jx-vocab-dict
	@mkdir -p build-fuzz/corpus-fuzz_scan_diff
	@cp tests/fuzz/corpus/* build-fuzz/corpus-fuzz_scan_diff/
	@{ build/jx-vocab-dict && cat tests/fuzz/jx.dict; } > build-fuzz/jx.dict
	build-fuzz/fuzz_scan_diff -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 -max_len=4096 -dict=build-fuzz/jx.dict \
	  -artifact_prefix=build-fuzz/fuzz_scan_diff- build-fuzz/corpus-fuzz_scan_diff

# make fuzz-actuals: the same for jxc eval's actuals readers (CSV, the
# cell locator, the value reader) matched to a plan, scored and reported.
fuzz-actuals:
	@JX_WANT_CLANG=1 JX_WANT_FUZZ=1 ./scripts/install-deps.sh
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	  CFLAGS="$(FUZZ_FLAGS)" LDFLAGS="-fsanitize=address,undefined" \
	  build-fuzz/fuzz_actuals
	@mkdir -p build-fuzz/corpus-fuzz_actuals
	@cp tests/fuzz/corpus-fuzz_actuals/* build-fuzz/corpus-fuzz_actuals/
	build-fuzz/fuzz_actuals -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 -max_len=65536 -dict=tests/fuzz/import.dict \
	  -artifact_prefix=build-fuzz/fuzz_actuals- build-fuzz/corpus-fuzz_actuals

$(B)/fuzz_actuals: tests/fuzz/fuzz_actuals.c $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(B)/libjxc.a $(B)/libjixiao.a $(LDLIBS) -lz
$(B)/fuzz_lsp: tests/fuzz/fuzz_lsp.c $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS) \
	  $(LSP_LIBS)

$(B)/fuzz_import_%: tests/fuzz/fuzz_import_%.c tests/fuzz/fuzz_import.h \
                    $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(B)/libjxc.a $(B)/libjixiao.a $(LDLIBS) -lz

$(B)/jxc: $(B)/compiler/cmd/main.o $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(LSP_LIBS)

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

# Grouped targets (&:, GNU make 4.3): one run of bison makes both files;
# with a plain rule make -j2 ran it twice at once, and one compile read a
# half-written parser.h.
$(B)/grammar/parser.c $(B)/grammar/parser.h &: grammar/parser.y
	@mkdir -p $(dir $@)
	$(BISON) -Wall -Werror --defines=$(B)/grammar/parser.h -o $(B)/grammar/parser.c $<

$(B)/grammar/lexer.c $(B)/grammar/lexer.h &: grammar/lexer.l
	@mkdir -p $(dir $@)
	$(FLEX) --header-file=$(B)/grammar/lexer.h -o $(B)/grammar/lexer.c $<

$(B)/grammar/parser.o: $(B)/grammar/lexer.h
$(B)/grammar/parser.o: GEN_CFLAGS += $(PARSER_CFLAGS)
$(B)/grammar/lexer.o: $(B)/grammar/parser.h
$(COMPILER_SRC:%.c=$(B)/%.o): $(B)/grammar/lexer.h

# -MMD: a test that includes a header of its own (fmt_props.h) is rebuilt
# when the header changes.  The headers the .d file adds to the
# prerequisites are not inputs of the link: only the .c and the libraries.
$(B)/tests/%: tests/unit/%.c $(B)/libjxc.a $(B)/libjixiao.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -MF $@.d -MT $@ $(LDFLAGS) -o $@ $(filter %.c %.a,$^) -lcmocka $(LDLIBS)

# The language server's unit tests link its JSON library.
$(B)/tests/test_lsp: LDLIBS += $(LSP_LIBS)

# test_lexer_ref runs main's old scanner (every spelling a flex rule) beside
# the one that looks words up in compiler/domain/vocab.def.
$(B)/tests/lexer_ref.c: tests/unit/lexer_ref.l
	@mkdir -p $(dir $@)
	$(FLEX) -o $@ $<

# -MMD: it includes scan.h and diag.h (diag_codes.def's ids) like the real
# scanner, so it is rebuilt when they change (a stale one disagrees).
$(B)/tests/lexer_ref.o: $(B)/tests/lexer_ref.c $(B)/grammar/parser.h
	$(CC) $(CPPFLAGS) $(GEN_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/test_lexer_ref: tests/unit/test_lexer_ref.c $(B)/tests/lexer_ref.o \
                           $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ -lcmocka $(LDLIBS)

# make bench: throughput and peak memory of jxc, and of its peers on the
# same content (bench/run.sh prints the figures; docs/performance.md).
# BENCH_LARGE=1 adds the 1 GB input.  Never part of make test, never fails.
BENCH_LARGE ?= 0
bench: $(B)/jxc $(B)/jx-gen $(B)/jx-gen2 $(B)/jx-flexscan $(B)/jx-timeit
	@B=$(B) BENCH_LARGE=$(BENCH_LARGE) bench/run.sh

# The synthetic-plan generator; the golden case bench-gen-halves uses it.
$(B)/jx-gen: bench/gen.c bench/gen_common.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# The design card's style of plan, bench's second input; the golden case
# bench-gen2 checks that it checks clean.
$(B)/jx-gen2: bench/gen2.c bench/gen_common.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

# The flex floor: bench/flexscan.l's rules with grammar/lexer.l's own
# definitions (character classes) put in at @DEFINITIONS@.
$(B)/bench/flexscan.l: bench/flexscan.l grammar/lexer.l
	@mkdir -p $(dir $@)
	sed -n '/^%x STR/,/^%%/{/^%%/!p;}' grammar/lexer.l > $@.defs
	sed -e '/^@DEFINITIONS@$$/{r $@.defs' -e 'd;}' bench/flexscan.l > $@
	rm -f $@.defs

$(B)/jx-flexscan: $(B)/bench/flexscan.l
	$(FLEX) -o $(B)/bench/flexscan.c $<
	$(CC) $(GEN_CFLAGS) -D_POSIX_C_SOURCE=200809L -o $@ $(B)/bench/flexscan.c

# The scanner alone, hand-written or flex's (JX_SCANNER=flex), beside the
# flex floor above (docs/performance.md).
$(B)/jx-scanonly: bench/scanonly.c $(B)/libjxc.a $(B)/libjixiao.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The checker's set of codes alone, at 12 M codes (docs/performance.md).
$(B)/jx-codeset: bench/codeset.c $(B)/libjxc.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/jx-timeit: bench/timeit.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

test-run: $(B)/jx-gen $(B)/jx-gen2 $(B)/jx-vocab-dict

PREFIX  ?= /usr/local
DESTDIR ?=
install: $(B)/jxc $(B)/libjixiao.a $(B)/man/jxc.1 $(B)/man/zh_CN/jxc.1
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/doc/jixiao
	install -m 755 $(B)/jxc $(DESTDIR)$(PREFIX)/bin/jxc
	install -m 644 $(B)/libjixiao.a $(DESTDIR)$(PREFIX)/lib/
	install -m 644 runtime/jixiao.h runtime/jixiao_score.h \
	  $(DESTDIR)$(PREFIX)/include/
	install -m 644 docs/*.md $(DESTDIR)$(PREFIX)/share/doc/jixiao/
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 644 $(B)/jixiao.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1
	install -m 644 $(B)/man/jxc.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 $(B)/man/zh_CN/jxc.1 \
	  $(DESTDIR)$(PREFIX)/share/man/zh_CN/man1/

# jixiao.pc for pkg-config: the install prefix and the runtime's version
# (JX_VERSION in runtime/jixiao.h) filled into jixiao.pc.in.  Rebuilt on
# every install, since PREFIX is not a file make can track.
install: $(B)/jixiao.pc
.PHONY: $(B)/jixiao.pc
$(B)/jixiao.pc: jixiao.pc.in runtime/jixiao.h
	@mkdir -p $(dir $@)
	@v=$$(sed -n 's/^#define JX_VERSION "\(.*\)"$$/\1/p' runtime/jixiao.h); \
	sed -e 's|@PREFIX@|$(PREFIX)|' -e "s|@VERSION@|$$v|" jixiao.pc.in >$@

# ---- Windows, the release archive, the manual pages ----------------------
#
# make windows       build-win/jxc.exe: mingw-w64, statically linked, with
#                    the libraries scripts/win-deps.sh cross-builds from
#                    Debian's sources (docs/windows.md says which features
#                    a library it could not build leaves out)
# make test-windows  that jxc.exe under Wine on tests/windows/cases.txt;
#                    skipped (and says why) where Wine cannot be had
# make dist          dist/jixiao-VERSION.tar.gz: both binaries, the manual
#                    pages, docs and examples
# make check-man     the manual pages render without a warning
WIN_B ?= build-win
.PHONY: windows test-windows dist man check-man
windows:
	@JX_WANT_WINDOWS=1 ./scripts/install-deps.sh
	@./scripts/win-deps.sh $(WIN_B)/deps
	@$(MAKE) --no-print-directory B=$(WIN_B) WIN=1 $(WIN_B)/jxc.exe

$(B)/jxc.exe: $(B)/compiler/cmd/main.o $(B)/libjxc.a $(B)/libjixiao.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# tests/windows/run.sh builds jxc.exe too, and says "skipped" (77) only
# where mingw-w64, utf8proc's source or Wine cannot be had; a build that
# fails with the tools there fails the test.
test-windows: $(B)/tests/test_golden
	@JX_WANT_WINDOWS=1 ./scripts/install-deps.sh
	@st=0; MAKE="$(MAKE)" WIN_B=$(WIN_B) \
	  ./tests/windows/run.sh $(B)/tests/test_golden || st=$$?; \
	if [ $$st = 77 ]; then echo "== test-windows: skipped"; \
	elif [ $$st != 0 ]; then exit $$st; fi

# The manual pages, generated from jxc's own help (scripts/gen-man.sh).
man: $(B)/man/jxc.1 $(B)/man/zh_CN/jxc.1
$(B)/man/jxc.1: $(B)/jxc scripts/gen-man.sh
	@scripts/gen-man.sh $(B)/jxc en $@
$(B)/man/zh_CN/jxc.1: $(B)/jxc scripts/gen-man.sh
	@scripts/gen-man.sh $(B)/jxc zh $@

# groff prints its warnings (-ww: all of them) and still exits 0, so any
# output at all fails; then man -l, as a reader would run it.
check-man: $(B)/man/jxc.1 $(B)/man/zh_CN/jxc.1
	@set -e; for f in $^; do \
	  w=$$(groff -ww -z -K utf8 -man -Tutf8 $$f 2>&1); \
	  w=$$w$$(MANWIDTH=80 man --warnings -l $$f 2>&1 >/dev/null); \
	  if [ -n "$$w" ]; then echo "$$f:"; echo "$$w"; exit 1; fi; \
	  MANWIDTH=80 man -l $$f | grep -q 'jxc build' || \
	    { echo "$$f: renders without jxc build"; exit 1; }; \
	done; echo "== man pages: $^ render without warnings"

JX_VERSION_STR = $(shell sed -n 's/^\#define JX_VERSION "\(.*\)"$$/\1/p' runtime/jixiao.h)
dist: $(B)/jxc $(B)/man/jxc.1 $(B)/man/zh_CN/jxc.1
	@$(MAKE) --no-print-directory windows
	@scripts/dist.sh $(JX_VERSION_STR) $(B)/jxc $(WIN_B)/jxc.exe $(B)/man dist

FORMAT_SRC := $(RUNTIME_SRC) $(COMPILER_SRC) compiler/cmd/main.c \
              $(wildcard grammar/*.h compiler/*/*.h runtime/*.h) $(UNIT_SRC) \
              $(wildcard compiler/base/win/*.[ch])
format:
	clang-format -i $(FORMAT_SRC)

check-format:
	clang-format --dry-run --Werror $(FORMAT_SRC)

clean:
	rm -rf build build-asan build-fuzz build-win dist

-include $(shell find $(B) -name '*.d' 2>/dev/null)
