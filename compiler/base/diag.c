/*
 * diag.c — the diagnostics engine behind diag.h: records, counting, the
 * cap, holding and sorting, and handing finished records to the sink.
 * Rendering is elsewhere: text in diag_text.c, JSON in diag_json.c,
 * SARIF in diag_sarif.c, the words in the catalog (catalog.c).
 *
 * A report becomes the pending record: its arguments are captured at once
 * (strings copied into the record's pool, so the caller's buffers may go),
 * and notes may still join it.  It is finished when the next report
 * starts or on a flush: then, and only then, its lines are looked up
 * (diag_lines.c, which never opens a path) and the piece a quote needs is
 * copied into the record, so that a record is whole and can be held,
 * sorted and rendered later without the source.  Until it is finished the
 * engine keeps the lines it will need (jx_diag_forget).
 */
#include "diag.h"

#include "arena.h"
#include "diag_impl.h"
#include "diag_lines.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest argument a message embeds (a word, a number, a name): a 10 MB
 * token is quoted by its first bytes and "…", as long lines are. */
#define JX_DIAG_ARG_MAX 200

/* A part as the engine keeps it: strings are offsets into the record's
 * pool, which may move while it grows. */
typedef struct part_rec {
  jx_diag_id id;
  jx_severity sev;
  jx_loc loc;
  uint32_t col, end_col;
  bool byte_cols, quoted, cut_before, cut_after;
  size_t q_off, q_len, q_at, q_span;
  jx_args args;
} part_rec;

/* A fix-it as the engine keeps it: its text is an offset into the pool. */
typedef struct fix_rec {
  jx_loc loc;
  uint32_t col, end_col;
  bool byte_cols;
  size_t text_off;
} fix_rec;

typedef struct rec {
  part_rec main;
  const char *code;
  bool has_file, has_cmd;
  size_t file_off, cmd_off;
  part_rec *notes;
  size_t n_notes, cap_notes;
  fix_rec *fixes;
  size_t n_fixes, cap_fixes;
  jx_strbuf pool;
  /* The order a held record is released in. */
  uint32_t sort_file;
  uint64_t sort_offset; /* UINT64_MAX: no position, sorts last */
  size_t seq;
} rec;

struct jx_diag {
  jx_lines lines; /* the sources, and how to get their lines back */
  jx_diag_sink sink;
  void *sink_ud;
  jx_diag_writer write;
  void *ud;
  jx_diag_format format;
  jx_lang lang;
  bool color, werror;
  int max_errors; /* <= 0: no cap */
  int errors, warnings;
  bool too_many;       /* the cap was reached; later reports are dropped */
  int cap_base;        /* errors before the cap's count began */
  bool too_many_shown; /* the too-many-errors record was made */
  bool pending;        /* `cur` is a record not finished yet */
  rec cur;
  jx_strbuf out;    /* the default sink's rendering */
  jx_strbuf pieces; /* SARIF: the run's records, for jx_diag_end */
  bool ended;
  jx_diag_part *view_notes; /* the public view of a record's notes */
  size_t cap_view;
  jx_diag_fixit *view_fixes; /* ... and of its fix-its */
  size_t cap_view_fixes;
  /* While held, finished records queue here and are sent sorted by
   * position on release (see jx_diag_set_hold). */
  bool holding;
  rec *held;
  size_t nheld, capheld;
  jx_diag_observer observe;
  void *observe_ud;
  jx_strbuf observed; /* the message an observer is shown */
  jx_diag_annotator annotate;
  void *annotate_ud;
  /* Warning control, per id (ids of one code move together). */
  bool warn_off[JX_DIAG_COUNT];
  int8_t warn_error[JX_DIAG_COUNT]; /* 0 as -W error says, 1 yes, -1 no */
  jx_diag_filter filter;
  void *filter_ud;
};

/* The default writer: stderr, or in SARIF format the pieces of the log,
 * which is one document written at the end. */
static void write_default(void *ud, const char *text, size_t n) {
  jx_diag *d = ud;
  if (d->format == JX_DIAG_SARIF)
    jx_sb_add(&d->pieces, text, n);
  else
    fwrite(text, 1, n, stderr);
}

/* The default sink: render in the engine's format and language, write. */
static void render_and_write(void *ud, const jx_diag_record *r) {
  jx_diag *d = ud;
  jx_sb_clear(&d->out);
  if (d->format == JX_DIAG_JSON)
    jx_diag_render_json(&d->out, r, d->lang);
  else if (d->format == JX_DIAG_SARIF)
    jx_diag_render_sarif(&d->out, r, d->lang);
  else
    jx_diag_render_text(&d->out, r, d->lang, d->color);
  d->write(d->ud, d->out.p, d->out.n);
}

jx_diag *jx_diag_new(void) {
  jx_diag *d = jx_xcalloc(1, sizeof *d);
  d->sink = render_and_write;
  d->sink_ud = d;
  d->write = write_default;
  d->ud = d;
  d->format = JX_DIAG_TEXT;
  d->lang = JX_LANG_EN;
  d->max_errors = JX_MAX_ERRORS;
  return d;
}

static void rec_free(rec *r) {
  free(r->notes);
  free(r->fixes);
  jx_sb_free(&r->pool);
}

void jx_diag_free(jx_diag *d) {
  if (!d)
    return;
  /* A record still held would otherwise be lost without a trace. */
  jx_diag_flush(d);
  jx_lines_free(&d->lines);
  rec_free(&d->cur);
  jx_sb_free(&d->out);
  jx_sb_free(&d->pieces);
  jx_sb_free(&d->observed);
  free(d->view_notes);
  free(d->view_fixes);
  free(d->held);
  free(d);
}

uint32_t jx_diag_add_source(jx_diag *d, const char *path, const char *data,
                            size_t size) {
  return jx_lines_add_memory(&d->lines, path, data, size);
}

uint32_t jx_diag_add_file(jx_diag *d, const char *path, int fd, uint64_t base) {
  return jx_lines_add_file(&d->lines, path, fd, base);
}

uint32_t jx_diag_add_stream(jx_diag *d, const char *path) {
  return jx_lines_add_stream(&d->lines, path);
}

void jx_diag_keep(jx_diag *d, uint32_t file, const char *p, size_t n) {
  jx_lines_keep(&d->lines, file, p, n);
}

/* Start of the line a location is on, if it is in `file`. */
static uint64_t line_start_in(jx_loc loc, uint32_t file, uint64_t upto) {
  if (loc.line == 0 || loc.file != file)
    return upto;
  uint64_t col = loc.col ? loc.col - 1 : 0;
  uint64_t start = loc.offset >= col ? loc.offset - col : 0;
  return start < upto ? start : upto;
}

void jx_diag_forget(jx_diag *d, uint32_t file, uint64_t offset) {
  /* The record not finished yet (notes may still join it) will quote its
   * lines later: keep them. */
  if (d->pending) {
    offset = line_start_in(d->cur.main.loc, file, offset);
    for (size_t i = 0; i < d->cur.n_notes; i++)
      offset = line_start_in(d->cur.notes[i].loc, file, offset);
  }
  jx_lines_forget(&d->lines, file, offset);
}

const char *jx_diag_source_path(const jx_diag *d, uint32_t file) {
  return jx_lines_path(&d->lines, file);
}

void jx_diag_set_sink(jx_diag *d, jx_diag_sink fn, void *ud) {
  d->sink = fn ? fn : render_and_write;
  d->sink_ud = fn ? ud : d;
}

void jx_diag_set_writer(jx_diag *d, jx_diag_writer fn, void *ud) {
  d->write = fn ? fn : write_default;
  d->ud = fn ? ud : d;
}

void jx_diag_write(jx_diag *d, const char *text, size_t n) {
  if (n)
    d->write(d->ud, text, n);
}

void jx_diag_end(jx_diag *d) {
  jx_diag_flush(d);
  if (d->format != JX_DIAG_SARIF || d->ended)
    return;
  d->ended = true;
  jx_strbuf log = {0};
  jx_diag_sarif_log(&log, d->pieces.p ? d->pieces.p : "", d->pieces.n, d->lang);
  fwrite(log.p, 1, log.n, stderr);
  fflush(stderr);
  jx_sb_free(&log);
  jx_sb_clear(&d->pieces);
}

void jx_diag_set_observer(jx_diag *d, jx_diag_observer fn, void *ud) {
  d->observe = fn;
  d->observe_ud = ud;
}

void jx_diag_set_annotator(jx_diag *d, jx_diag_annotator fn, void *ud) {
  d->annotate = fn;
  d->annotate_ud = ud;
}

void jx_diag_set_format(jx_diag *d, jx_diag_format f) {
  d->format = f;
}

jx_diag_format jx_diag_get_format(const jx_diag *d) {
  return d->format;
}

void jx_diag_set_lang(jx_diag *d, jx_lang lang) {
  d->lang = lang;
}

jx_lang jx_diag_lang(const jx_diag *d) {
  return d->lang;
}

void jx_diag_set_color(jx_diag *d, bool on) {
  d->color = on;
}

void jx_diag_set_werror(jx_diag *d, bool on) {
  d->werror = on;
}

void jx_diag_set_max_errors(jx_diag *d, int max) {
  d->max_errors = max;
}

int jx_diag_errors(const jx_diag *d) {
  return d->errors;
}

int jx_diag_warnings(const jx_diag *d) {
  return d->warnings;
}

bool jx_diag_too_many(const jx_diag *d) {
  return d->too_many;
}

void jx_diag_add_counts(jx_diag *d, int errors, int warnings) {
  d->errors += errors;
  d->warnings += warnings;
}

jx_diag_mark jx_diag_get_mark(jx_diag *d) {
  jx_diag_flush(d);
  jx_diag_mark m = {d->errors, d->warnings, d->cap_base, d->too_many,
                    d->too_many_shown};
  return m;
}

void jx_diag_rewind(jx_diag *d, const jx_diag_mark *m) {
  jx_diag_flush(d);
  d->errors = m->errors;
  d->warnings = m->warnings;
  d->cap_base = m->cap_base;
  d->too_many = m->too_many;
  d->too_many_shown = m->too_many_shown;
}

void jx_diag_restart_cap(jx_diag *d) {
  jx_diag_flush(d);
  d->too_many = d->too_many_shown = false;
  d->cap_base = d->errors;
}

/* ---- finishing a record ---------------------------------------------- */

/* Moves i back to the first byte of a UTF-8 character. */
static size_t char_start(const char *s, size_t i) {
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
    i--;
  return i;
}

/* Works out where a part points and copies the piece of its line a quote
 * shows into the pool. */
static void place(jx_diag *d, rec *r, part_rec *p) {
  p->quoted = p->cut_before = p->cut_after = p->byte_cols = false;
  p->col = p->end_col = 0;
  if (p->loc.line == 0)
    return;
  const char *s;
  size_t n, at;
  bool cut;
  if (!jx_lines_fetch(&d->lines, p->loc, JX_DIAG_QUOTE_CONTEXT, &s, &n, &at,
                      &cut)) {
    /* Byte columns are the best there is. */
    p->byte_cols = true;
    p->col = p->loc.col ? p->loc.col : 1;
    p->end_col = p->col + p->loc.len;
    return;
  }
  jx_diag_span sp;
  jx_diag_lay_out(s, n, at, p->loc.len, NULL, &sp);
  p->col = sp.col;
  p->end_col = sp.end_col;
  /* An underline longer than the context is cut too. */
  size_t len =
      p->loc.len < JX_DIAG_QUOTE_CONTEXT ? p->loc.len : JX_DIAG_QUOTE_CONTEXT;
  size_t from = 0, to = n;
  if (n > 3 * JX_DIAG_QUOTE_CONTEXT) {
    from = at > JX_DIAG_QUOTE_CONTEXT
               ? char_start(s, at - JX_DIAG_QUOTE_CONTEXT)
               : 0;
    size_t end = at + len + JX_DIAG_QUOTE_CONTEXT;
    to = end < n ? char_start(s, end) : n;
  }
  p->quoted = true;
  p->q_off = r->pool.n;
  p->q_len = to - from;
  p->q_at = at - from;
  p->q_span = len;
  p->cut_before = from > 0;
  p->cut_after = to < n || cut;
  jx_sb_add(&r->pool, s + from, to - from);
  jx_sb_add(&r->pool, "", 1);
}

/* A fix-it's columns, as a note's are worked out (nothing is quoted). */
static void place_fix(jx_diag *d, fix_rec *f) {
  f->col = f->end_col = 0;
  f->byte_cols = false;
  if (f->loc.line == 0)
    return;
  const char *s;
  size_t n, at;
  bool cut;
  if (!jx_lines_fetch(&d->lines, f->loc, JX_DIAG_QUOTE_CONTEXT, &s, &n, &at,
                      &cut)) {
    f->byte_cols = true;
    f->col = f->loc.col ? f->loc.col : 1;
    f->end_col = f->col + f->loc.len;
    return;
  }
  jx_diag_span sp;
  jx_diag_lay_out(s, n, at, f->loc.len, NULL, &sp);
  f->col = sp.col;
  f->end_col = f->loc.len ? sp.end_col : sp.col;
}

static jx_diag_part view_part(const jx_diag *d, const rec *r,
                              const part_rec *p) {
  jx_diag_part v;
  v.id = p->id;
  v.sev = p->sev;
  v.at.loc = p->loc;
  v.at.path = p->loc.line ? jx_lines_path(&d->lines, p->loc.file) : NULL;
  v.at.col = p->col;
  v.at.end_col = p->end_col;
  v.at.byte_cols = p->byte_cols;
  v.at.quote = p->quoted ? r->pool.p + p->q_off : NULL;
  v.at.quote_len = p->quoted ? p->q_len : 0;
  v.at.quote_at = p->q_at;
  v.at.quote_span = p->q_span;
  v.at.cut_before = p->cut_before;
  v.at.cut_after = p->cut_after;
  v.args = p->args;
  return v;
}

/* Sends a finished record to the sink, as a jx_diag_record. */
static void deliver(jx_diag *d, const rec *r) {
  if (r->n_notes > d->cap_view) {
    d->cap_view = r->n_notes;
    d->view_notes =
        jx_xrealloc(d->view_notes, d->cap_view * sizeof *d->view_notes);
  }
  jx_diag_record v;
  v.main = view_part(d, r, &r->main);
  v.code = r->code;
  v.file = r->has_file ? r->pool.p + r->file_off : NULL;
  v.command = r->has_cmd ? r->pool.p + r->cmd_off : NULL;
  for (size_t i = 0; i < r->n_notes; i++)
    d->view_notes[i] = view_part(d, r, &r->notes[i]);
  v.notes = d->view_notes;
  v.n_notes = r->n_notes;
  if (r->n_fixes > d->cap_view_fixes) {
    d->cap_view_fixes = r->n_fixes;
    d->view_fixes =
        jx_xrealloc(d->view_fixes, d->cap_view_fixes * sizeof *d->view_fixes);
  }
  for (size_t i = 0; i < r->n_fixes; i++) {
    const fix_rec *f = &r->fixes[i];
    jx_diag_fixit *x = &d->view_fixes[i];
    memset(x, 0, sizeof *x);
    x->at.loc = f->loc;
    x->at.path = jx_lines_path(&d->lines, f->loc.file);
    x->at.col = f->col;
    x->at.end_col = f->end_col;
    x->at.byte_cols = f->byte_cols;
    x->text = r->pool.p + f->text_off;
  }
  v.fixits = d->view_fixes;
  v.n_fixits = r->n_fixes;
  v.pool = r->pool.p;
  d->sink(d->sink_ud, &v);
}

static void observe(jx_diag *d, const rec *r) {
  jx_sb_clear(&d->observed);
  jx_format(&d->observed, jx_diag_format_string(r->main.id, d->lang),
            &r->main.args, r->pool.p, d->lang);
  const jx_loc *l = &r->main.loc;
  jx_diag_event e = {
      r->main.sev, r->code, l->line ? jx_lines_path(&d->lines, l->file) : NULL,
      l->line,     l->col,  d->observed.p ? d->observed.p : ""};
  d->observe(d->observe_ud, &e);
}

/* The pending record is complete: place it, then send or hold it. */
static void finish(jx_diag *d) {
  rec *r = &d->cur;
  if (d->observe)
    observe(d, r);
  place(d, r, &r->main);
  for (size_t i = 0; i < r->n_notes; i++)
    place(d, r, &r->notes[i]);
  for (size_t i = 0; i < r->n_fixes; i++)
    place_fix(d, &r->fixes[i]);
  if (!d->holding) {
    deliver(d, r);
    return;
  }
  if (d->nheld == d->capheld) {
    d->capheld = d->capheld ? 2 * d->capheld : 16;
    d->held = jx_xrealloc(d->held, d->capheld * sizeof *d->held);
  }
  /* A whole file's trouble, and a record with no position at all (the
   * cap's too-many-errors), sort after everything with a position, in
   * whichever input it came. */
  r->sort_file =
      r->has_file || !r->main.loc.line ? UINT32_MAX : r->main.loc.file;
  r->sort_offset = r->main.loc.line ? r->main.loc.offset : UINT64_MAX;
  r->seq = d->nheld;
  /* The queue takes the record's buffers; the next one starts afresh. */
  d->held[d->nheld++] = *r;
  memset(r, 0, sizeof *r);
}

static int held_order(const void *a, const void *b) {
  const rec *x = a, *y = b;
  if (x->sort_file != y->sort_file)
    return x->sort_file < y->sort_file ? -1 : 1;
  if (x->sort_offset != y->sort_offset)
    return x->sort_offset < y->sort_offset ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A fresh pending record. */
static void begin(jx_diag *d, jx_diag_id id, jx_severity sev, jx_loc loc,
                  size_t clip, va_list ap) {
  rec *r = &d->cur;
  jx_sb_clear(&r->pool);
  r->n_notes = 0;
  r->n_fixes = 0;
  r->has_file = r->has_cmd = false;
  r->code = jx_diag_code(id);
  memset(&r->main, 0, sizeof r->main);
  r->main.id = id;
  r->main.sev = sev;
  r->main.loc = loc;
  jx_args_capture(&r->main.args, &r->pool,
                  jx_diag_format_string(id, JX_LANG_EN), clip, ap);
  d->pending = true;
}

static void begin_v(jx_diag *d, jx_diag_id id, jx_severity sev, jx_loc loc,
                    size_t clip, ...) {
  va_list ap;
  va_start(ap, clip);
  begin(d, id, sev, loc, clip, ap);
  va_end(ap);
}

/* Finishes the pending record, then makes the too-many-errors record once
 * the cap has been reached (after the notes of the last error it allowed). */
static void flush_pending(jx_diag *d) {
  if (d->pending && d->annotate) {
    jx_diag_annotator fn = d->annotate;
    d->annotate = NULL; /* its notes do not come back here */
    fn(d->annotate_ud, d, d->cur.main.loc);
    d->annotate = fn;
  }
  if (d->pending) {
    d->pending = false;
    finish(d);
  }
  if (d->too_many && !d->too_many_shown) {
    d->too_many_shown = true;
    jx_loc none = {0};
    begin_v(d, JX_E_TOO_MANY_ERRORS, JX_SEV_ERROR, none, JX_DIAG_ARG_MAX,
            d->max_errors);
    d->pending = false;
    finish(d);
  }
}

void jx_diag_set_hold(jx_diag *d, bool on) {
  if (!on)
    jx_diag_flush(d);
  d->holding = on;
}

void jx_diag_release(jx_diag *d) {
  flush_pending(d);
  if (d->nheld) /* qsort(NULL, 0, …) is undefined behaviour */
    qsort(d->held, d->nheld, sizeof *d->held, held_order);
  for (size_t i = 0; i < d->nheld; i++) {
    deliver(d, &d->held[i]);
    rec_free(&d->held[i]);
  }
  d->nheld = 0;
  if (d->observe)
    d->observe(d->observe_ud, NULL);
}

/* ---- warning control ------------------------------------------------- */

jx_code_kind jx_diag_code_kind(const char *code) {
  jx_code_kind k = JX_CODE_UNKNOWN;
  for (int i = 0; i < JX_DIAG_COUNT && code; i++) {
    const char *c = jx_diag_code((jx_diag_id)i);
    if (!c || strcmp(c, code) != 0)
      continue;
    if (jx_diag_severity((jx_diag_id)i) == JX_SEV_WARNING)
      return JX_CODE_WARNING;
    k = JX_CODE_ERROR;
  }
  return k;
}

/* Levenshtein distance of two short ASCII codes, capped at 9. */
static size_t distance(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (na > 40 || nb > 40)
    return 9;
  size_t row[41];
  for (size_t j = 0; j <= nb; j++)
    row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] != b[j - 1]);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[nb] < 9 ? row[nb] : 9;
}

const char *jx_diag_warning_suggest(const char *code) {
  const char *best = NULL;
  size_t best_d = 3; /* a typo: at most two edits */
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    const char *c = jx_diag_code((jx_diag_id)i);
    if (!c || jx_diag_severity((jx_diag_id)i) != JX_SEV_WARNING)
      continue;
    size_t dd = distance(code, c);
    if (dd < best_d) {
      best_d = dd;
      best = c;
    }
  }
  return best;
}

bool jx_diag_warning_set(jx_diag *d, const char *code, jx_warn_action a) {
  if (jx_diag_code_kind(code) != JX_CODE_WARNING)
    return false;
  for (int i = 0; i < JX_DIAG_COUNT; i++) {
    const char *c = jx_diag_code((jx_diag_id)i);
    if (!c || strcmp(c, code) != 0)
      continue;
    switch (a) {
    case JX_WARN_ON:
      d->warn_off[i] = false;
      break;
    case JX_WARN_OFF:
      d->warn_off[i] = true;
      break;
    case JX_WARN_ERROR:
      d->warn_off[i] = false;
      d->warn_error[i] = 1;
      break;
    case JX_WARN_NO_ERROR:
      d->warn_error[i] = -1;
      break;
    }
  }
  return true;
}

void jx_diag_set_filter(jx_diag *d, jx_diag_filter fn, void *ud) {
  d->filter = fn;
  d->filter_ud = ud;
}

/* A warning the filter or -W drops: not shown, not counted. */
static bool dropped(jx_diag *d, jx_diag_id id, jx_loc loc) {
  if (jx_diag_severity(id) != JX_SEV_WARNING)
    return false;
  if (d->filter && d->filter(d->filter_ud, jx_diag_code(id), loc))
    return true;
  return d->warn_off[id];
}

/* ---- reporting ------------------------------------------------------- */

/* Severity as shown, counted. */
static jx_severity count(jx_diag *d, jx_diag_id id) {
  jx_severity sev = jx_diag_severity(id);
  if (sev == JX_SEV_WARNING &&
      (d->warn_error[id] > 0 || (d->werror && d->warn_error[id] == 0)))
    sev = JX_SEV_ERROR;
  if (sev == JX_SEV_ERROR)
    d->errors++;
  else if (sev == JX_SEV_WARNING)
    d->warnings++;
  if (sev == JX_SEV_ERROR && d->max_errors > 0 &&
      d->errors - d->cap_base >= d->max_errors)
    d->too_many = true;
  return sev;
}

void jx_diag_report(jx_diag *d, jx_diag_id id, jx_loc loc, ...) {
  flush_pending(d);
  if (d->too_many || (unsigned)id >= JX_DIAG_COUNT || dropped(d, id, loc))
    return;
  jx_severity sev = count(d, id);
  va_list ap;
  va_start(ap, loc);
  begin(d, id, sev, loc, JX_DIAG_ARG_MAX, ap);
  va_end(ap);
}

void jx_diag_report_file(jx_diag *d, jx_diag_id id, const char *path, ...) {
  jx_loc nowhere = {0};
  flush_pending(d);
  if ((unsigned)id >= JX_DIAG_COUNT || dropped(d, id, nowhere))
    return;
  /* Even past the cap: the run ends with status 2, and must say why.  The
   * path is not shortened, whatever its length. */
  jx_severity sev = count(d, id);
  jx_loc none = {0};
  va_list ap;
  va_start(ap, path);
  begin(d, id, sev, none, (size_t)-1, ap);
  va_end(ap);
  if (path) {
    d->cur.has_file = true;
    d->cur.file_off = d->cur.pool.n;
    jx_sb_add(&d->cur.pool, path, strlen(path));
    jx_sb_add(&d->cur.pool, "", 1);
  }
}

void jx_diag_vusage(jx_diag *d, const char *cmd, jx_diag_id id, va_list ap) {
  flush_pending(d);
  if ((unsigned)id >= JX_DIAG_COUNT)
    return;
  jx_loc none = {0};
  begin(d, id, JX_SEV_ERROR, none, (size_t)-1, ap);
  rec *r = &d->cur;
  r->has_cmd = true;
  r->cmd_off = r->pool.n;
  jx_sb_add(&r->pool, cmd ? cmd : "", cmd ? strlen(cmd) : 0);
  jx_sb_add(&r->pool, "", 1);
}

void jx_diag_usage(jx_diag *d, const char *cmd, jx_diag_id id, ...) {
  va_list ap;
  va_start(ap, id);
  jx_diag_vusage(d, cmd, id, ap);
  va_end(ap);
}

void jx_diag_note(jx_diag *d, jx_diag_id id, jx_loc loc, ...) {
  /* No pending record: it was dropped past the cap, or already sent. */
  if (!d->pending || (unsigned)id >= JX_DIAG_COUNT)
    return;
  rec *r = &d->cur;
  if (r->n_notes == r->cap_notes) {
    r->cap_notes = r->cap_notes ? 2 * r->cap_notes : 4;
    r->notes = jx_xrealloc(r->notes, r->cap_notes * sizeof *r->notes);
  }
  part_rec *p = &r->notes[r->n_notes++];
  memset(p, 0, sizeof *p);
  p->id = id;
  p->sev = jx_diag_severity(id) == JX_SEV_HELP ? JX_SEV_HELP : JX_SEV_NOTE;
  if (p->sev == JX_SEV_NOTE)
    p->loc = loc; /* help has no place */
  va_list ap;
  va_start(ap, loc);
  jx_args_capture(&p->args, &r->pool, jx_diag_format_string(id, JX_LANG_EN),
                  r->has_cmd ? (size_t)-1 : JX_DIAG_ARG_MAX, ap);
  va_end(ap);
}

void jx_diag_add_fixit(jx_diag *d, jx_loc loc, const char *text) {
  if (!d->pending || loc.line == 0 || !text)
    return;
  rec *r = &d->cur;
  if (r->n_fixes == r->cap_fixes) {
    r->cap_fixes = r->cap_fixes ? 2 * r->cap_fixes : 2;
    r->fixes = jx_xrealloc(r->fixes, r->cap_fixes * sizeof *r->fixes);
  }
  fix_rec *f = &r->fixes[r->n_fixes++];
  memset(f, 0, sizeof *f);
  f->loc = loc;
  f->text_off = r->pool.n;
  jx_sb_add(&r->pool, text, strlen(text));
  jx_sb_add(&r->pool, "", 1);
}

void jx_diag_flush(jx_diag *d) {
  jx_diag_release(d);
}

void jx_diag_summary(jx_diag *d) {
  jx_diag_flush(d);
  if (d->format != JX_DIAG_TEXT || (d->errors == 0 && d->warnings == 0))
    return;
  jx_strbuf *o = &d->out;
  jx_sb_clear(o);
  jx_sb_puts(o, jx_msg_text(JX_M_SUMMARY, d->lang));
  if (d->errors)
    jx_msg_printf(o, d->lang,
                  d->errors == 1 ? JX_M_SUMMARY_ERROR : JX_M_SUMMARY_ERRORS,
                  d->errors);
  if (d->errors && d->warnings)
    jx_sb_puts(o, jx_msg_text(JX_M_SUMMARY_AND, d->lang));
  if (d->warnings)
    jx_msg_printf(o, d->lang,
                  d->warnings == 1 ? JX_M_SUMMARY_WARNING
                                   : JX_M_SUMMARY_WARNINGS,
                  d->warnings);
  jx_sb_puts(o, "\n");
  d->write(d->ud, o->p, o->n);
}
