/*
 * config_file.c — jxc.ini (see config_file.h and docs/config.md).
 * libinih reads the INI; this file says what its sections and keys mean,
 * finds the file, and reports a mistake in it at its line, quoted like
 * any diagnostic.
 */
#include "config_file.h"

#ifndef JX_NO_INIH
#include <ini.h>
#else
/* A build without libinih refuses a jxc.ini before reading it
 * (jx_config_apply); this stands in for the call it never makes. */
typedef int (*ini_handler)(void *, const char *, const char *, const char *);
static int ini_parse_string(const char *text, ini_handler h, void *ud) {
  (void)text, (void)h, (void)ud;
  return -1;
}
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "forms.h"
#include "framework.h"
#include "load.h"
#include "port.h"
#include "source.h"

/* ---- what there is ------------------------------------------------------ */

const jx_config_key jx_config_keys[] = {
    {"jxc", "lang", "en|zh", JX_CFG_LITERAL, JX_M_CFG_LANG},
    {"jxc", "max-errors", "0…100000", JX_CFG_LITERAL, JX_M_CFG_MAX_ERRORS},
    {"jxc", "werror", "true|false", JX_CFG_LITERAL, JX_M_CFG_WERROR},
    {"warnings", "CODE", "off|on|error|warning", JX_CFG_LITERAL,
     JX_M_CFG_WARNING},
    {"plan", "framework", NULL, JX_CFG_FRAMEWORKS, JX_M_CFG_FRAMEWORK},
    {"plan", "form", NULL, JX_CFG_FORMS, JX_M_CFG_FORM},
    {"fmt", "lang", "keep|en|zh", JX_CFG_LITERAL, JX_M_CFG_FMT_LANG},
    {"build", "format", "json|csv|c|xlsx|html", JX_CFG_LITERAL,
     JX_M_CFG_FORMAT},
    {"eval", "profile", "caiyu2020|hubei|…", JX_CFG_LITERAL, JX_M_CFG_PROFILE},
    {NULL, NULL, NULL, JX_CFG_LITERAL, JX_M_NONE},
};

void jx_config_values(jx_strbuf *out, const jx_config_key *k) {
  if (k->kind == JX_CFG_FRAMEWORKS) {
    size_t n;
    const jx_framework *const *fw = jx_framework_list(&n);
    for (size_t i = 0; i < n; i++)
      jx_sb_printf(out, "%s%s", i ? "|" : "", fw[i]->name);
  } else if (k->kind == JX_CFG_FORMS) {
    size_t n;
    const jx_form_spec *const *f = jx_form_spec_list(&n);
    for (size_t i = 0; i < n; i++)
      jx_sb_printf(out, "%s%s", i ? "|" : "", f[i]->name);
  } else {
    jx_sb_puts(out, k->values);
  }
}

void jx_config_job(const jx_config *c, jx_load_job *job) {
  if (!c)
    return;
  if (c->framework[0])
    job->default_framework = c->framework;
  if (c->form[0])
    job->default_form = c->form;
}

/* ---- finding it --------------------------------------------------------- */

static char *copy_text(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(jx_xmalloc(n), s, n);
}

/* The folder a path is in, as it was written ("." for a bare name). */
static char *folder_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash)
    return copy_text(".");
  if (slash == path)
    return copy_text("/");
  char *d = jx_xmalloc((size_t)(slash - path) + 1);
  memcpy(d, path, (size_t)(slash - path));
  d[slash - path] = '\0';
  return d;
}

/* The folder above dir, spelt from dir ("a/b" -> "a", "." -> ".."). */
static char *up(const char *dir) {
  const char *slash = strrchr(dir, '/');
  const char *last = slash ? slash + 1 : dir;
  if (strcmp(last, ".") == 0 || strcmp(last, "..") == 0 || !*last) {
    size_t n = strlen(dir);
    char *u = jx_xmalloc(n + 4);
    if (strcmp(dir, ".") == 0)
      strcpy(u, "..");
    else
      snprintf(u, n + 4, "%s/..", dir);
    return u;
  }
  if (!slash)
    return copy_text(".");
  if (slash == dir)
    return copy_text("/");
  char *u = jx_xmalloc((size_t)(slash - dir) + 1);
  memcpy(u, dir, (size_t)(slash - dir));
  u[slash - dir] = '\0';
  return u;
}

/* Whether dir is the root.  An absolute path with no "." or ".." in it
 * (a language server's documents) is the root when it is "/"; any other
 * is asked of the file system, which costs a lookup per folder in it. */
static bool at_top(const char *dir) {
#ifndef _WIN32
  bool plain = dir[0] == '/';
  for (const char *p = dir; plain && *p; p++)
    if (p[0] == '/' && p[1] == '.' &&
        (p[2] == '/' || !p[2] || (p[2] == '.' && (p[3] == '/' || !p[3]))))
      plain = false;
  if (plain)
    return strcmp(dir, "/") == 0;
#endif
  char *real = jx_realpath(dir);
  bool top = !real || jx_dir_len(real) == strlen(real); /* "/", "C:\\" */
  free(real);
  return top;
}

char *jx_config_find(const char *input) {
  char *dir = strcmp(input, "-") == 0 ? copy_text(".") : folder_of(input);
  char *found = jx_config_find_in(dir);
  free(dir);
  return found;
}

char *jx_config_find_in(const char *start) {
  char *dir = copy_text(start);
  for (int depth = 0; depth < 256; depth++) {
    size_t n = strlen(dir) + sizeof JX_CONFIG_NAME + 1;
    char *cand = jx_xmalloc(n);
    if (strcmp(dir, ".") == 0)
      snprintf(cand, n, "%s", JX_CONFIG_NAME);
    else
      snprintf(cand, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
               JX_CONFIG_NAME);
    struct stat st;
    if (stat(cand, &st) == 0 && S_ISREG(st.st_mode)) {
      free(dir);
      return cand;
    }
    free(cand);
    if (at_top(dir))
      break;
    char *u = up(dir);
    free(dir);
    dir = u;
  }
  free(dir);
  return NULL;
}

/* ---- reading it ---------------------------------------------------------- */

typedef struct reader {
  jx_config *cfg; /* what it says */
  /* the first mistake: its message, arguments and the word to point at */
  jx_diag_id error;
  char arg[3][64];
  char at[64];
  const char *hint;
} reader;

static int mistake(reader *r, jx_diag_id id, const char *at, const char *a0,
                   const char *a1, const char *a2) {
  r->error = id;
  snprintf(r->arg[0], sizeof r->arg[0], "%s", a0 ? a0 : "");
  snprintf(r->arg[1], sizeof r->arg[1], "%s", a1 ? a1 : "");
  snprintf(r->arg[2], sizeof r->arg[2], "%s", a2 ? a2 : "");
  snprintf(r->at, sizeof r->at, "%s", at ? at : "");
  return 0; /* inih stops, and says on which line */
}

static int bool_value(const char *v) {
  if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "1") == 0)
    return 1;
  if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "0") == 0)
    return 0;
  return -1;
}

/* Is there such a section, and such a key in it (jx_config_keys)? */
static int known(const char *section, const char *name) {
  int found = 0;
  for (const jx_config_key *k = jx_config_keys; k->section; k++)
    if (strcmp(k->section, section) == 0) {
      found = 1;
      if (strcmp(k->key, "CODE") == 0 || strcmp(k->key, name) == 0)
        return 2;
    }
  return found;
}

static int on_key(void *ud, const char *section, const char *name,
                  const char *value) {
  reader *r = ud;
  if (!*section)
    return mistake(r, JX_E_CONFIG_NO_SECTION, name, name, NULL, NULL);
  int kn = known(section, name);
  if (kn == 0)
    return mistake(r, JX_E_CONFIG_SECTION, section, section, NULL, NULL);
  if (kn == 1)
    return mistake(r, JX_E_CONFIG_KEY, name, name, section, NULL);
  if (strcmp(section, "jxc") == 0) {
    if (strcmp(name, "lang") == 0) {
      jx_lang l;
      if (!jx_lang_parse(value, &l))
        return mistake(r, JX_E_CONFIG_VALUE, value, name, "en, zh", value);
      r->cfg->lang = (int)l;
    } else if (strcmp(name, "werror") == 0) {
      if ((r->cfg->werror = bool_value(value)) < 0)
        return mistake(r, JX_E_CONFIG_VALUE, value, name, "true, false", value);
    } else if (strcmp(name, "max-errors") == 0) {
      char *end;
      long n = strtol(value, &end, 10);
      if (!*value || *end || n < 0 || n > 100000)
        return mistake(r, JX_E_CONFIG_VALUE, value, name, "0 … 100000", value);
      r->cfg->max_errors = (int)n;
    } else {
      return mistake(r, JX_E_CONFIG_KEY, name, name, section, NULL);
    }
  } else if (strcmp(section, "warnings") == 0) {
    jx_code_kind k = jx_diag_code_kind(name);
    if (k != JX_CODE_WARNING) {
      if (k == JX_CODE_UNKNOWN)
        r->hint = jx_diag_warning_suggest(name);
      return mistake(
          r, k == JX_CODE_ERROR ? JX_E_CONFIG_ERROR_CODE : JX_E_CONFIG_WARNING,
          name, name, NULL, NULL);
    }
    jx_config_warn w;
    memset(&w, 0, sizeof w);
    snprintf(w.code, sizeof w.code, "%s", name);
    if (strcmp(value, "off") == 0) {
      w.a[w.n++] = JX_WARN_OFF;
    } else if (strcmp(value, "on") == 0) {
      w.a[w.n++] = JX_WARN_ON;
    } else if (strcmp(value, "error") == 0) {
      w.a[w.n++] = JX_WARN_ERROR;
    } else if (strcmp(value, "warning") == 0) {
      w.a[w.n++] = JX_WARN_ON;
      w.a[w.n++] = JX_WARN_NO_ERROR;
    } else {
      return mistake(r, JX_E_CONFIG_VALUE, value, name,
                     "off, on, error, warning", value);
    }
    jx_config *c = r->cfg;
    c->warn = jx_xrealloc(c->warn, (c->n_warn + 1) * sizeof *c->warn);
    c->warn[c->n_warn++] = w;
  } else if (strcmp(section, "fmt") == 0) {
    if (strcmp(name, "lang") != 0)
      return mistake(r, JX_E_CONFIG_KEY, name, name, section, NULL);
    if (strcmp(value, "keep") == 0)
      r->cfg->fmt_lang = -1;
    else if (strcmp(value, "en") == 0)
      r->cfg->fmt_lang = 0;
    else if (strcmp(value, "zh") == 0)
      r->cfg->fmt_lang = 1;
    else
      return mistake(r, JX_E_CONFIG_VALUE, value, name, "keep, en, zh", value);
  } else if (strcmp(section, "build") == 0) {
    if (strcmp(name, "format") != 0)
      return mistake(r, JX_E_CONFIG_KEY, name, name, section, NULL);
    static const char *const formats[] = {"json", "csv", "c", "xlsx", "html"};
    bool known = false;
    for (size_t i = 0; i < 5; i++)
      known |= strcmp(value, formats[i]) == 0;
    if (!known)
      return mistake(r, JX_E_CONFIG_VALUE, value, name,
                     "json, csv, c, xlsx, html", value);
    snprintf(r->cfg->format, sizeof r->cfg->format, "%s", value);
  } else if (strcmp(section, "plan") == 0) {
    /* A built-in framework or form, by any of its names. */
    bool fw = strcmp(name, "framework") == 0;
    if (fw ? !jx_framework_builtin(value) : !jx_form_spec_find(value)) {
      jx_strbuf names = {0};
      size_t n;
      if (fw) {
        const jx_framework *const *all = jx_framework_list(&n);
        for (size_t i = 0; i < n; i++)
          jx_sb_printf(&names, "%s%s", i ? ", " : "", all[i]->name);
      } else {
        const jx_form_spec *const *all = jx_form_spec_list(&n);
        for (size_t i = 0; i < n; i++)
          jx_sb_printf(&names, "%s%s", i ? ", " : "", all[i]->name);
      }
      mistake(r, JX_E_CONFIG_VALUE, value, name, names.p, value);
      jx_sb_free(&names);
      return 0;
    }
    snprintf(fw ? r->cfg->framework : r->cfg->form, sizeof r->cfg->framework,
             "%s", value);
  } else if (strcmp(section, "eval") == 0) {
    /* Known only once the plan and the actuals are read (driver.c). */
    if (!*value || strlen(value) >= sizeof r->cfg->profile)
      return mistake(r, JX_E_CONFIG_VALUE, value, name, "caiyu2020, hubei, …",
                     value);
    snprintf(r->cfg->profile, sizeof r->cfg->profile, "%s", value);
  }
  return 1;
}

/* The line [eval] profile is on: where inih stops when told to. */
static int stop_at_profile(void *ud, const char *section, const char *name,
                           const char *value) {
  (void)ud, (void)value;
  return !(strcmp(section, "eval") == 0 && strcmp(name, "profile") == 0);
}

/* Where line `line` of text starts, and the word `at` in it (else the
 * line's first non-blank byte). */
static jx_loc place(const char *text, size_t len, uint32_t file, int line,
                    const char *at) {
  jx_loc l;
  memset(&l, 0, sizeof l);
  size_t o = 0;
  for (int k = 1; k < line && o < len; o++)
    if (text[o] == '\n')
      k++;
  size_t end = o;
  while (end < len && text[end] != '\n')
    end++;
  size_t col = o, n = 0;
  while (col < end && (text[col] == ' ' || text[col] == '\t'))
    col++;
  size_t an = strlen(at);
  for (size_t i = o; an && i + an <= end; i++)
    if (memcmp(text + i, at, an) == 0) {
      col = i;
      n = an;
      break;
    }
  if (!n)
    n = end > col ? end - col : 1;
  l.file = file;
  l.line = (uint32_t)line;
  l.offset = col;
  l.col = (uint32_t)(col - o + 1);
  l.len = (uint32_t)n;
  return l;
}

/* ---- reading it, whole -------------------------------------------------- */

int jx_config_read(const char *path, jx_diag *d, jx_config **out) {
  *out = NULL;
  const char *one[] = {path};
  jx_source **src = jx_sources_open(one, 1, d);
  size_t len = 0;
  char *text = src ? jx_source_read_all(src[0], &len) : NULL;
  jx_sources_close(src, 1);
  if (!text)
    return 2;
  jx_config *cfg = jx_xcalloc(1, sizeof *cfg);
  cfg->path = copy_text(path);
  cfg->text = text;
  cfg->len = len;
  cfg->lang = cfg->werror = cfg->max_errors = -1;
  cfg->fmt_lang = -1;
  *out = cfg;
  uint32_t file = jx_diag_add_source(d, cfg->path, text, len);
  reader r;
  memset(&r, 0, sizeof r);
  r.cfg = cfg;
  int line = memchr(text, '\0', len) ? 1 : ini_parse_string(text, on_key, &r);
  if (line != 0) {
    if (!r.error)
      r.error = JX_E_CONFIG_SYNTAX;
    jx_loc at = place(text, len, file, line > 0 ? line : 1, r.at);
    jx_diag_report(d, r.error, at, r.arg[0], r.arg[1], r.arg[2]);
    if (r.hint)
      jx_diag_note(d, JX_N_DID_YOU_MEAN, at, r.hint);
    return 1;
  }
  if (cfg->profile[0]) {
    int at = ini_parse_string(text, stop_at_profile, NULL);
    cfg->profile_loc = place(text, len, file, at > 0 ? at : 1, cfg->profile);
  }
  return 0;
}

void jx_config_warnings(const jx_config *c, jx_diag *d) {
  for (size_t i = 0; c && i < c->n_warn; i++)
    for (int k = 0; k < c->warn[i].n; k++)
      jx_diag_warning_set(d, c->warn[i].code, c->warn[i].a[k]);
}

void jx_config_free(jx_config *c) {
  if (!c)
    return;
  free(c->path);
  free(c->text);
  free(c->warn);
  free(c);
}
