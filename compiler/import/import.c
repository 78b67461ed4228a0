/*
 * import.c — the driver of `jxc import` (import.h): recognise the format
 * by content, read it into a grid or the text reader, recognise the
 * layouts, write the .jx, format it, and report every diagnostic at the
 * .jx line with a note naming the place in the input.
 *
 * Format by content, never by file name:
 *   PK\3\4               a zip: .xlsx (a .docx is told to be saved as text)
 *   D0 CF 11 E0 A1 B1…   OLE2: .xls (freexl)
 *   anything else        text, decoded to UTF-8 (encoding.c): CSV or TSV
 *                        when its lines are delimited, else the published
 *                        text layout
 *
 * The .jx is written, formatted, parsed once more to learn where each
 * statement and comment landed, then checked; the checker's messages get
 * their notes through jx_diag_set_annotator.
 */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "import_impl.h"
#include "load.h"
#include "parse.h"
#include "source.h"

typedef struct run {
  const char *name; /* the input as the user named it */
  jx_import_format format;
  const char *out_name;
  bool zh;
  const im_map *map;
  jx_diag *d;
  im_book book;
  im_plan plan;
  im_written w;
  jx_file_ast ast; /* the formatted .jx, re-parsed */
  jx_arena ast_arena;
  const jx_node **nodes; /* its statements in order (pairs with w.stmts) */
  size_t n_nodes, cap_nodes;
} run;

/* ---- the places of the formatted file
 * ------------------------------------------- */

static void collect(run *r, const jx_node *n) {
  for (; n; n = n->next) {
    if (r->n_nodes == r->cap_nodes) {
      r->cap_nodes = r->cap_nodes ? 2 * r->cap_nodes : 64;
      r->nodes = jx_xrealloc(r->nodes, r->cap_nodes * sizeof *r->nodes);
    }
    r->nodes[r->n_nodes++] = n;
    switch (n->kind) {
    case JX_N_FRAMEWORK:
    case JX_N_DEPARTMENT:
    case JX_N_UNIT:
    case JX_N_PROJECT:
    case JX_N_DIVISION:
    case JX_N_LEVEL1:
      collect(r, n->u.block.items);
      break;
    default:
      break;
    }
  }
}

enum { W_NAME = 1, W_VALUE, W_DESC, W_BASIS, W_CAT, W_CODE };

typedef struct part {
  int what;
  jx_loc loc;
} part;

/* A node's parts, in the order writer.c records them. */
static int node_parts(const jx_node *n, part *p, int max) {
  int k = 0;
#define ADD(w, l)                                                              \
  do {                                                                         \
    if (k < max) {                                                             \
      p[k].what = (w);                                                         \
      p[k].loc = (l);                                                          \
      k++;                                                                     \
    }                                                                          \
  } while (0)
  switch (n->kind) {
  case JX_N_HEADER:
    ADD(W_VALUE, n->u.header.year.loc);
    ADD(W_DESC, n->u.header.currency.loc);
    ADD(W_NAME, n->u.header.framework.loc);
    break;
  case JX_N_DEPARTMENT:
  case JX_N_DIVISION:
  case JX_N_PROJECT:
    ADD(W_NAME, n->u.block.name.loc);
    break;
  case JX_N_UNIT:
    ADD(W_NAME, n->u.block.code.loc);
    ADD(W_CODE, n->u.block.name.loc);
    break;
  case JX_N_BUDGET:
    ADD(W_VALUE, n->u.budget.amount.loc);
    break;
  case JX_N_GOAL:
  case JX_N_PURPOSE:
  case JX_N_CODE:
    ADD(W_VALUE, n->u.text.text.loc);
    break;
  case JX_N_FUNDS:
    if (n->u.funds.fiscal.kind != JX_VAL_NONE)
      ADD(W_VALUE, n->u.funds.fiscal.loc);
    if (n->u.funds.other.kind != JX_VAL_NONE)
      ADD(W_DESC, n->u.funds.other.loc);
    break;
  case JX_N_SCHEDULE:
    for (const jx_schedule_entry *e = n->u.schedule.entries; e; e = e->next) {
      ADD(W_NAME, e->month.loc);
      ADD(W_VALUE, e->percent.loc);
    }
    break;
  case JX_N_MEASURE:
    ADD(W_NAME, n->u.measure.title.loc);
    ADD(W_VALUE, n->u.measure.text.loc);
    break;
  case JX_N_INDICATOR: {
    jx_loc cat =
        n->u.indicator.level2.text ? n->u.indicator.level2.loc : n->loc;
    if (n->u.indicator.level1.text)
      cat = n->u.indicator.level1.loc;
    ADD(W_CAT, cat);
    ADD(W_NAME, n->u.indicator.name.loc);
    ADD(W_VALUE, n->u.indicator.value.loc);
    if (n->u.indicator.desc.text)
      ADD(W_DESC, n->u.indicator.desc.loc);
    if (n->u.indicator.basis.text)
      ADD(W_BASIS, n->u.indicator.basis.loc);
    break;
  }
  default:
    break;
  }
#undef ADD
  return k;
}

/* The place in the input behind byte `off` of the .jx, or NULL. */
static const im_src *source_of(const run *r, uint64_t off) {
  if (r->n_nodes != r->w.n_stmts || r->n_nodes == 0)
    return NULL; /* cannot pair them: better no note than a wrong one */
  size_t lo = 0, hi = r->n_nodes;
  while (hi - lo > 1) { /* the last statement starting at or before off */
    size_t mid = lo + (hi - lo) / 2;
    if (r->nodes[mid]->loc.offset <= off)
      lo = mid;
    else
      hi = mid;
  }
  if (r->nodes[lo]->loc.offset > off)
    return NULL;
  const struct im_stmt *st = &r->w.stmts[lo];
  part parts[32];
  int np = node_parts(r->nodes[lo], parts, 32);
  for (int i = 0; i < np; i++) {
    jx_loc l = parts[i].loc;
    if (l.line == 0 || off < l.offset || off >= l.offset + (l.len ? l.len : 1))
      continue;
    /* the same occurrence of the same part in the writer's record */
    int nth = 0;
    for (int j = 0; j < i; j++)
      nth += parts[j].what == parts[i].what;
    for (int j = 0; j < st->nf; j++)
      if (st->f[j].what == parts[i].what && nth-- == 0 &&
          jx_im_src_valid(&st->f[j].src))
        return &st->f[j].src;
    break; /* a part with no place (an empty name): the statement's */
  }
  if (jx_im_src_valid(&st->src))
    return &st->src;
  for (int j = 0; j < st->nf; j++) /* else the first part that has one */
    if (jx_im_src_valid(&st->f[j].src))
      return &st->f[j].src;
  return NULL;
}

/* "plan.xlsx:表1!C7" (a text's "line 12" in the run's language) */
static void where(const run *r, const im_src *s, jx_strbuf *o) {
  jx_sb_printf(o, "%s:", r->name);
  jx_im_place(&r->book, s, jx_diag_lang(r->d), o);
}

static void from_note(run *r, jx_diag *d, const im_src *s) {
  if (r->book.kind == IM_SRC_TEXT && s->loc.line) {
    jx_diag_note(d, JX_N_IMPORT_HERE, s->loc);
    return;
  }
  jx_strbuf o = {0};
  where(r, s, &o);
  jx_diag_note(d, JX_N_IMPORT_FROM, (jx_loc){0}, o.p);
  jx_sb_free(&o);
}

static void annotate(void *ud, jx_diag *d, jx_loc loc) {
  run *r = ud;
  if (loc.line == 0)
    return;
  const im_src *s = source_of(r, loc.offset);
  if (s)
    from_note(r, d, s);
}

/* ---- the importer's own diagnostics, at their comments
 * ------------------------ */

static void report_notes(run *r, uint32_t file) {
  /* how many notes each group has, for "its N values" */
  int groups = r->plan.next_group;
  int *count = jx_xcalloc((size_t)groups + 1, sizeof *count);
  for (size_t i = 0; i < r->w.n_comments; i++) {
    const im_note *n = r->w.comments[i];
    if (n && n->group >= 0 && n->group < groups)
      count[n->group]++;
  }
  bool *done = jx_xcalloc((size_t)groups + 1, sizeof *done);
  const jx_comment *c = r->ast.comments;
  for (size_t i = 0; i < r->w.n_comments && c; i++, c = c->next) {
    const im_note *n = r->w.comments[i];
    if (!n || n->id >= JX_DIAG_COUNT)
      continue;
    if (n->group >= 0 && n->group < groups) {
      if (done[n->group])
        continue;
      done[n->group] = true;
    }
    jx_loc loc = c->loc;
    loc.file = file;
    jx_strbuf pl = {0}, num = {0};
    jx_im_place(&r->book, &n->src, jx_diag_lang(r->d), &pl);
    const char *place = pl.p ? pl.p : "";
    const char *arg = n->arg ? n->arg : "";
    jx_msg why = jx_im_reason((im_reason)n->reason); /* JX_M_NONE: none */
    jx_sb_printf(&num, "%d", n->group >= 0 ? count[n->group] : 1);
    switch (n->id) {
    case JX_W_IMPORT_KEPT:
    case JX_W_IMPORT_COLUMN:
      jx_diag_report(r->d, n->id, loc, n->label ? n->label : "", num.p);
      break;
    case JX_W_IMPORT_SHEET:
      jx_diag_report(r->d, n->id, loc, arg, num.p);
      break;
    case JX_E_IMPORT_CELL:
    case JX_W_IMPORT_AS_TEXT:
      jx_diag_report(r->d, n->id, loc, place, n->text, (int)why);
      break;
    case JX_W_IMPORT_PRINTED:
    case JX_W_IMPORT_CONFLICT:
      jx_diag_report(r->d, n->id, loc, place, n->text, arg);
      break;
    case JX_W_IMPORT_GUESS:
      jx_diag_report(r->d, n->id, loc, arg);
      break;
    default: /* STRAY, CONTROL, OWNER: place and text */
      jx_diag_report(r->d, n->id, loc, place, n->text);
      break;
    }
    if (jx_im_src_valid(&n->src))
      from_note(r, r->d, &n->src);
    jx_sb_free(&pl);
    jx_sb_free(&num);
  }
  free(count);
  free(done);
}

/* ---- what the whole plan needs
 * ---------------------------------------------------- */

static bool all_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return false;
  return n > 0;
}

/* The year from the project codes' characters 7–8, when they all agree. */
static int year_from_codes(const im_plan *p) {
  int year = 0;
  for (const im_unit *u = p->units; u; u = u->next)
    for (const im_project *pr = u->projects; pr; pr = pr->next) {
      const char *c = pr->code.text;
      if (!c || strlen(c) < 8 || !all_digits(c + 6, 2))
        continue;
      int y = 2000 + (c[6] - '0') * 10 + (c[7] - '0');
      if (year && y != year)
        return 0;
      year = y;
    }
  return year;
}

static bool is_cost_l1(jx_arena *a, const char *w) {
  const char *k = jx_im_key(a, w);
  return strcmp(k, "成本指标") == 0 || strcmp(k, "成本") == 0 ||
         strcmp(k, "cost") == 0;
}

/* 成本指标 as a level-1 category is the central framework's. */
static const char *guess_framework(im_plan *p) {
  for (const im_unit *u = p->units; u; u = u->next)
    for (const im_project *pr = u->projects; pr; pr = pr->next)
      for (const im_indicator *i = pr->indicators; i; i = i->next)
        if (i->l1 && is_cost_l1(&p->arena, i->l1))
          return "central2021";
  return NULL;
}

/* The department of a text: its 本级 unit's name without （本级）. */
static void name_department(im_plan *p) {
  im_department *d = p->dept;
  if (!d || d->name.text)
    return;
  const char *suffix = "（本级）";
  size_t sn = strlen(suffix);
  for (const im_unit *u = p->units; u; u = u->next) {
    size_t n = u->name.text ? strlen(u->name.text) : 0;
    if (n > sn && strcmp(u->name.text + n - sn, suffix) == 0) {
      d->name.text = jx_arena_strndup(&p->arena, u->name.text, n - sn);
      d->name.src = u->name.src;
      d->guessed = true;
      return;
    }
  }
  d->name.text = "部门";
  d->guessed = true;
  jx_im_note(p, &d->notes, NULL, "部门名称？", jx_im_src_none(),
             JX_W_IMPORT_GUESS, "部门", -1);
}

/* Cells no layout took: kept, so that nothing in the input is lost. */
static void sweep(run *r, bool *recognised) {
  im_book *b = &r->book;
  for (uint32_t s = 0; s < b->n_sheets; s++) {
    im_sheet *sh = &b->sheets[s];
    if (!recognised[s]) {
      size_t left = 0;
      for (size_t i = 0; i < sh->n; i++)
        left += !sh->cells[i].used;
      if (!left)
        continue;
      int g = r->plan.next_group++;
      im_note **to = &r->plan.tail;
      for (size_t i = 0; i < sh->n; i++) {
        im_cell *c = &sh->cells[i];
        if (c->used)
          continue;
        c->used = true;
        jx_im_note(&r->plan, to, NULL,
                   jx_im_clean(&r->plan.arena, c->text, strlen(c->text), NULL),
                   jx_im_src_cell(s, c), JX_W_IMPORT_SHEET, sh->name, g);
      }
      continue;
    }
    for (uint32_t row = 1; row <= sh->rows; row++)
      jx_im_keep_rest(&r->plan, b, s, row, &r->plan.tail);
  }
}

/* ---- the run
 * ---------------------------------------------------------------------- */

static bool is_zip(const char *d, size_t n) {
  return n >= 4 && memcmp(d, "PK\x03\x04", 4) == 0;
}

static bool is_ole(const char *d, size_t n) {
  return n >= 8 && memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

static int fail(run *r, jx_diag_id id, const char *arg) {
  jx_diag_report(r->d, id, (jx_loc){0}, arg);
  return 3;
}

/* A reader's failure (import-unreadable, import-too-large). */
static int fail_book(run *r) {
  jx_im_report_failure(&r->book, r->d);
  return 3;
}

static int recognise(run *r) {
  im_book *b = &r->book;
  const im_map *m = r->map;
  const char *profile = m && m->profile ? m->profile : NULL;
  bool *ok = jx_xcalloc(b->n_sheets + 1, sizeof *ok);
  int found = 0;
  for (uint32_t s = 0; s < b->n_sheets; s++) {
    if (m && m->sheet && strcmp(m->sheet, b->sheets[s].name) != 0)
      continue;
    bool rows = !profile || strcmp(profile, "rows") == 0;
    bool forms = !profile || strcmp(profile, "form") == 0;
    /* a department or unit form first: it has indicator tables too */
    if (!profile && jx_im_layout_dept(&r->plan, b, s))
      ok[s] = true;
    else if (rows && jx_im_layout_rows(&r->plan, b, s, m))
      ok[s] = true;
    else if (forms && jx_im_layout_form(&r->plan, b, s, m, NULL) > 0)
      ok[s] = true;
    found += ok[s];
  }
  /* Summaries last: they are checked against the forms. */
  for (uint32_t s = 0; s < b->n_sheets && !profile; s++) {
    if (ok[s] || (m && m->sheet && strcmp(m->sheet, b->sheets[s].name) != 0))
      continue;
    ok[s] = jx_im_layout_summary(&r->plan, b, s) != 0;
    found += ok[s];
  }
  if (found)
    sweep(r, ok);
  free(ok);
  return found;
}

static int import_run(run *r, const char *data, size_t n, jx_out *out) {
  im_book *b = &r->book;
  jx_diag *d = r->d;
  char *text = NULL;
  int rc;
  const char *profile = r->map && r->map->profile ? r->map->profile : NULL;
  jx_im_plan_init(&r->plan);
  if (n > JX_IM_MAX_INPUT) {
    jx_im_book_init(b, r->name, IM_SRC_SHEET);
    char mib[24];
    jx_im_fail(b, JX_E_IMPORT_BIG_FILE, jx_im_num(mib, JX_IM_MAX_INPUT >> 20),
               NULL);
    return fail_book(r);
  }
  if (is_zip(data, n) || is_ole(data, n)) {
    jx_im_book_init(b, r->name, IM_SRC_SHEET);
    rc = is_zip(data, n) ? jx_im_read_xlsx(b, data, n)
                         : jx_im_read_xls(b, data, n);
    if (rc != 0)
      return fail_book(r);
    if (!recognise(r))
      return fail(r, JX_E_IMPORT_NO_LAYOUT, r->name);
  } else {
    size_t tn;
    const char *enc;
    text = jx_im_decode(data, n, &tn, &enc);
    if (!text)
      return fail(r, JX_E_IMPORT_ENCODING, r->name);
    bool csv = r->format != JX_IMPORT_AUTO ? r->format == JX_IMPORT_CSV
               : profile                   ? strcmp(profile, "text") != 0
                                           : jx_im_looks_delimited(text, tn);
    if (csv) {
      jx_im_book_init(b, r->name, IM_SRC_CSV);
      if (jx_im_read_csv(b, text, tn) != 0) {
        free(text);
        return fail_book(r);
      }
      if (!recognise(r)) {
        free(text);
        return fail(r, JX_E_IMPORT_NO_LAYOUT, r->name);
      }
    } else {
      jx_im_book_init(b, r->name, IM_SRC_TEXT);
      b->file = jx_diag_add_source(d, r->name, text, tn);
      if (!jx_im_read_text(&r->plan, b, text, tn)) {
        rc = b->failed ? fail_book(r) : fail(r, JX_E_IMPORT_NO_LAYOUT, r->name);
        jx_diag_flush(d);
        free(text);
        return rc;
      }
      name_department(&r->plan);
    }
  }
  im_plan *p = &r->plan;
  if (r->map && r->map->year)
    p->year = r->map->year;
  if (!p->year)
    p->year = year_from_codes(p);
  if (r->map && r->map->currency)
    p->currency = r->map->currency;
  if (r->map && r->map->framework)
    p->framework = r->map->framework;
  else if (!p->framework) /* a summary's 指标体系 names it */
    p->framework = guess_framework(p);

  /* write, format, find the places again */
  jx_strbuf src = {0};
  jx_im_write(p, b, r->zh, &src, &r->w);
  uint32_t raw = jx_diag_add_source(d, r->out_name, src.p, src.n);
  rc = 0;
  if (jx_fmt(src.p, src.n, raw, d, r->zh, out) != 0) {
    /* the writer's bug, not the user's: say so plainly */
    jx_diag_report(d, JX_E_IMPORT_INTERNAL, (jx_loc){0}, r->name);
    jx_diag_flush(d);
    rc = 1;
  } else {
    size_t fn;
    const char *formatted = jx_out_data(out, &fn);
    uint32_t file = jx_diag_add_source(d, r->out_name, formatted, fn);
    jx_arena_init(&r->ast_arena);
    jx_parse_options opt = {true, true, NULL};
    jx_parse_mem(formatted, fn, file, d, &r->ast_arena, NULL, &opt, &r->ast);
    collect(r, r->ast.items);
    jx_diag_set_hold(d, true);
    report_notes(r, file);
    jx_diag_release(d);
    jx_diag_set_hold(d, false);
    jx_diag_set_annotator(d, annotate, r);
    jx_load_text written = {formatted, fn};
    jx_load_job job = {.paths = &r->out_name, .texts = &written, .n = 1};
    jx_load(&job, d, NULL);
    jx_diag_flush(d);
    jx_diag_set_annotator(d, NULL, NULL);
    jx_arena_free(&r->ast_arena);
    free(r->nodes);
  }
  jx_diag_flush(d);
  jx_sb_free(&src);
  free(text);
  if (rc == 0 && jx_diag_errors(d) > 0)
    rc = 1;
  return rc;
}

static int import_bytes(const char *name, const char *out_name,
                        const im_map *map, jx_import_format format, bool zh,
                        const char *data, size_t n, jx_diag *d, jx_out *out) {
  run r;
  memset(&r, 0, sizeof r);
  r.name = name;
  r.format = format;
  r.out_name = out_name;
  r.zh = zh;
  r.map = map;
  r.d = d;
  int rc = import_run(&r, data, n, out);
  jx_diag_flush(d);
  jx_im_written_free(&r.w);
  jx_im_plan_free(&r.plan);
  jx_im_book_free(&r.book);
  return rc;
}

int jx_import_mem(const char *name, const char *data, size_t n,
                  jx_import_format format, bool zh, jx_diag *d, jx_out *out) {
  return import_bytes(name, "<stdout>", NULL, format, zh, data, n, d, out);
}

int jx_import_mem_map(const char *name, const char *data, size_t n,
                      const char *map_text, size_t map_n, bool zh, jx_diag *d,
                      jx_out *out) {
  jx_arena a;
  jx_arena_init(&a);
  im_map map;
  int rc = jx_im_map_parse(&map, "fuzz.ini", map_text, map_n, d, &a) != 0
               ? 2
               : import_bytes(name, "<stdout>", &map, JX_IMPORT_AUTO, zh, data,
                              n, d, out);
  jx_diag_flush(d);
  jx_arena_free(&a);
  return rc;
}

/* The whole input through source.c, but never more than the limit (+1
 * byte, so that the limit can be reported rather than the input cut
 * short).  NULL after a read error, which source.c has reported. */
static char *read_bounded(jx_source *s, size_t *n) {
  size_t cap = 1 << 16, len = 0;
  char *buf = jx_xmalloc(cap);
  size_t got;
  while ((got = jx_source_read(s, buf + len, cap - len)) > 0) {
    len += got;
    if (len > JX_IM_MAX_INPUT)
      break;
    if (len == cap) {
      cap *= 2;
      buf = jx_xrealloc(buf, cap);
    }
  }
  if (jx_source_failed(s)) {
    free(buf);
    return NULL;
  }
  *n = len;
  return buf;
}

int jx_import(const jx_import_options *opt, jx_diag *d, jx_out *out) {
  /* Both inputs are opened before either is read (source.h). */
  const char *paths[2] = {opt->path, opt->map_path};
  jx_source **src = jx_sources_open(paths, opt->map_path ? 2 : 1, d);
  if (!src) {
    jx_diag_flush(d);
    return 2;
  }
  size_t n = 0;
  char *data = read_bounded(src[0], &n);
  jx_arena a;
  jx_arena_init(&a);
  im_map map;
  int rc = data ? 0 : 2;
  char *map_text = NULL;
  size_t map_n = 0;
  if (rc == 0 && opt->map_path &&
      (!(map_text = jx_source_read_all(src[1], &map_n)) ||
       jx_im_map_parse(&map, jx_source_name(src[1]), map_text, map_n, d, &a) !=
           0))
    rc = 2; /* a read error (source.c said so) or mistakes, reported */
  if (rc == 0)
    rc = import_bytes(jx_source_name(src[0]), opt->out_name,
                      opt->map_path ? &map : NULL, JX_IMPORT_AUTO, opt->zh,
                      data, n, d, out);
  jx_diag_flush(d); /* before the texts its lines are quoted from go */
  jx_sources_close(src, opt->map_path ? 2 : 1);
  jx_arena_free(&a);
  free(map_text);
  free(data);
  return rc;
}
