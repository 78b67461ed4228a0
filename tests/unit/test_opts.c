/*
 * test_opts.c — the table-driven option parser (compiler/cmd/opts.c).
 *
 * A small command table of its own is parsed the way jxc's commands are:
 * every spelling of an option (glued short forms, --name=value and
 * --name value), operands kept in order among options, "--" and "-", the
 * diagnostics options anywhere on the line, no abbreviated long names,
 * the first mistake kept while the rest of the line is still read, and
 * help made from the tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cmds.h"
#include "opts.h"

enum { K_FORMAT = 1, K_OUTPUT, K_FLAG, K_OLD };

static const jx_option table[] = {
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_HEAD_OUTPUT},
    {"format", 'f', true, K_FORMAT, JX_M_ARG_FORMAT, NULL, false, NULL,
     JX_M_OPT_FORMAT_BUILD},
    {"output", 'o', true, K_OUTPUT, JX_M_ARG_FILE, NULL, false, NULL,
     JX_M_OPT_OUTPUT_BUILD},
    {"bom", 0, false, K_FLAG, JX_M_NONE, NULL, false, NULL, JX_M_OPT_BOM},
    {"old", 0, false, K_OLD, JX_M_ARG_FILES, NULL, true, NULL, JX_M_OPT_OLD},
    {NULL, 0, false, 0, JX_M_NONE, NULL, false, NULL, JX_M_NONE},
};

static int no_run(jx_cmdline *cl) {
  (void)cl;
  return 0;
}

static const jx_command cmd = {.name = "demo",
                               .summary = JX_M_SUMMARY_BUILD,
                               .usage = JX_M_USAGE_BUILD,
                               .about = JX_M_ABOUT_BUILD,
                               .exit = JX_M_EXIT_BUILD,
                               .options = table,
                               .diag_help = true,
                               .run = no_run};

/* Parses the words of line (split on spaces) as `jxc demo …`. */
static void parse(jx_cmdline *cl, const char *line) {
  static char buf[512];
  static char *argv[64];
  snprintf(buf, sizeof buf, "demo %s", line);
  int argc = 0;
  for (char *w = strtok(buf, " "); w && argc < 63; w = strtok(NULL, " "))
    argv[argc++] = w;
  argv[argc] = NULL;
  memset(cl, 0, sizeof *cl);
  jx_diag_opts_init(&cl->dopt);
  jx_opts_parse(cl, &cmd, argc, argv);
}

/* The uses as "key=value" words, for comparing. */
static const char *uses(const jx_cmdline *cl) {
  static char out[512];
  out[0] = '\0';
  for (int i = 0; i < cl->n_use; i++) {
    char one[64];
    snprintf(one, sizeof one, "%s%d=%s", i ? " " : "", cl->use[i].key,
             cl->use[i].value ? cl->use[i].value : "");
    strncat(out, one, sizeof out - strlen(out) - 1);
  }
  return out;
}

static void test_spellings(void **state) {
  (void)state;
  jx_cmdline cl;
  const char *lines[] = {"-fjson a.jx", "-f json a.jx", "--format=json a.jx",
                         "--format json a.jx", "a.jx -fjson"};
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    parse(&cl, lines[i]);
    assert_false(cl.failed);
    assert_string_equal(jx_opt_last(&cl, K_FORMAT), "json");
    assert_int_equal(cl.n_operands, 1);
    jx_opts_free(&cl);
  }
  parse(&cl, "-o/tmp/x.json -fcsv --bom a b");
  assert_string_equal(jx_opt_last(&cl, K_OUTPUT), "/tmp/x.json");
  assert_string_equal(jx_opt_last(&cl, K_FORMAT), "csv");
  assert_true(jx_opt_given(&cl, K_FLAG));
  jx_opts_free(&cl);
}

static void test_order_and_operands(void **state) {
  (void)state;
  jx_cmdline cl;
  /* In order, whatever POSIXLY_CORRECT says. */
  setenv("POSIXLY_CORRECT", "1", 1);
  parse(&cl, "a --old b c --bom d");
  unsetenv("POSIXLY_CORRECT");
  assert_string_equal(uses(&cl), "-1=a 4= -1=b -1=c 3= -1=d");
  jx_opts_free(&cl);
  /* "-" is standard input; after "--" everything is an operand. */
  parse(&cl, "- -- --bom -f x");
  assert_false(cl.failed);
  assert_string_equal(uses(&cl), "-1=- -1=--bom -1=-f -1=x");
  const char **ops = jx_opts_operands(&cl);
  assert_string_equal(ops[0], "-");
  assert_string_equal(ops[3], "x");
  assert_null(ops[4]);
  free((void *)ops);
  jx_opts_free(&cl);
}

static void test_diagnostics_options_anywhere(void **state) {
  (void)state;
  jx_cmdline cl;
  parse(&cl, "a.jx --lang=zh --diagnostics json -Werror --max-errors=7 "
             "--color=never");
  assert_false(cl.failed);
  assert_int_equal(cl.dopt.lang, JX_LANG_ZH);
  assert_int_equal(cl.dopt.format, JX_DIAG_JSON);
  assert_true(cl.dopt.werror);
  assert_int_equal(cl.dopt.max_errors, 7);
  assert_int_equal(cl.dopt.color, 0);
  /* handled by the parser: the command sees its file only */
  assert_string_equal(uses(&cl), "-1=a.jx");
  jx_opts_free(&cl);
  parse(&cl, "-W error x");
  assert_true(cl.dopt.werror);
  jx_opts_free(&cl);
  parse(&cl, "--Werror x");
  assert_true(cl.dopt.werror);
  jx_opts_free(&cl);

  /* Before the command name: main.c reads those, and stops at the name. */
  char *argv[] = {"jxc", "--lang=zh", "-W", "error", "check", "--bom", NULL};
  memset(&cl, 0, sizeof cl);
  jx_diag_opts_init(&cl.dopt);
  bool version;
  assert_int_equal(jx_opts_parse_global(&cl, 6, argv, &version), 4);
  assert_false(version);
  assert_int_equal(cl.dopt.lang, JX_LANG_ZH);
  assert_true(cl.dopt.werror);
  jx_opts_free(&cl);
}

/* -W in every form gcc has, in order; only warnings' codes. */
static void test_warning_options(void **state) {
  (void)state;
  jx_cmdline cl;
  parse(&cl, "-Wno-funds-missing -Werror=schedule-missing -W rate-range "
             "-Wno-error=code-year -Werror -Wno-error --max-errors=0 a");
  assert_false(cl.failed);
  assert_int_equal(cl.dopt.n_warn, 4);
  assert_string_equal(cl.dopt.warn[0].code, "funds-missing");
  assert_int_equal(cl.dopt.warn[0].action, JX_WARN_OFF);
  assert_string_equal(cl.dopt.warn[1].code, "schedule-missing");
  assert_int_equal(cl.dopt.warn[1].action, JX_WARN_ERROR);
  assert_string_equal(cl.dopt.warn[2].code, "rate-range");
  assert_int_equal(cl.dopt.warn[2].action, JX_WARN_ON);
  assert_string_equal(cl.dopt.warn[3].code, "code-year");
  assert_int_equal(cl.dopt.warn[3].action, JX_WARN_NO_ERROR);
  /* -Werror then -Wno-error: the last one says */
  assert_false(cl.dopt.werror);
  assert_true(cl.dopt.werror_set);
  assert_int_equal(cl.dopt.max_errors, 0);
  assert_true(cl.dopt.max_errors_set);
  assert_string_equal(uses(&cl), "-1=a");
  jx_opts_free(&cl);
  /* A misspelt code gets a did-you-mean; an error's code is refused. */
  parse(&cl, "-Wno-fund-missing");
  assert_int_equal(cl.error, JX_U_W_UNKNOWN);
  assert_string_equal(cl.error_arg, "fund-missing");
  assert_string_equal(cl.error_hint, "funds-missing");
  jx_opts_free(&cl);
  parse(&cl, "-Werror=funds-sum");
  assert_int_equal(cl.error, JX_U_W_ERROR_CODE);
  assert_string_equal(cl.error_arg, "funds-sum");
  jx_opts_free(&cl);
  parse(&cl, "-Wno-error=syntax");
  assert_int_equal(cl.error, JX_U_W_ERROR_CODE);
  jx_opts_free(&cl);
}

static void test_mistakes(void **state) {
  (void)state;
  jx_cmdline cl;
  /* No abbreviation: --form is not --format. */
  parse(&cl, "--form=json a");
  assert_true(cl.failed);
  assert_int_equal(cl.error, JX_U_UNKNOWN_OPTION);
  assert_string_equal(cl.error_arg, "--form=json");
  jx_opts_free(&cl);
  /* The first mistake is kept; a later --lang still applies. */
  parse(&cl, "-x --bogus --lang=zh");
  assert_int_equal(cl.error, JX_U_UNKNOWN_OPTION);
  assert_string_equal(cl.error_arg, "-x");
  assert_int_equal(cl.dopt.lang, JX_LANG_ZH);
  jx_opts_free(&cl);
  /* A value missing at the end, in the form it was written. */
  parse(&cl, "a -f");
  assert_int_equal(cl.error, JX_U_NEEDS_VALUE);
  assert_string_equal(cl.error_arg, "-f");
  jx_opts_free(&cl);
  parse(&cl, "a --output");
  assert_string_equal(cl.error_arg, "--output");
  jx_opts_free(&cl);
  /* A flag given a value. */
  parse(&cl, "--bom=yes");
  assert_int_equal(cl.error, JX_U_UNKNOWN_OPTION);
  assert_string_equal(cl.error_arg, "--bom=yes");
  jx_opts_free(&cl);
  /* Diagnostics options' values. */
  parse(&cl, "--lang=fr");
  assert_int_equal(cl.error, JX_U_VALUE);
  assert_string_equal(cl.error_arg, "--lang");
  assert_string_equal(cl.error_value, "fr");
  assert_int_equal(cl.n_error_list, 2);
  jx_opts_free(&cl);
  /* -W takes warning codes now: "all" is none (and nothing near one). */
  parse(&cl, "-Wall");
  assert_int_equal(cl.error, JX_U_W_UNKNOWN);
  assert_string_equal(cl.error_arg, "all");
  assert_null(cl.error_hint);
  jx_opts_free(&cl);
  parse(&cl, "--max-errors=-1");
  assert_int_equal(cl.error, JX_U_MAX_ERRORS);
  jx_opts_free(&cl);
  parse(&cl, "--max-errors=100001");
  assert_int_equal(cl.error, JX_U_MAX_ERRORS);
  jx_opts_free(&cl);
  /* Help wins over a later mistake, not over an earlier one. */
  parse(&cl, "--help --bogus");
  assert_true(cl.help);
  assert_false(cl.failed);
  jx_opts_free(&cl);
  parse(&cl, "--bogus -h");
  assert_false(cl.help);
  assert_true(cl.failed);
  jx_opts_free(&cl);
}

/* A mistake is reported in the language the whole line asked for. */
static void capture(void *ud, const char *text, size_t n) {
  jx_strbuf *sb = ud;
  jx_sb_add(sb, text, n);
}

static void test_report(void **state) {
  (void)state;
  jx_cmdline cl;
  jx_strbuf sb = {0};
  parse(&cl, "--lang=fr --lang=zh");
  cl.d = jx_diag_from_opts(&cl.dopt);
  jx_diag_set_writer(cl.d, capture, &sb);
  assert_true(jx_opts_report(&cl));
  assert_string_equal(sb.p, "jxc demo: --lang 的取值应为 en 或 zh，而不是“fr”\n"
                            "请运行“jxc help demo”查看帮助。\n");
  jx_diag_free(cl.d);
  jx_opts_free(&cl);
  jx_sb_clear(&sb);
  parse(&cl, "--diagnostics=json -o");
  cl.d = jx_diag_from_opts(&cl.dopt);
  jx_diag_set_writer(cl.d, capture, &sb);
  assert_true(jx_opts_report(&cl));
  assert_string_equal(
      sb.p, "{\"file\":null,\"line\":0,\"column\":0,\"end_line\":0,"
            "\"end_column\":0,\"byte_offset\":0,\"severity\":\"error\","
            "\"code\":\"usage\",\"message\":\"option '-o' needs a value\","
            "\"notes\":[{\"severity\":\"help\",\"message\":\"Try 'jxc help "
            "demo'.\"}]}\n");
  assert_int_equal(jx_diag_errors(cl.d), 0); /* not counted */
  jx_diag_free(cl.d);
  jx_opts_free(&cl);
  jx_sb_free(&sb);
}

/* Help: groups under their headings, descriptions in one column. */
static void test_help(void **state) {
  (void)state;
  jx_strbuf sb = {0};
  jx_help_command(&sb, &cmd, JX_LANG_EN);
  assert_non_null(strstr(
      sb.p, "Output:\n"
            "  -f, --format=FORMAT  json (default), jsonl, csv, c, xlsx or "
            "html\n"
            "  -o, --output=FILE    write to FILE (default: "
            "standard output); the\n"
            "                       file is replaced only "
            "if the build succeeds\n"
            "  --bom                csv: start with"));
  assert_non_null(strstr(sb.p, "  --old FILE...        the old side"));
  assert_non_null(
      strstr(sb.p, "\nDiagnostics:\n  --diagnostics=text|json|sarif  "));
  assert_non_null(strstr(sb.p, "  --color=auto|always|never  colour"));
  jx_sb_clear(&sb);
  jx_help_command(&sb, &cmd, JX_LANG_ZH);
  /* Display width: 格式 takes four columns. */
  assert_non_null(strstr(sb.p, "  -f, --format=格式  json（默认）"));
  assert_non_null(strstr(sb.p, "  --old 文件…        旧的一边"));
  jx_sb_free(&sb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_spellings),
      cmocka_unit_test(test_order_and_operands),
      cmocka_unit_test(test_diagnostics_options_anywhere),
      cmocka_unit_test(test_warning_options),
      cmocka_unit_test(test_mistakes),
      cmocka_unit_test(test_report),
      cmocka_unit_test(test_help),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
