/*
 * xlsx.c — an Office Open XML workbook (.xlsx) into the grid.
 *
 * minizip opens the zip container (from memory, through an I/O adapter),
 * expat reads each XML part as it is inflated, never the whole part at
 * once.  The parts, in the order the format defines them:
 *
 *   _rels/.rels                  where the workbook is (xl/workbook.xml)
 *   xl/workbook.xml              sheet names, in order, with their r:id;
 *                                the 1904 date system flag
 *   xl/_rels/workbook.xml.rels   r:id → the part of each sheet, the shared
 *                                strings and the styles
 *   xl/sharedStrings.xml         the strings cells refer to by index
 *   xl/styles.xml                which cell styles show a date or a %
 *   xl/worksheets/sheetN.xml     the cells and the merged ranges
 *
 * What a stored value means (numbers, percentages, dates) is
 * xlsx_cells.c's.
 *
 * A zip bomb is refused before it is inflated when its directory admits
 * the size, and while inflating when it lies: JX_IM_MAX_PART per part and
 * JX_IM_MAX_UNZIPPED in all.  A DTD (the XML entity-expansion attacks) is
 * refused outright: OOXML never has one.
 */
#include "import_impl.h"

#ifndef JX_NO_XLSX_IMPORT
#include <expat.h>
#include <minizip/unzip.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef JX_NO_XLSX_IMPORT
/* ---- the zip container, from memory ---------------------------------------
 */

typedef struct membuf {
  const char *data;
  size_t n, pos;
} membuf;

static voidpf ZCALLBACK mem_open(voidpf opaque, const void *name, int mode) {
  (void)name;
  (void)mode;
  ((membuf *)opaque)->pos = 0;
  return opaque;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf,
                                uLong size) {
  (void)opaque;
  membuf *m = stream;
  size_t left = m->n - m->pos;
  size_t k = size < left ? size : left;
  memcpy(buf, m->data + m->pos, k);
  m->pos += k;
  return (uLong)k;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf,
                                 uLong size) {
  (void)opaque;
  (void)stream;
  (void)buf;
  (void)size;
  return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream) {
  (void)opaque;
  return ((membuf *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off,
                               int origin) {
  (void)opaque;
  membuf *m = stream;
  ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
                  : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
                                                     : m->n;
  if (off > m->n || base + off > m->n)
    return -1;
  m->pos = (size_t)(base + off);
  return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream) {
  (void)opaque;
  (void)stream;
  return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream) {
  (void)opaque;
  (void)stream;
  return 0;
}

/* ---- reading one part through expat ----------------------------------------
 */

typedef struct xlsx xlsx;
typedef void (*start_fn)(xlsx *x, const char *name, const char **attr);
typedef void (*end_fn)(xlsx *x, const char *name);

struct xlsx {
  im_book *b;
  unzFile zip;
  XML_Parser parser;
  size_t unzipped; /* all parts so far */
  const char *part;
  start_fn on_start;
  end_fn on_end;
  bool collect; /* character data goes into text */
  jx_strbuf text;
  /* workbook */
  char *wb_dir; /* "xl/" */
  struct wb_sheet {
    char *name, *rid, *target;
  } * ws;
  size_t n_ws, cap_ws;
  bool date1904;
  char *sst_target, *styles_target;
  /* shared strings */
  char **sst;
  size_t n_sst, cap_sst;
  int in_rph; /* phonetic runs are not part of the text */
  bool in_si;
  /* styles: one byte per cellXfs entry, 'd' date, 'p' percent, 0 plain */
  struct numfmt {
    unsigned id;
    char kind;
  } * fmts;
  size_t n_fmts, cap_fmts;
  char *xf_kind;
  size_t n_xf, cap_xf;
  bool in_xfs;
  /* a worksheet */
  im_sheet *sheet;
  uint32_t row, col;
  const char *c_type;
  int c_style;
  jx_strbuf value;       /* <v> */
  jx_strbuf inline_text; /* <is> */
  bool in_v, in_is, in_t;
};

static const char *local(const char *name) {
  const char *c = strrchr(name, ':');
  return c ? c + 1 : name;
}

static const char *attr_of(const char **attr, const char *name) {
  for (size_t i = 0; attr[i]; i += 2)
    if (strcmp(local(attr[i]), name) == 0)
      return attr[i + 1];
  return NULL;
}

static void XMLCALL x_start(void *ud, const char *name, const char **attr) {
  xlsx *x = ud;
  x->on_start(x, local(name), attr);
}

static void XMLCALL x_end(void *ud, const char *name) {
  xlsx *x = ud;
  x->on_end(x, local(name));
}

static void XMLCALL x_text(void *ud, const char *s, int n) {
  xlsx *x = ud;
  if (x->collect)
    jx_sb_add(&x->text, s, (size_t)n);
}

static void XMLCALL x_doctype(void *ud, const char *name, const char *sysid,
                              const char *pubid, int internal) {
  (void)name;
  (void)sysid;
  (void)pubid;
  (void)internal;
  xlsx *x = ud;
  jx_im_fail(x->b, JX_E_IMPORT_PART_DTD, x->part, NULL);
  XML_StopParser(x->parser, XML_FALSE);
}

/* Locates `name` in the zip and feeds it to expat with the handlers.
 * Returns 0, 1 when the part is absent (and optional), -1 on failure. */
static int read_part(xlsx *x, const char *name, bool optional, start_fn st,
                     end_fn en) {
  im_book *b = x->b;
  if (unzLocateFile(x->zip, name, 2) != UNZ_OK) {
    if (optional)
      return 1;
    return jx_im_fail(b, JX_E_IMPORT_NO_PART, name, NULL);
  }
  unz_file_info64 info;
  if (unzGetCurrentFileInfo64(x->zip, &info, NULL, 0, NULL, 0, NULL, 0) !=
      UNZ_OK)
    return jx_im_fail(b, JX_E_IMPORT_PART, name, NULL);
  char n1[24], n2[24], n3[24];
  if (info.uncompressed_size > JX_IM_MAX_PART ||
      info.uncompressed_size > JX_IM_MAX_UNZIPPED - x->unzipped)
    return jx_im_fail(b, JX_E_IMPORT_BIG_PART, name,
                      jx_im_num(n1, info.uncompressed_size),
                      jx_im_num(n2, JX_IM_MAX_PART >> 20),
                      jx_im_num(n3, JX_IM_MAX_UNZIPPED >> 20), NULL);
  if (unzOpenCurrentFile(x->zip) != UNZ_OK)
    return jx_im_fail(b, JX_E_IMPORT_PART_LOCKED, name, NULL);
  x->parser = XML_ParserCreate("UTF-8");
  XML_SetUserData(x->parser, x);
  XML_SetElementHandler(x->parser, x_start, x_end);
  XML_SetCharacterDataHandler(x->parser, x_text);
  XML_SetStartDoctypeDeclHandler(x->parser, x_doctype);
  x->part = name;
  x->on_start = st;
  x->on_end = en;
  x->collect = false;
  char buf[16384];
  size_t part_bytes = 0;
  int rc = 0;
  for (;;) {
    int k = unzReadCurrentFile(x->zip, buf, sizeof buf);
    if (k < 0) {
      snprintf(n1, sizeof n1, "%d", k);
      rc = jx_im_fail(b, JX_E_IMPORT_PART_DAMAGED, name, n1, NULL);
      break;
    }
    part_bytes += (size_t)k;
    x->unzipped += (size_t)k;
    if (part_bytes > JX_IM_MAX_PART || x->unzipped > JX_IM_MAX_UNZIPPED) {
      rc = jx_im_fail(b, JX_E_IMPORT_BIG_INFLATE, name,
                      jx_im_num(n2, JX_IM_MAX_PART >> 20),
                      jx_im_num(n3, JX_IM_MAX_UNZIPPED >> 20), NULL);
      break;
    }
    if (XML_Parse(x->parser, buf, k, k == 0) == XML_STATUS_ERROR) {
      if (!b->failed)
        jx_im_fail(b, JX_E_IMPORT_PART_XML, name,
                   jx_im_num(n1, XML_GetCurrentLineNumber(x->parser)), NULL);
      rc = -1;
      break;
    }
    if (b->failed) {
      rc = -1;
      break;
    }
    if (k == 0)
      break;
  }
  if (unzCloseCurrentFile(x->zip) == UNZ_CRCERROR && rc == 0)
    rc = jx_im_fail(b, JX_E_IMPORT_PART_CRC, name, NULL);
  XML_ParserFree(x->parser);
  x->parser = NULL;
  return rc;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s);
  char *p = jx_xmalloc(n + 1);
  memcpy(p, s, n + 1);
  return p;
}

/* A relationship target relative to dir ("xl/"), or absolute ("/xl/…"). */
static char *resolve(const char *dir, const char *target) {
  jx_strbuf p = {0};
  if (target[0] == '/')
    jx_sb_puts(&p, target + 1);
  else {
    jx_sb_puts(&p, dir);
    jx_sb_puts(&p, target);
  }
  /* Remove "./" and "dir/../" segments. */
  char *s = p.p;
  size_t o = 0;
  for (size_t i = 0; s[i];) {
    if (strncmp(s + i, "./", 2) == 0 && (i == 0 || s[i - 1] == '/')) {
      i += 2;
    } else if (strncmp(s + i, "../", 3) == 0 && (i == 0 || s[i - 1] == '/')) {
      i += 3;
      if (o > 0)
        o--;
      while (o > 0 && s[o - 1] != '/')
        o--;
    } else {
      s[o++] = s[i++];
    }
  }
  s[o] = '\0';
  return s;
}

/* ---- _rels/.rels and the workbook's relationships ------------------------ */

static void rels_start(xlsx *x, const char *name, const char **attr) {
  if (strcmp(name, "Relationship") != 0)
    return;
  const char *type = attr_of(attr, "Type"), *target = attr_of(attr, "Target");
  const char *id = attr_of(attr, "Id");
  if (!type || !target)
    return;
  size_t tn = strlen(type);
#define ENDS(s) (tn >= strlen(s) && strcmp(type + tn - strlen(s), s) == 0)
  if (!x->wb_dir) { /* the package's own relationships */
    if (ENDS("/officeDocument")) {
      char *path = resolve("", target);
      char *slash = strrchr(path, '/');
      x->wb_dir = xstrdup(path);
      x->wb_dir[slash ? (size_t)(slash - path) + 1 : 0] = '\0';
      free(x->sst_target);
      x->sst_target = path; /* the workbook part, for the moment */
    }
    return;
  }
  if (ENDS("/sharedStrings")) {
    free(x->sst_target);
    x->sst_target = resolve(x->wb_dir, target);
  } else if (ENDS("/styles")) {
    free(x->styles_target);
    x->styles_target = resolve(x->wb_dir, target);
  } else if (ENDS("/worksheet") && id) {
    for (size_t i = 0; i < x->n_ws; i++)
      if (x->ws[i].rid && strcmp(x->ws[i].rid, id) == 0 && !x->ws[i].target)
        x->ws[i].target = resolve(x->wb_dir, target);
  }
#undef ENDS
}

static void no_end(xlsx *x, const char *name) {
  (void)x;
  (void)name;
}

static void workbook_start(xlsx *x, const char *name, const char **attr) {
  if (strcmp(name, "workbookPr") == 0) {
    const char *d = attr_of(attr, "date1904");
    x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
  } else if (strcmp(name, "sheet") == 0) {
    const char *nm = attr_of(attr, "name"), *rid = attr_of(attr, "id");
    if (!nm || !rid)
      return;
    if (x->n_ws == x->cap_ws) {
      x->cap_ws = x->cap_ws ? 2 * x->cap_ws : 8;
      x->ws = jx_xrealloc(x->ws, x->cap_ws * sizeof *x->ws);
    }
    struct wb_sheet *w = &x->ws[x->n_ws++];
    w->name = xstrdup(nm);
    w->rid = xstrdup(rid);
    w->target = NULL;
  }
}

/* ---- shared strings --------------------------------------------------------
 */

static void sst_start(xlsx *x, const char *name, const char **attr) {
  (void)attr;
  if (strcmp(name, "si") == 0) {
    x->in_si = true;
    jx_sb_clear(&x->text);
    if (!x->text.p)
      jx_sb_add(&x->text, "", 0);
  } else if (strcmp(name, "rPh") == 0) {
    x->in_rph++;
  } else if (strcmp(name, "t") == 0 && x->in_si && !x->in_rph) {
    x->collect = true;
  }
}

static void sst_end(xlsx *x, const char *name) {
  if (strcmp(name, "t") == 0) {
    x->collect = false;
  } else if (strcmp(name, "rPh") == 0) {
    x->in_rph--;
  } else if (strcmp(name, "si") == 0 && x->in_si) {
    x->in_si = false;
    if (x->n_sst >= JX_IM_MAX_CELLS) {
      char m[24];
      jx_im_fail(x->b, JX_E_IMPORT_BIG_STRINGS, jx_im_num(m, JX_IM_MAX_CELLS),
                 NULL);
      XML_StopParser(x->parser, XML_FALSE);
      return;
    }
    if (x->n_sst == x->cap_sst) {
      x->cap_sst = x->cap_sst ? 2 * x->cap_sst : 256;
      x->sst = jx_xrealloc(x->sst, x->cap_sst * sizeof *x->sst);
    }
    x->sst[x->n_sst++] =
        jx_arena_strndup(&x->b->arena, x->text.p ? x->text.p : "", x->text.n);
  }
}

/* ---- styles
 * ------------------------------------------------------------------ */

static void styles_start(xlsx *x, const char *name, const char **attr) {
  if (strcmp(name, "numFmt") == 0) {
    const char *id = attr_of(attr, "numFmtId"),
               *code = attr_of(attr, "formatCode");
    if (!id || !code)
      return;
    if (x->n_fmts == x->cap_fmts) {
      x->cap_fmts = x->cap_fmts ? 2 * x->cap_fmts : 16;
      x->fmts = jx_xrealloc(x->fmts, x->cap_fmts * sizeof *x->fmts);
    }
    x->fmts[x->n_fmts].id = (unsigned)strtoul(id, NULL, 10);
    x->fmts[x->n_fmts].kind = jx_im_xlsx_format_kind(code);
    x->n_fmts++;
  } else if (strcmp(name, "cellXfs") == 0) {
    x->in_xfs = true;
  } else if (strcmp(name, "xf") == 0 && x->in_xfs) {
    if (x->n_xf >= JX_IM_MAX_CELLS)
      return;
    const char *id = attr_of(attr, "numFmtId");
    unsigned n = id ? (unsigned)strtoul(id, NULL, 10) : 0;
    char kind = jx_im_xlsx_builtin_kind(n);
    for (size_t i = 0; i < x->n_fmts; i++)
      if (x->fmts[i].id == n)
        kind = x->fmts[i].kind;
    if (x->n_xf == x->cap_xf) {
      x->cap_xf = x->cap_xf ? 2 * x->cap_xf : 64;
      x->xf_kind = jx_xrealloc(x->xf_kind, x->cap_xf);
    }
    x->xf_kind[x->n_xf++] = kind;
  }
}

static void styles_end(xlsx *x, const char *name) {
  if (strcmp(name, "cellXfs") == 0)
    x->in_xfs = false;
}

/* ---- a worksheet ----------------------------------------------------------
 */

/* "B12" → row 12, column 2; false if it is not a cell reference. */
static bool parse_ref(const char *s, uint32_t *row, uint32_t *col) {
  uint32_t c = 0, r = 0;
  size_t i = 0;
  for (; (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'); i++) {
    if (i >= 3)
      return false;
    c = c * 26 + (uint32_t)((s[i] | 0x20) - 'a' + 1);
  }
  size_t j = i;
  for (; s[j] >= '0' && s[j] <= '9'; j++) {
    if (j - i >= 7)
      return false;
    r = r * 10 + (uint32_t)(s[j] - '0');
  }
  if (i == 0 || j == i || s[j] != '\0' || r == 0)
    return false;
  *row = r;
  *col = c;
  return true;
}

static void sheet_start(xlsx *x, const char *name, const char **attr) {
  if (strcmp(name, "row") == 0) {
    const char *r = attr_of(attr, "r");
    unsigned long v = r ? strtoul(r, NULL, 10) : 0;
    x->row = v > 0 && v <= JX_IM_MAX_ROWS ? (uint32_t)v : x->row + 1;
    x->col = 0;
  } else if (strcmp(name, "c") == 0) {
    const char *r = attr_of(attr, "r");
    uint32_t row, col;
    if (r && parse_ref(r, &row, &col)) {
      x->row = row;
      x->col = col;
    } else {
      if (x->row == 0)
        x->row = 1;
      x->col++;
    }
    x->c_type = attr_of(attr, "t");
    if (x->c_type && strlen(x->c_type) > 9)
      x->c_type = "e";
    const char *s = attr_of(attr, "s");
    x->c_style = s ? (int)strtol(s, NULL, 10) : -1;
    static char type_buf[16];
    if (x->c_type) { /* attr memory goes with the element: keep a copy */
      snprintf(type_buf, sizeof type_buf, "%s", x->c_type);
      x->c_type = type_buf;
    }
    jx_sb_clear(&x->value);
    jx_sb_clear(&x->inline_text);
  } else if (strcmp(name, "v") == 0) {
    x->in_v = true;
    jx_sb_clear(&x->text);
    x->collect = true;
  } else if (strcmp(name, "is") == 0) {
    x->in_is = true;
  } else if (strcmp(name, "rPh") == 0) {
    x->in_rph++;
  } else if (strcmp(name, "t") == 0 && x->in_is && !x->in_rph) {
    jx_sb_clear(&x->text);
    x->collect = true;
  } else if (strcmp(name, "mergeCell") == 0) {
    const char *ref = attr_of(attr, "ref");
    char a[32], b2[32];
    if (!ref || strlen(ref) >= 31)
      return;
    const char *colon = strchr(ref, ':');
    if (!colon)
      return;
    snprintf(a, sizeof a, "%.*s", (int)(colon - ref), ref);
    snprintf(b2, sizeof b2, "%s", colon + 1);
    uint32_t r1, c1, r2, c2;
    if (parse_ref(a, &r1, &c1) && parse_ref(b2, &r2, &c2) &&
        jx_im_merge(x->b, x->sheet, r1, c1, r2, c2) != 0)
      XML_StopParser(x->parser, XML_FALSE);
  }
}

static void put_cell(xlsx *x) {
  const char *t = x->c_type ? x->c_type : "n";
  const char *v = x->value.p ? x->value.p : "";
  im_kind kind = IM_TEXT;
  char buf[128];
  const char *text = v;
  size_t len = x->value.n;
  if (strcmp(t, "s") == 0) {
    char *end;
    unsigned long i = strtoul(v, &end, 10);
    if (!*v || *end || i >= x->n_sst) {
      kind = IM_ERROR;
      snprintf(buf, sizeof buf, "#REF! (shared string %.20s)", v);
      text = buf;
      len = strlen(buf);
    } else {
      text = x->sst[i];
      len = strlen(text);
    }
  } else if (strcmp(t, "inlineStr") == 0) {
    text = x->inline_text.p ? x->inline_text.p : "";
    len = x->inline_text.n;
  } else if (strcmp(t, "str") == 0) {
    /* a formula's text result, as stored */
  } else if (strcmp(t, "b") == 0) {
    kind = IM_BOOL;
    text = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
    len = strlen(text);
  } else if (strcmp(t, "e") == 0) {
    kind = IM_ERROR;
  } else if (strcmp(t, "d") == 0) { /* ISO 8601 */
    kind = IM_DATE;
    if (len > 10 && v[10] == 'T' && strncmp(v + 11, "00:00:00", 8) == 0)
      len = 10;
  } else if (len > 0) {
    char style = x->c_style >= 0 && (size_t)x->c_style < x->n_xf
                     ? x->xf_kind[x->c_style]
                     : 0;
    if (!jx_im_xlsx_number(v, buf, sizeof buf)) {
      kind = IM_ERROR;
    } else if (style == 'd' &&
               jx_im_xlsx_date(v, x->date1904, buf, sizeof buf)) {
      kind = IM_DATE;
    } else {
      kind = IM_NUMBER;
      if (style == 'p') {
        char pct[sizeof buf];
        jx_im_xlsx_percent(buf, pct, sizeof pct);
        memcpy(buf, pct, sizeof buf);
      }
    }
    if (kind != IM_ERROR) {
      text = buf;
      len = strlen(buf);
    }
  }
  if (len && !jx_im_put(x->b, x->sheet, x->row, x->col, kind, text, len))
    XML_StopParser(x->parser, XML_FALSE);
}

static void sheet_end(xlsx *x, const char *name) {
  if (strcmp(name, "v") == 0 && x->in_v) {
    x->in_v = false;
    x->collect = false;
    jx_sb_clear(&x->value);
    jx_sb_add(&x->value, x->text.p ? x->text.p : "", x->text.n);
  } else if (strcmp(name, "t") == 0 && x->in_is && x->collect) {
    x->collect = false;
    jx_sb_add(&x->inline_text, x->text.p ? x->text.p : "", x->text.n);
  } else if (strcmp(name, "rPh") == 0) {
    x->in_rph--;
  } else if (strcmp(name, "is") == 0) {
    x->in_is = false;
  } else if (strcmp(name, "c") == 0) {
    put_cell(x);
  }
}

/* ---- the workbook ----------------------------------------------------------
 */

static void xlsx_free(xlsx *x) {
  for (size_t i = 0; i < x->n_ws; i++) {
    free(x->ws[i].name);
    free(x->ws[i].rid);
    free(x->ws[i].target);
  }
  free(x->ws);
  free(x->wb_dir);
  free(x->sst_target);
  free(x->styles_target);
  free(x->sst);
  free(x->fmts);
  free(x->xf_kind);
  jx_sb_free(&x->text);
  jx_sb_free(&x->value);
  jx_sb_free(&x->inline_text);
}

int jx_im_read_xlsx(im_book *b, const char *data, size_t n) {
  membuf mem = {data, n, 0};
  zlib_filefunc64_def io = {mem_open, mem_read,  mem_write, mem_tell,
                            mem_seek, mem_close, mem_error, &mem};
  xlsx x;
  memset(&x, 0, sizeof x);
  x.b = b;
  x.zip = unzOpen2_64("memory", &io);
  if (!x.zip)
    return jx_im_fail(b, JX_E_IMPORT_NOT_ZIP, NULL);
  int rc = read_part(&x, "_rels/.rels", false, rels_start, no_end);
  char *wb_part = NULL;
  if (rc == 0 && !x.wb_dir) {
    /* no office document in _rels/.rels */
    rc = jx_im_fail(b, JX_E_IMPORT_NOT_WORKBOOK, NULL);
  } else if (rc == 0) {
    wb_part = x.sst_target; /* set by rels_start: the workbook's part */
    x.sst_target = NULL;
    size_t wl = strlen(wb_part);
    if (wl < 4 || strcmp(wb_part + wl - 4, ".xml") != 0 ||
        strstr(wb_part, "word/") == wb_part ||
        strstr(wb_part, "ppt/") == wb_part)
      rc = jx_im_fail(b, JX_E_IMPORT_WORD, wb_part, NULL);
  }
  if (rc == 0)
    rc = read_part(&x, wb_part, false, workbook_start, no_end);
  if (rc == 0) {
    /* the workbook's relationships: xl/_rels/workbook.xml.rels */
    const char *base = strrchr(wb_part, '/');
    base = base ? base + 1 : wb_part;
    jx_strbuf rels = {0};
    jx_sb_printf(&rels, "%s_rels/%s.rels", x.wb_dir, base);
    rc = read_part(&x, rels.p, false, rels_start, no_end);
    jx_sb_free(&rels);
  }
  if (rc == 0 && x.styles_target)
    rc = read_part(&x, x.styles_target, true, styles_start, styles_end) < 0 ? -1
                                                                            : 0;
  if (rc == 0 && x.sst_target)
    rc = read_part(&x, x.sst_target, true, sst_start, sst_end) < 0 ? -1 : 0;
  for (size_t i = 0; rc == 0 && i < x.n_ws; i++) {
    if (!x.ws[i].target)
      continue; /* a chart sheet or a dialog sheet: no cells */
    x.sheet = jx_im_add_sheet(b, x.ws[i].name, strlen(x.ws[i].name));
    if (!x.sheet) {
      rc = -1;
      break;
    }
    x.row = x.col = 0;
    x.in_rph = 0;
    x.in_is = x.in_v = false;
    rc = read_part(&x, x.ws[i].target, false, sheet_start, sheet_end);
  }
  if (rc == 0 && b->n_sheets == 0)
    rc = jx_im_fail(b, JX_E_IMPORT_NO_SHEET, NULL);
  free(wb_part);
  unzClose(x.zip);
  xlsx_free(&x);
  if (rc == 0)
    rc = jx_im_book_finish(b);
  return b->failed ? -1 : rc;
}
#else
/* Built without minizip or expat (docs/windows.md). */
int jx_im_read_xlsx(im_book *b, const char *data, size_t n) {
  (void)data;
  (void)n;
  return jx_im_fail(b, JX_E_IMPORT_NOT_BUILT, "minizip/expat", NULL);
}
#endif
