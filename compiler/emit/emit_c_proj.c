/*
 * emit_c_proj.c — the project initialisers of `jxc build -f c`, held as
 * compact records until their unit closes.
 *
 * A unit's array of projects can only be written when the unit closes,
 * after every project's own arrays; for projects outside a unit (the
 * usual plan in the design card's style) that is the end of the plan.  So
 * something of every project waits in a spool (out.h), which past 1 MB
 * is a temporary file.  Waiting as text, the initialisers were 9 MB of a
 * 10 MB plan's 69 MB of C (420 bytes a project, mostly "NULL, 0", octal
 * escapes and enumerators), and writing them to the temporary, reading
 * them back and copying them out cost a tenth of the build.  A record
 * keeps only what the text is made of: six decimals, seven counts, the
 * line, the flags, which of the seventeen strings are present, and those
 * strings' bytes as they are (a CJK byte is one byte here, four as an
 * escape): about 170 bytes a project.  The text is made from the record
 * when the unit closes, straight into the output, by the same writers in
 * the same order, so the header is byte for byte what it was.
 *
 * A string too long for a literal becomes its char array at once, when
 * the project arrives (as before: the arrays of long strings are numbered
 * in the order they are met), and the record keeps the array's number.
 */
#include "emit_c_lit.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "arena.h"

enum { N_DEC = 6, N_COUNT = 7, N_STR = 17 };
/* What a record starts with; the strings follow it, in field order: for
   each one present, its array's number (8 bytes) when it is long, or its
   length (2 bytes), its bytes and a NUL. */
typedef struct proj_head {
  int64_t micros[N_DEC];   /* budget fiscal other total period_start _end */
  uint64_t count[N_COUNT]; /* schedule goals indicators overall_goals
                              sources breakdown attributes */
  uint64_t idx;            /* the project's number */
  int64_t line;
  uint32_t size;             /* of the whole record */
  uint32_t present, is_long; /* one bit a string */
  uint8_t has_total, continuity;
} proj_head;

_Static_assert(N_STR <= 32, "a bit a string");
_Static_assert(MAX_LITERAL < 65536, "a literal's length in two bytes");

void jx_c_project_keep(c_state *st, jx_out *o, const jx_project *p,
                       size_t idx) {
  const char *s[N_STR] = {p->code,
                          p->name,
                          p->purpose,
                          p->period,
                          p->supervisor.code,
                          p->supervisor.name,
                          p->implementer.code,
                          p->implementer.name,
                          p->classification,
                          p->nature,
                          p->policy,
                          p->document,
                          p->subject,
                          p->manager.name,
                          p->manager.phone,
                          p->contact.name,
                          p->contact.phone};
  proj_head h;
  memset(&h, 0, sizeof h);
  const jx_decimal dec[N_DEC] = {p->budget, p->fiscal,       p->other,
                                 p->total,  p->period_start, p->period_end};
  for (size_t k = 0; k < N_DEC; k++)
    h.micros[k] = dec[k].micros;
  const size_t count[N_COUNT] = {
      p->n_schedule, p->n_goals,     p->n_indicators, p->n_overall_goals,
      p->n_sources,  p->n_breakdown, p->n_attributes};
  for (size_t k = 0; k < N_COUNT; k++)
    h.count[k] = count[k];
  h.idx = idx;
  h.line = p->line;
  h.has_total = p->has_total != 0;
  h.continuity = (uint8_t)p->continuity;
  size_t len[N_STR];
  uint64_t long_id[N_STR];
  size_t size = sizeof h;
  for (size_t k = 0; k < N_STR; k++) {
    if (!s[k])
      continue;
    h.present |= 1u << k;
    len[k] = strlen(s[k]);
    if (len[k] > MAX_LITERAL) {
      h.is_long |= 1u << k;
      long_id[k] = jx_c_long_string(st, s[k]);
      size += sizeof long_id[k];
    } else {
      size += 2 + len[k] + 1;
    }
  }
  h.size = (uint32_t)size;
  /* Made in place after one test for room when it is not large (a record
     can be ~68 KB, more than c_room may be asked for: the spool's own
     writes take those). */
  bool direct = size <= C_OUT_MIN / 2;
  char tmp[2 + MAX_LITERAL + 1];
  if (direct)
    c_room(o, size);
  jx_out_write(o, &h, sizeof h);
  for (size_t k = 0; k < N_STR; k++) {
    if (!(h.present >> k & 1))
      continue;
    if (h.is_long >> k & 1) {
      jx_out_write(o, &long_id[k], sizeof long_id[k]);
      continue;
    }
    uint16_t n = (uint16_t)len[k];
    char *b = direct ? o->buf + o->len : tmp;
    memcpy(b, &n, 2);
    jx_copy_short(b + 2, s[k], len[k] + 1);
    if (direct)
      o->len += 2 + len[k] + 1;
    else
      jx_out_write(o, tmp, 2 + len[k] + 1);
  }
}

/* ---- Reading the records back ------------------------------------------ */

/* A spool's bytes in order: its memory, or its temporary read in pieces
   (a record is whole in the buffer when it is parsed). */
typedef struct rec_in {
  jx_out *src;
  char *buf;
  size_t pos, end, cap;
  bool file;
  int err; /* a read failed */
} rec_in;

enum { REC_BUF = 1 << 18 }; /* > the largest record (17 literals) */
_Static_assert(sizeof(proj_head) + N_STR * (2 + MAX_LITERAL + 1) < REC_BUF,
               "a record fits the buffer");

/* n contiguous bytes at the read position, or NULL at the end (or after
   an error). */
static const char *need(rec_in *r, size_t n) {
  if (r->end - r->pos >= n)
    return r->buf + r->pos;
  if (!r->file || r->err)
    return NULL;
  memmove(r->buf, r->buf + r->pos, r->end - r->pos);
  r->end -= r->pos;
  r->pos = 0;
  while (r->end < n) {
    ssize_t got = read(r->src->fd, r->buf + r->end, r->cap - r->end);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      r->err = errno ? errno : EIO;
    if (got <= 0)
      return NULL;
    r->end += (size_t)got;
  }
  return r->buf;
}

/* A string of the record (at *q, which moves past it) into o, as
   jx_c_str writes it. */
static inline void put_str(c_state *st, jx_out *o, const char **q,
                           const proj_head *h, size_t k) {
  if (!(h->present >> k & 1)) {
    PUT(o, "NULL");
    return;
  }
  if (h->is_long >> k & 1) {
    uint64_t id;
    memcpy(&id, *q, sizeof id);
    *q += sizeof id;
    jx_c_ident(st, o, C_ID("_s", ""), (size_t)id);
    return;
  }
  uint16_t n;
  memcpy(&n, *q, sizeof n);
  jx_c_literal(o, *q + 2, n);
  *q += 2 + (size_t)n + 1;
}

/* {code, name} and {name, phone}: strings k and k + 1. */
static inline void put_pair(c_state *st, jx_out *o, const char **q,
                            const proj_head *h, size_t k) {
  PUT(o, "{");
  put_str(st, o, q, h, k);
  PUT(o, ", ");
  put_str(st, o, q, h, k + 1);
  PUT(o, "}");
}

static jx_decimal dec(int64_t micros) {
  jx_decimal d = {micros};
  return d;
}

/* One project's initialiser, as the text it was before records. */
static void put_project(c_state *st, jx_out *o, const char *q,
                        const proj_head *h) {
  const char **r = &q;
  c_stem stem;
  jx_c_stem(st, &stem, (size_t)h->idx);
  c_room(o, C_SLACK);
  PUT(o, "    {");
  put_str(st, o, r, h, 0); /* code */
  PUT(o, ", ");
  put_str(st, o, r, h, 1); /* name */
  PUT(o, ",\n     ");
  jx_c_decimal_memo(st, o, dec(h->micros[0]));
  PUT(o, ", ");
  jx_c_decimal_memo(st, o, dec(h->micros[1]));
  PUT(o, ", ");
  jx_c_decimal_memo(st, o, dec(h->micros[2]));
  PUT(o, ", ");
  put_str(st, o, r, h, 2); /* purpose */
  PUT(o, ",\n     ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_schedule"), (size_t)h->count[0]);
  PUT(o, ", ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_goals"), (size_t)h->count[1]);
  PUT(o, ", ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_indicators"), (size_t)h->count[2]);
  PUT(o, ", ");
  jx_c_i64(o, h->line);
  if (h->has_total)
    PUT(o, ",\n     1, ");
  else
    PUT(o, ",\n     0, ");
  jx_c_decimal_memo(st, o, dec(h->micros[3]));
  PUT(o, ", ");
  put_str(st, o, r, h, 3); /* period */
  PUT(o, ", ");
  jx_c_decimal_memo(st, o, dec(h->micros[4]));
  PUT(o, ", ");
  jx_c_decimal_memo(st, o, dec(h->micros[5]));
  PUT(o, ",\n     ");
  put_pair(st, o, r, h, 4); /* supervisor */
  PUT(o, ", ");
  put_pair(st, o, r, h, 6); /* implementer */
  PUT(o, ",\n     ");
  c_room(o, C_SLACK); /* the rest of the fixed text, with its references */
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_overall_goals"),
                (size_t)h->count[3]);
  PUT(o, ", ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_sources"), (size_t)h->count[4]);
  PUT(o, ", ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_breakdown"), (size_t)h->count[5]);
  PUT(o, ",\n     ");
  if ((h->present >> 8) == 0 && h->continuity == JX_CONTINUITY_UNKNOWN &&
      h->count[6] == 0) {
    /* none of the header fields after the budget's breakdown (every
       project of both bench plans): one piece */
    PUT(o, "NULL, NULL, JX_CONTINUITY_UNKNOWN,\n"
           "     NULL, NULL, NULL, {NULL, NULL}, {NULL, NULL},\n"
           "     NULL, 0},\n");
    return;
  }
  for (size_t k = 8; k < 10; k++) { /* classification, nature */
    put_str(st, o, r, h, k);
    PUT(o, ", ");
  }
  jx_c_put_continuity(o, (jx_continuity)h->continuity);
  PUT(o, ",\n     ");
  for (size_t k = 10; k < 13; k++) { /* policy, document, subject */
    put_str(st, o, r, h, k);
    PUT(o, ", ");
  }
  put_pair(st, o, r, h, 13); /* manager */
  PUT(o, ", ");
  put_pair(st, o, r, h, 15); /* contact */
  PUT(o, ",\n     ");
  jx_c_ref_stem(st, o, &stem, C_ID("_p", "_attributes"), (size_t)h->count[6]);
  PUT(o, "},\n");
}

void jx_c_projects_put(c_state *st, jx_out *o, jx_out *src) {
  rec_in r = {.src = src};
  int err = 0;
  if (src->fd < 0) {
    r.buf = src->buf;
    r.end = src->len;
  } else if (jx_out_flush(src) != 0) {
    err = src->errno_saved;
  } else if (lseek(src->fd, 0, SEEK_SET) != 0) {
    err = errno ? errno : EIO;
  } else {
    r.file = true;
    r.cap = REC_BUF;
    r.buf = jx_xmalloc(r.cap);
  }
  if (!err) {
    const char *p;
    while ((p = need(&r, sizeof(proj_head))) != NULL) {
      proj_head h;
      memcpy(&h, p, sizeof h);
      if (h.size < sizeof h || (p = need(&r, h.size)) == NULL) {
        r.err = r.err ? r.err : EIO; /* cannot be, but never read on */
        break;
      }
      put_project(st, o, p + sizeof h, &h);
      r.pos += h.size;
    }
    err = r.err;
  }
  if (err && !o->failed) {
    o->failed = true;
    o->errno_saved = err;
  }
  if (r.file)
    free(r.buf);
  jx_out_spool_empty(src); /* as jx_out_take leaves a spool */
}
