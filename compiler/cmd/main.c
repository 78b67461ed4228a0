/*
 * main.c — the jxc driver: `jxc COMMAND [options] FILE...`.
 *
 * Each subcommand parses its own options and returns an exit status
 * (cli.h); this file holds the command table, help and version, and the
 * two commands at the heart of the tool: check and build.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"
#include "cli.h"
#include "compile.h"
#include "diff.h"
#include "fmt.h"
#include "import.h"
#include "jixiao.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);
static int cmd_check(int argc, char **argv);
static int cmd_build(int argc, char **argv);

static const char check_usage[] =
    "usage: jxc check [options] FILE...\n"
    "\n"
    "Parses and checks jixiao files against the rules of the domain and\n"
    "prints every problem found, as file:line:col: error: message [code].\n"
    "FILE '-' reads standard input.  All files form one plan: project and\n"
    "unit codes must be unique across them.\n"
    "\n" JX_DIAG_OPTS_HELP "\n"
    "Exit status: 0 clean (warnings allowed), 1 errors in the input,\n"
    "2 usage or I/O trouble.\n";

static const char build_usage[] =
    "usage: jxc build [-f FORMAT] [-o FILE] [options] FILE...\n"
    "\n"
    "Checks the files and compiles the plan they form.\n"
    "\n"
    "Output:\n"
    "  -f, --format=FORMAT  json (default), csv or c\n"
    "  -o, --output=FILE    write to FILE (default: standard output); the\n"
    "                       file is replaced only if the build succeeds\n"
    "  --table=TABLE        csv: indicators (default), projects or schedule\n"
    "  --bom                csv: start with a UTF-8 byte order mark (Excel)\n"
    "  --prefix=NAME        c: prefix of generated identifiers (default:\n"
    "                       from the output or first input file name)\n"
    "\n" JX_DIAG_OPTS_HELP "\n"
    "Exit status: 0 success, 1 errors in the input (nothing is written to\n"
    "FILE), 2 usage or I/O trouble.\n";

static const char help_usage[] = "usage: jxc help [COMMAND]\n";
static const char version_usage[] = "usage: jxc version\n";

const jx_command jx_commands[] = {
    {"check", cmd_check, "check files for errors", check_usage},
    {"build", cmd_build, "compile files to JSON, CSV or a C header",
     build_usage},
    {"fmt", jx_cmd_fmt, "print files in the canonical layout", jx_fmt_usage},
    {"diff", jx_cmd_diff, "compare two plans by meaning", jx_diff_usage},
    {"import", jx_cmd_import, "read a target table from Excel, CSV or text",
     jx_import_usage},
    {"help", cmd_help, "show help for a command", help_usage},
    {"version", cmd_version, "print the version", version_usage},
    {NULL, NULL, NULL, NULL},
};

static const jx_command *find_command(const char *name) {
  for (const jx_command *c = jx_commands; c->name; c++)
    if (strcmp(c->name, name) == 0)
      return c;
  return NULL;
}

static void print_overview(FILE *f) {
  fputs("usage: jxc COMMAND [options] FILE...\n"
        "\n"
        "jxc compiles budget performance targets (绩效目标) written in the\n"
        "jixiao language into JSON, CSV or C, and checks them against the\n"
        "rules of the domain.\n"
        "\n"
        "Commands:\n",
        f);
  for (const jx_command *c = jx_commands; c->name; c++)
    fprintf(f, "  %-9s %s\n", c->name, c->summary);
  fputs("\n"
        "Run 'jxc help COMMAND' for a command's options.\n"
        "Exit status: 0 success, 1 errors in the input, 2 usage or I/O "
        "trouble.\n",
        f);
}

static int cmd_help(int argc, char **argv) {
  if (argc < 2) {
    print_overview(stdout);
    return JX_EXIT_OK;
  }
  const jx_command *c = find_command(argv[1]);
  if (!c)
    return jx_usage_error("help", "no command '%s'", argv[1]);
  fputs(c->usage, stdout);
  return JX_EXIT_OK;
}

static int cmd_version(int argc, char **argv) {
  (void)argc;
  (void)argv;
  printf("jxc %s\n", JX_VERSION);
  return JX_EXIT_OK;
}

static bool wants_help(const char *a) {
  return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

static int cmd_check(int argc, char **argv) {
  jx_diag_opts dopt;
  jx_diag_opts_init(&dopt);
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int n = 0;
  bool only_files = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[n++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_files = true;
      continue;
    }
    if (wants_help(a)) {
      fputs(check_usage, stdout);
      free(files);
      return JX_EXIT_OK;
    }
    int r = jx_diag_opts_parse(&dopt, "check", argc, argv, &i);
    if (r < 0 || r == 0) {
      free(files);
      return r < 0 ? JX_EXIT_USAGE
                   : jx_usage_error("check", "unknown option '%s'", a);
    }
  }
  if (n == 0) {
    free(files);
    return jx_usage_error("check", "no input files");
  }
  jx_diag *d = jx_diag_from_opts(&dopt);
  jx_compile_job job = {files, n, NULL, NULL, {0}};
  int rc = jx_compile(&job, d);
  jx_diag_summary(d);
  jx_diag_free(d);
  free(files);
  return rc;
}

/* The default C prefix: the output (or first input) file's base name, as
 * an identifier. */
static char *default_prefix(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strcspn(base, ".");
  char *p = malloc(n + 4);
  size_t k = 0;
  if (n == 0 || (base[0] >= '0' && base[0] <= '9'))
    p[k++] = 'p', p[k++] = '_';
  for (size_t i = 0; i < n; i++) {
    char c = base[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_';
    p[k++] = ok ? c : '_';
  }
  p[k] = '\0';
  return p;
}

static bool valid_prefix(const char *p) {
  if (!*p || (*p >= '0' && *p <= '9'))
    return false;
  for (; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '_'))
      return false;
  return true;
}

static int cmd_build(int argc, char **argv) {
  jx_diag_opts dopt;
  jx_diag_opts_init(&dopt);
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int n = 0, rc = JX_EXIT_USAGE;
  const char *format = "json", *output = NULL, *table = NULL, *prefix = NULL;
  bool bom = false, only_files = false;
  char *owned_prefix = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    int r;
    if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
      files[n++] = a;
      continue;
    }
    if (strcmp(a, "--") == 0) {
      only_files = true;
    } else if (wants_help(a)) {
      fputs(build_usage, stdout);
      rc = JX_EXIT_OK;
      goto done;
    } else if ((r = jx_opt_value("build", "--format", "-f", argc, argv, &i,
                                 &v))) {
      if (r < 0)
        goto done;
      format = v;
    } else if ((r = jx_opt_value("build", "--output", "-o", argc, argv, &i,
                                 &v))) {
      if (r < 0)
        goto done;
      output = v;
    } else if ((r = jx_opt_value("build", "--table", NULL, argc, argv, &i,
                                 &v))) {
      if (r < 0)
        goto done;
      table = v;
    } else if ((r = jx_opt_value("build", "--prefix", NULL, argc, argv, &i,
                                 &v))) {
      if (r < 0)
        goto done;
      prefix = v;
    } else if (strcmp(a, "--bom") == 0) {
      bom = true;
    } else {
      r = jx_diag_opts_parse(&dopt, "build", argc, argv, &i);
      if (r == 0)
        jx_usage_error("build", "unknown option '%s'", a);
      if (r <= 0)
        goto done;
    }
  }
  if (n == 0) {
    jx_usage_error("build", "no input files");
    goto done;
  }
  const jx_backend *be = jx_backend_find(format);
  if (!be) {
    jx_usage_error("build", "unknown format '%s' (json, csv or c)", format);
    goto done;
  }
  jx_emit_options eo = {0};
  eo.bom = bom;
  eo.input_name = files[0];
  if (table) {
    if (strcmp(table, "indicators") == 0)
      eo.csv_table = JX_CSV_INDICATORS;
    else if (strcmp(table, "projects") == 0)
      eo.csv_table = JX_CSV_PROJECTS;
    else if (strcmp(table, "schedule") == 0)
      eo.csv_table = JX_CSV_SCHEDULE;
    else {
      jx_usage_error("build",
                     "--table takes indicators, projects or "
                     "schedule, not '%s'",
                     table);
      goto done;
    }
  }
  if (prefix && !valid_prefix(prefix)) {
    jx_usage_error("build", "--prefix must be a C identifier, not '%s'",
                   prefix);
    goto done;
  }
  if (!prefix) {
    const char *from = output && strcmp(output, "-") != 0 ? output
                       : strcmp(files[0], "-") == 0       ? "plan"
                                                          : files[0];
    prefix = owned_prefix = default_prefix(from);
  }
  eo.prefix = prefix;

  jx_outfile of = {0};
  bool to_file = output && strcmp(output, "-") != 0;
  if (to_file && jx_outfile_open(&of, output) != 0) {
    fprintf(stderr, "jxc build: cannot write %s: %s\n", output,
            strerror(errno));
    goto done;
  }
  jx_out out;
  jx_out_init_fd(&out, to_file ? of.fd : STDOUT_FILENO);
  jx_diag *d = jx_diag_from_opts(&dopt);
  jx_compile_job job = {files, n, be, &out, eo};
  rc = jx_compile(&job, d);
  if (jx_out_flush(&out) != 0 && rc == JX_EXIT_OK) {
    fprintf(stderr, "jxc build: cannot write %s: %s\n",
            to_file ? output : "standard output", strerror(out.errno_saved));
    rc = JX_EXIT_USAGE;
  }
  if (to_file) {
    if (rc == JX_EXIT_OK) {
      if (jx_outfile_commit(&of) != 0) {
        fprintf(stderr, "jxc build: cannot write %s: %s\n", output,
                strerror(errno));
        rc = JX_EXIT_USAGE;
      }
    } else {
      jx_outfile_abort(&of);
    }
  }
  jx_out_free(&out);
  jx_diag_summary(d);
  jx_diag_free(d);
done:
  free(owned_prefix);
  free(files);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_overview(stderr);
    return JX_EXIT_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    print_overview(stdout);
    return JX_EXIT_OK;
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
    return cmd_version(0, NULL);
  const jx_command *c = find_command(name);
  if (!c) {
    fprintf(stderr, "jxc: no command '%s'\n", name);
    print_overview(stderr);
    return JX_EXIT_USAGE;
  }
  return c->run(argc - 1, argv + 1);
}
