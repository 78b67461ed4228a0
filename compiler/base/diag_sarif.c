/*
 * diag_sarif.c — a run's diagnostics as one SARIF 2.1.0 log
 * (`--diagnostics=sarif`, docs/diagnostics.md "SARIF output"), for
 * code-scanning upload and SARIF viewers.
 *
 * A log is one JSON document for the whole run, but the engine sends
 * records one at a time, a child of `check -j` renders its file's in
 * another process, and `diff` may drop what it captured.  So each record
 * becomes a piece, one line of text that travels as any rendering does
 * (through the engine's writer), and the log is put together from the
 * pieces at the end of the run (jx_diag_end):
 *
 *   R<TAB>code<TAB>,"level":…}      a result: the record has a place
 *   N<TAB>code<TAB>,"level":…}      a notification: it has none (read and
 *                                   write errors, usage, the error cap)
 *
 * The JSON after the second tab is the object without its head, which
 * needs the index of the code among the run's rules: known only at the
 * end.  JSON escaping leaves no tab or line break inside the JSON.
 *
 * The rules are the codes that occur, in order of first occurrence, with
 * their short description from the catalog in the run's language.
 * Columns are code points (run.columnKind unicodeCodePoints), as jxc
 * counts them everywhere; a place whose line could not be had again
 * (a stream's forgotten bytes) has its line only.  Paths become URI
 * references relative to %SRCROOT%, the directory jxc ran in.
 */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "jixiao.h" /* JX_VERSION */
#include "json.h"

/* Where the documentation is published, for helpUri; a build may set it
 * (make DOCS_URL=https://…/docs/).  An absolute URI or nothing: SARIF
 * wants helpUri absolute, and jxc knows no address of its own. */
#ifndef JX_DOCS_URL
#define JX_DOCS_URL ""
#endif

#define SARIF_SCHEMA                                                           \
  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"        \
  "sarif-schema-2.1.0.json"

/* ---- pieces ------------------------------------------------------------ */

static const char *level(jx_severity s) {
  static const char *const names[] = {"note", "note", "warning", "error"};
  return names[s <= JX_SEV_ERROR ? s : JX_SEV_ERROR];
}

static bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

static bool is_sep(char c) {
#ifdef _WIN32
  return c == '/' || c == '\\';
#else
  return c == '/';
#endif
}

/* A path as a URI reference (RFC 3986): every byte but the unreserved
 * ones and the separators percent-encoded, so a Chinese name is its
 * UTF-8 bytes in %XX, and ':' cannot be taken for a scheme. */
static void put_path(jx_strbuf *u, const char *p) {
  static const char hex[] = "0123456789ABCDEF";
  for (; *p; p++) {
    unsigned char c = (unsigned char)*p;
    if (is_sep(*p))
      jx_sb_puts(u, "/");
    else if (is_unreserved(c))
      jx_sb_add(u, p, 1);
    else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      jx_sb_add(u, e, 3);
    }
  }
}

/* "artifactLocation":{…}: an absolute path as a file URI, a relative one
 * against %SRCROOT%. */
static void put_artifact(jx_strbuf *o, const char *path, jx_strbuf *tmp) {
  jx_sb_clear(tmp);
  bool drive = ((path[0] >= 'A' && path[0] <= 'Z') ||
                (path[0] >= 'a' && path[0] <= 'z')) &&
               path[1] == ':' && is_sep(path[2]);
#ifndef _WIN32
  drive = false; /* C:/x is a relative path here */
#endif
  bool absolute = drive || is_sep(path[0]);
  if (drive) {
    jx_sb_puts(tmp, "file:///");
    jx_sb_add(tmp, path, 2);
    path += 2;
#ifdef _WIN32
  } else if (absolute && is_sep(path[1])) {
    jx_sb_puts(tmp, "file:"); /* \\server\share */
#endif
  } else if (absolute) {
    jx_sb_puts(tmp, "file://");
  }
  put_path(tmp, path);
  jx_sb_puts(o, "\"artifactLocation\":{\"uri\":");
  jx_json_string_sb(o, tmp->p ? tmp->p : "");
  jx_sb_puts(o, absolute ? "}" : ",\"uriBaseId\":\"%SRCROOT%\"}");
}

/* "key":{region}: a region is "region", what a fix replaces
 * "deletedRegion" (empty: an insertion). */
static void put_region(jx_strbuf *o, const char *key, const jx_diag_place *at) {
  jx_sb_printf(o, "\"%s\":{\"startLine\":%lu", key,
               (unsigned long)at->loc.line);
  if (!at->byte_cols && at->col > 0) {
    uint32_t end = at->end_col > at->col ? at->end_col : at->col;
    jx_sb_printf(o, ",\"startColumn\":%lu,\"endLine\":%lu,\"endColumn\":%lu",
                 (unsigned long)at->col, (unsigned long)at->loc.line,
                 (unsigned long)end);
  }
  jx_sb_puts(o, "}");
}

static void put_physical(jx_strbuf *o, const jx_diag_place *at,
                         jx_strbuf *tmp) {
  jx_sb_puts(o, "\"physicalLocation\":{");
  put_artifact(o, at->path ? at->path : "", tmp);
  jx_sb_puts(o, ",");
  put_region(o, "region", at);
  jx_sb_puts(o, "}");
}

/* A part's message as "message":{"text":…}. */
static void put_message(jx_strbuf *o, const jx_diag_record *r,
                        const jx_diag_part *p, jx_lang lang, jx_strbuf *tmp) {
  jx_sb_clear(tmp);
  jx_diag_message(tmp, r, p, lang);
  jx_sb_puts(o, "\"message\":{\"text\":");
  jx_json_string_sb(o, tmp->p ? tmp->p : "");
  jx_sb_puts(o, "}");
}

static bool located(const jx_diag_part *p) {
  return p->sev == JX_SEV_NOTE && p->at.loc.line != 0;
}

/* The main message, and after it, a line each, the help and the notes
 * that have no place ("help: did you mean …?"), as text shows them. */
static void put_main_message(jx_strbuf *o, const jx_diag_record *r,
                             jx_lang lang, jx_strbuf *tmp) {
  jx_sb_clear(tmp);
  jx_diag_message(tmp, r, &r->main, lang);
  for (size_t i = 0; i < r->n_notes; i++) {
    const jx_diag_part *nt = &r->notes[i];
    if (located(nt))
      continue;
    jx_sb_puts(tmp, "\n");
    jx_sb_puts(
        tmp, jx_msg_text(nt->sev == JX_SEV_HELP ? JX_M_SEV_HELP : JX_M_SEV_NOTE,
                         lang));
    jx_sb_puts(tmp, ": ");
    jx_diag_message(tmp, r, nt, lang);
  }
  jx_sb_puts(o, "\"message\":{\"text\":");
  jx_json_string_sb(o, tmp->p ? tmp->p : "");
  jx_sb_puts(o, "}");
}

/* Each fix-it is a fix of its own: several are alternatives (万元 or 元),
 * not one edit. */
static void put_fixes(jx_strbuf *o, const jx_diag_record *r, jx_strbuf *tmp) {
  bool any = false;
  for (size_t i = 0; i < r->n_fixits; i++) {
    const jx_diag_fixit *f = &r->fixits[i];
    /* An edit needs exact columns. */
    if (f->at.loc.line == 0 || f->at.byte_cols || !f->at.path)
      continue;
    jx_sb_puts(o, any ? "," : ",\"fixes\":[");
    any = true;
    jx_sb_puts(o, "{\"artifactChanges\":[{");
    put_artifact(o, f->at.path, tmp);
    jx_sb_puts(o, ",\"replacements\":[{");
    put_region(o, "deletedRegion", &f->at);
    jx_sb_puts(o, ",\"insertedContent\":{\"text\":");
    jx_json_string_sb(o, f->text);
    jx_sb_puts(o, "}}]}]}");
  }
  if (any)
    jx_sb_puts(o, "]");
}

void jx_diag_render_sarif(jx_strbuf *o, const jx_diag_record *r, jx_lang lang) {
  jx_strbuf tmp = {0};
  const jx_diag_part *m = &r->main;
  bool result = m->at.loc.line != 0;
  jx_sb_puts(o, result ? "R\t" : "N\t");
  jx_sb_puts(o, r->code ? r->code : "");
  jx_sb_printf(o, "\t,\"level\":\"%s\",", level(m->sev));
  put_main_message(o, r, lang, &tmp);
  if (result) {
    jx_sb_puts(o, ",\"locations\":[{");
    put_physical(o, &m->at, &tmp);
    jx_sb_puts(o, "}]");
    bool any = false;
    for (size_t i = 0; i < r->n_notes; i++) {
      const jx_diag_part *nt = &r->notes[i];
      if (!located(nt))
        continue;
      jx_sb_puts(o, any ? ",{" : ",\"relatedLocations\":[{");
      any = true;
      put_physical(o, &nt->at, &tmp);
      jx_sb_puts(o, ",");
      put_message(o, r, nt, lang, &tmp);
      jx_sb_puts(o, "}");
    }
    if (any)
      jx_sb_puts(o, "]");
    put_fixes(o, r, &tmp);
  } else if (r->file) {
    /* a whole file's trouble: the file, without a region */
    jx_sb_puts(o, ",\"locations\":[{\"physicalLocation\":{");
    put_artifact(o, r->file, &tmp);
    jx_sb_puts(o, "}}]");
  }
  jx_sb_puts(o, "}\n");
  jx_sb_free(&tmp);
}

/* ---- the log ----------------------------------------------------------- */

/* A piece, split at its tabs. */
typedef struct piece {
  bool result;
  char *code; /* NUL-terminated in place; "" for none */
  const char *rest;
  size_t rest_len;
  size_t index; /* of code among the rules (or notifications) */
} piece;

/* The codes in order of first occurrence. */
typedef struct codes {
  const char **code;
  size_t n;
} codes;

static size_t code_index(codes *c, const char *code) {
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->code[i], code) == 0)
      return i;
  c->code = jx_xrealloc(c->code, (c->n + 1) * sizeof *c->code);
  c->code[c->n] = code;
  return c->n++;
}

/* Splits the pieces (in a copy, buf) into p; returns how many. */
static size_t split(char *buf, size_t n, piece **out) {
  size_t cap = 16, k = 0;
  piece *p = jx_xmalloc(cap * sizeof *p);
  char *s = buf, *end = buf + n;
  while (s < end) {
    char *nl = memchr(s, '\n', (size_t)(end - s));
    char *line_end = nl ? nl : end;
    char *t1 = memchr(s, '\t', (size_t)(line_end - s));
    char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(line_end - t1 - 1)) : NULL;
    /* anything else (nothing jxc writes) is left out */
    if (t2 && (s[0] == 'R' || s[0] == 'N') && t1 == s + 1 &&
        t2 + 1 < line_end && t2[1] == ',') {
      if (k == cap) {
        cap *= 2;
        p = jx_xrealloc(p, cap * sizeof *p);
      }
      *t2 = '\0';
      p[k].result = s[0] == 'R';
      p[k].code = t1 + 1;
      p[k].rest = t2 + 1;
      p[k].rest_len = (size_t)(line_end - t2 - 1);
      k++;
    }
    s = line_end + 1;
  }
  *out = p;
  return k;
}

/* The descriptors of codes: id, short description, help. */
static void put_descriptors(jx_strbuf *o, const char *key, const codes *c,
                            jx_lang lang, const char *docs) {
  if (c->n == 0)
    return;
  jx_sb_printf(o, ",\n          \"%s\": [", key);
  for (size_t i = 0; i < c->n; i++) {
    const char *title = jx_diag_code_title(c->code[i], lang);
    jx_sb_puts(o, i ? ",\n            {\"id\":" : "\n            {\"id\":");
    jx_json_string_sb(o, c->code[i]);
    if (title) {
      jx_sb_puts(o, ",\"shortDescription\":{\"text\":");
      jx_json_string_sb(o, title);
      jx_sb_puts(o, "}");
    }
    /* The entry in docs/diagnostics.md is headed by the code, which is
     * its anchor. */
    jx_strbuf help = {0};
    jx_msg_printf(&help, lang, JX_M_SARIF_HELP, c->code[i]);
    jx_sb_puts(o, ",\"help\":{\"text\":");
    jx_json_string_sb(o, help.p ? help.p : "");
    jx_sb_puts(o, "}");
    jx_sb_free(&help);
    if (*docs) {
      jx_strbuf uri = {0};
      jx_sb_puts(&uri, docs);
      jx_sb_puts(&uri, "diagnostics.md#");
      put_path(&uri, c->code[i]);
      jx_sb_puts(o, ",\"helpUri\":");
      jx_json_string_sb(o, uri.p);
      jx_sb_free(&uri);
    }
    jx_sb_puts(o, "}");
  }
  jx_sb_puts(o, "\n          ]");
}

/* A result's or notification's object: its head (which names its rule
 * by index), then the rest, which starts with a comma. */
static void put_head(jx_strbuf *o, const piece *p) {
  jx_sb_puts(o, "{");
  if (!*p->code) {
    /* a stray note, with no code: no rule either (the comma goes) */
    jx_sb_add(o, p->rest + 1, p->rest_len - 1);
    return;
  }
  jx_sb_puts(o, p->result ? "\"ruleId\":" : "\"descriptor\":{\"id\":");
  jx_json_string_sb(o, p->code);
  jx_sb_printf(o, p->result ? ",\"ruleIndex\":%lu" : ",\"index\":%lu}",
               (unsigned long)p->index);
  jx_sb_add(o, p->rest, p->rest_len);
}

static void put_log(jx_strbuf *o, piece *p, size_t n, jx_lang lang,
                    const char *docs) {
  codes rules = {0}, notes = {0};
  bool failed = false;
  size_t n_results = 0, n_notes = 0;
  for (size_t i = 0; i < n; i++) {
    if (*p[i].code)
      p[i].index = code_index(p[i].result ? &rules : &notes, p[i].code);
    if (p[i].result)
      n_results++;
    else
      n_notes++;
    /* a notification at level error: the run could not do its work */
    if (!p[i].result && p[i].rest_len >= 16 &&
        memcmp(p[i].rest, ",\"level\":\"error\"", 16) == 0)
      failed = true;
  }
  jx_sb_puts(o, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n"
                "  \"version\": \"2.1.0\",\n"
                "  \"runs\": [\n    {\n      \"tool\": {\n"
                "        \"driver\": {\n"
                "          \"name\": \"jxc\",\n"
                "          \"version\": \"" JX_VERSION "\"");
  if (*docs) {
    jx_sb_puts(o, ",\n          \"informationUri\": ");
    jx_json_string_sb(o, docs);
  }
  put_descriptors(o, "rules", &rules, lang, docs);
  put_descriptors(o, "notifications", &notes, lang, docs);
  jx_sb_printf(o,
               "\n        }\n      },\n"
               "      \"invocations\": [\n"
               "        {\n"
               "          \"executionSuccessful\": %s",
               failed ? "false" : "true");
  if (n_notes) {
    jx_sb_puts(o, ",\n          \"toolExecutionNotifications\": [");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
      if (p[i].result)
        continue;
      jx_sb_puts(o, k++ ? ",\n            " : "\n            ");
      put_head(o, &p[i]);
    }
    jx_sb_puts(o, "\n          ]");
  }
  jx_sb_printf(o,
               "\n        }\n      ],\n"
               "      \"language\": \"%s\",\n"
               "      \"columnKind\": \"unicodeCodePoints\",\n"
               "      \"results\": [",
               lang == JX_LANG_ZH ? "zh-CN" : "en-US");
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (!p[i].result)
      continue;
    jx_sb_puts(o, k++ ? ",\n        " : "\n        ");
    put_head(o, &p[i]);
  }
  jx_sb_puts(o,
             n_results ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n");
  free(rules.code);
  free(notes.code);
}

void jx_diag_sarif_log(jx_strbuf *o, const char *pieces, size_t n,
                       jx_lang lang) {
  jx_diag_sarif_log_at(o, pieces, n, lang, JX_DOCS_URL);
}

void jx_diag_sarif_log_at(jx_strbuf *o, const char *pieces, size_t n,
                          jx_lang lang, const char *docs_url) {
  char *buf = jx_xmalloc(n + 1);
  memcpy(buf, pieces, n);
  buf[n] = '\0';
  piece *p;
  size_t k = split(buf, n, &p);
  put_log(o, p, k, lang, docs_url ? docs_url : "");
  free(p);
  free(buf);
}
