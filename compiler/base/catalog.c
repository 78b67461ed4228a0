/*
 * catalog.c — the two tables of catalog.h, the language of the
 * environment, errno reasons in Chinese, and the formatter that renders a
 * catalog text with captured arguments.
 */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the tables ------------------------------------------------------ */

typedef struct diag_row {
  const char *code;
  jx_severity sev;
  const char *text[JX_LANG_COUNT];
} diag_row;

static const diag_row diag_rows[JX_DIAG_COUNT] = {
#define JX_DIAG(id, code, sev, en, zh) {code, sev, {en, zh}},
#include "diag_codes.def"
#undef JX_DIAG
};

typedef struct code_row {
  const char *code;
  const char *text[JX_LANG_COUNT];
} code_row;

static const code_row code_rows[] = {
#define JX_DIAG(id, code, sev, en, zh)
#define JX_CODE(code, en, zh) {code, {en, zh}},
#include "diag_codes.def"
#undef JX_CODE
#undef JX_DIAG
};

static const char *const msg_rows[JX_MSG_COUNT][JX_LANG_COUNT] = {
#define JX_MSG(id, en, zh) {en, zh},
#include "messages.def"
#undef JX_MSG
};

const char *jx_diag_code(jx_diag_id id) {
  return (unsigned)id < JX_DIAG_COUNT ? diag_rows[id].code : NULL;
}

jx_severity jx_diag_severity(jx_diag_id id) {
  return (unsigned)id < JX_DIAG_COUNT ? diag_rows[id].sev : JX_SEV_ERROR;
}

const char *jx_diag_format_string(jx_diag_id id, jx_lang lang) {
  if ((unsigned)id >= JX_DIAG_COUNT)
    return NULL;
  return diag_rows[id].text[(unsigned)lang < JX_LANG_COUNT ? lang : 0];
}

const char *jx_diag_code_title(const char *code, jx_lang lang) {
  for (size_t i = 0; code && i < sizeof code_rows / sizeof *code_rows; i++)
    if (strcmp(code_rows[i].code, code) == 0)
      return code_rows[i].text[(unsigned)lang < JX_LANG_COUNT ? lang : 0];
  return NULL;
}

const char *jx_msg_text(jx_msg id, jx_lang lang) {
  if ((unsigned)id >= JX_MSG_COUNT)
    return "";
  return msg_rows[id][(unsigned)lang < JX_LANG_COUNT ? lang : 0];
}

/* ---- languages ------------------------------------------------------- */

bool jx_lang_parse(const char *name, jx_lang *out) {
  if (strcmp(name, "en") == 0)
    *out = JX_LANG_EN;
  else if (strcmp(name, "zh") == 0)
    *out = JX_LANG_ZH;
  else
    return false;
  return true;
}

jx_lang jx_lang_from_env(void) {
  /* POSIX's order of precedence for the messages category. */
  static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++) {
    const char *v = getenv(vars[i]);
    if (v && *v)
      return strncmp(v, "zh", 2) == 0 ? JX_LANG_ZH : JX_LANG_EN;
  }
  return JX_LANG_EN;
}

/* ---- errno ----------------------------------------------------------- */

/* The reasons a file can fail to be read or written, in Chinese; the
 * wording follows the glibc zh_CN translation.  Anything rarer is named by
 * its number. */
static const struct {
  int err;
  const char *zh;
} errno_zh[] = {
    {EPERM, "不允许的操作"},
    {ENOENT, "没有那个文件或目录"},
    {EIO, "输入/输出错误"},
    {ENXIO, "没有那个设备或地址"},
    {E2BIG, "参数列表过长"},
    {EBADF, "错误的文件描述符"},
    {EAGAIN, "资源暂时不可用"},
    {ENOMEM, "无法分配内存"},
    {EACCES, "权限不够"},
    {EFAULT, "错误的地址"},
    {EBUSY, "设备或资源忙"},
    {EEXIST, "文件已存在"},
    {EXDEV, "无效的跨设备链接"},
    {ENODEV, "没有那个设备"},
    {ENOTDIR, "不是目录"},
    {EISDIR, "是一个目录"},
    {EINVAL, "无效的参数"},
    {ENFILE, "系统中打开的文件过多"},
    {EMFILE, "打开的文件过多"},
    {ETXTBSY, "文本文件忙"},
    {EFBIG, "文件过大"},
    {ENOSPC, "设备上没有空间"},
    {ESPIPE, "非法 seek 操作"},
    {EROFS, "只读文件系统"},
    {EMLINK, "过多的链接"},
    {EPIPE, "断开的管道"},
    {ENAMETOOLONG, "文件名过长"},
    {ELOOP, "符号链接的层数过多"},
    {EINTR, "被中断的系统调用"},
#ifdef EDQUOT
    {EDQUOT, "超出磁盘限额"},
#endif
#ifdef ESTALE
    {ESTALE, "过旧的文件控柄"},
#endif
#ifdef ENOTCONN
    {ENOTCONN, "传输端点尚未连接"},
#endif
#ifdef ETIMEDOUT
    {ETIMEDOUT, "连接超时"},
#endif
};

void jx_errno_text(jx_strbuf *out, int err, jx_lang lang) {
  if (lang == JX_LANG_ZH) {
    for (size_t i = 0; i < sizeof errno_zh / sizeof *errno_zh; i++)
      if (errno_zh[i].err == err) {
        jx_sb_puts(out, errno_zh[i].zh);
        return;
      }
    jx_sb_printf(out, "系统错误 %d", err);
    return;
  }
  jx_sb_puts(out, strerror(err));
}

/* ---- arguments ------------------------------------------------------- */

/* One conversion: %[N$][flags][width][.precision][length]C */
typedef struct conv {
  const char *spec; /* from the '%' */
  size_t len;       /* through C */
  int pos;          /* 0-based argument */
  char len_mod;     /* 0, 'l' (long), 'L' (long long), 'z' (size_t) */
  char c;           /* the conversion letter, as written */
} conv;

/* Parses the conversion at fmt (just past a '%' that is not "%%"). */
static conv parse_conv(const char *fmt, int *next) {
  conv v = {fmt - 1, 0, 0, 0, 0};
  const char *p = fmt;
  int n = 0;
  while (*p >= '0' && *p <= '9' && n < 100)
    n = n * 10 + (*p++ - '0');
  if (*p == '$' && n > 0) {
    v.pos = n - 1;
    fmt = p + 1;
  } else {
    v.pos = (*next)++;
  }
  p = fmt + strspn(fmt, "-+ #0123456789.");
  if (p[0] == 'l' && p[1] == 'l') {
    v.len_mod = 'L';
    p += 2;
  } else if (*p == 'l' || *p == 'z') {
    v.len_mod = *p++;
  }
  v.c = *p;
  v.len = (size_t)(p - v.spec) + (*p ? 1 : 0);
  return v;
}

/* The kind of argument a conversion letter takes. */
static char kind_of(char c) {
  switch (c) {
  case 's':
    return 's';
  case 'd':
  case 'i':
    return 'd';
  case 'u':
  case 'x':
  case 'X':
    return 'u';
  case 'M':
  case 'E':
  case 'L':
    return c;
  default:
    return 0;
  }
}

/* A copy of s (n bytes) in the pool, NUL-terminated; returns its offset. */
static size_t pool_add(jx_strbuf *pool, const char *s, size_t n) {
  size_t off = pool->n;
  jx_sb_add(pool, s, n);
  jx_sb_add(pool, "", 1);
  return off;
}

/* s cut at clip bytes, at a character boundary, with "…" marking the cut. */
static size_t pool_add_clipped(jx_strbuf *pool, const char *s, size_t clip) {
  size_t n = strlen(s);
  if (n <= clip)
    return pool_add(pool, s, n);
  size_t k = clip;
  while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  size_t off = pool->n;
  jx_sb_add(pool, s, k);
  jx_sb_puts(pool, "\xE2\x80\xA6"); /* … */
  jx_sb_add(pool, "", 1);
  return off;
}

bool jx_args_capture(jx_args *a, jx_strbuf *pool, const char *fmt, size_t clip,
                     va_list ap) {
  conv at[JX_ARGS_MAX];
  bool have[JX_ARGS_MAX] = {false};
  bool ok = true;
  int next = 0, top = 0;
  memset(a, 0, sizeof *a);
  for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
    if (p[1] == '%') {
      p += 2;
      continue;
    }
    conv v = parse_conv(p + 1, &next);
    p = v.spec + v.len;
    if (v.pos >= JX_ARGS_MAX || !kind_of(v.c)) {
      ok = false;
      continue;
    }
    at[v.pos] = v;
    have[v.pos] = true;
    if (v.pos + 1 > top)
      top = v.pos + 1;
  }
  /* Arguments are fetched in order of position, as the caller passed
   * them, whatever order a translation uses them in. */
  for (int i = 0; i < top; i++) {
    if (!have[i])
      return false; /* a gap: the types after it are unknown */
    jx_arg *g = &a->a[i];
    char k = kind_of(at[i].c), m = at[i].len_mod;
    g->conv = k;
    switch (k) {
    case 's': {
      const char *s = va_arg(ap, const char *);
      g->off[0] = pool_add_clipped(pool, s ? s : "(null)", clip);
      break;
    }
    case 'd':
      g->i = m == 'L'   ? (int64_t)va_arg(ap, long long)
             : m == 'l' ? (int64_t)va_arg(ap, long)
             : m == 'z' ? (int64_t)va_arg(ap, size_t)
                        : (int64_t)va_arg(ap, int);
      break;
    case 'u':
      g->i = m == 'L'   ? (int64_t)va_arg(ap, unsigned long long)
             : m == 'l' ? (int64_t)va_arg(ap, unsigned long)
             : m == 'z' ? (int64_t)va_arg(ap, size_t)
                        : (int64_t)va_arg(ap, unsigned);
      break;
    case 'M':
    case 'E':
      g->i = va_arg(ap, int);
      break;
    case 'L': {
      const char *const *t = va_arg(ap, const char *const *);
      for (int l = 0; l < JX_LANG_COUNT; l++)
        g->off[l] =
            pool_add(pool, t && t[l] ? t[l] : "", t && t[l] ? strlen(t[l]) : 0);
      break;
    }
    }
    a->n = i + 1;
  }
  return ok;
}

void jx_format(jx_strbuf *out, const char *fmt, const jx_args *a,
               const char *pool, jx_lang lang) {
  int next = 0;
  if (!fmt)
    return;
  for (const char *p = fmt; *p;) {
    const char *q = strchr(p, '%');
    if (!q) {
      jx_sb_puts(out, p);
      break;
    }
    jx_sb_add(out, p, (size_t)(q - p));
    if (q[1] == '%') {
      jx_sb_add(out, "%", 1);
      p = q + 2;
      continue;
    }
    conv v = parse_conv(q + 1, &next);
    p = v.spec + v.len;
    const jx_arg *g = v.pos < a->n ? &a->a[v.pos] : NULL;
    if (!g || g->conv != kind_of(v.c)) {
      jx_sb_add(out, v.spec, v.len);
      continue;
    }
    switch (g->conv) {
    case 's':
      jx_sb_puts(out, pool + g->off[0]);
      continue;
    case 'L':
      jx_sb_puts(out, pool + g->off[(unsigned)lang < JX_LANG_COUNT ? lang : 0]);
      continue;
    case 'M':
      jx_sb_puts(out, jx_msg_text((jx_msg)g->i, lang));
      continue;
    case 'E':
      jx_errno_text(out, (int)g->i, lang);
      continue;
    default:
      break;
    }
    /* A number: printf itself, with the flags and width of the spec and
     * the widest type. */
    const char *flags = v.spec + 1;
    const char *end = flags + strspn(flags, "-+ #0123456789.$");
    const char *dollar = memchr(flags, '$', (size_t)(end - flags));
    if (dollar)
      flags = dollar + 1;
    size_t fl = (size_t)(end - flags);
    if (fl > 16)
      fl = 16;
    char spec[24], one[48];
    spec[0] = '%';
    memcpy(spec + 1, flags, fl);
    memcpy(spec + 1 + fl, "ll", 2);
    spec[3 + fl] = v.c == 'i' ? 'd' : v.c;
    spec[4 + fl] = '\0';
    if (g->conv == 'd')
      snprintf(one, sizeof one, spec, (long long)g->i);
    else
      snprintf(one, sizeof one, spec, (unsigned long long)(uint64_t)g->i);
    jx_sb_puts(out, one);
  }
}

void jx_msg_vprintf(jx_strbuf *out, jx_lang lang, jx_msg id, va_list ap) {
  jx_args a;
  jx_strbuf pool = {0};
  /* Arguments are typed by the English text; both languages agree. */
  jx_args_capture(&a, &pool, jx_msg_text(id, JX_LANG_EN), (size_t)-1, ap);
  jx_format(out, jx_msg_text(id, lang), &a, pool.p, lang);
  jx_sb_free(&pool);
}

void jx_msg_printf(jx_strbuf *out, jx_lang lang, jx_msg id, ...) {
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(out, lang, id, ap);
  va_end(ap);
}

static bool latin(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z');
}

void jx_join(jx_strbuf *out, jx_lang lang, const char *const *items, size_t n,
             bool quote) {
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && i + 1 < n) {
      jx_sb_puts(out, jx_msg_text(JX_M_LIST_SEP, lang));
    } else if (i > 0) {
      const char *prev = items[i - 1];
      size_t pn = strlen(prev);
      bool words = !quote && ((pn && latin((unsigned char)prev[pn - 1])) ||
                              latin((unsigned char)items[i][0]));
      jx_sb_puts(out,
                 jx_msg_text(words ? JX_M_LIST_OR_SPACED : JX_M_LIST_OR, lang));
    }
    if (quote)
      jx_msg_printf(out, lang, JX_M_QUOTED, items[i]);
    else
      jx_sb_puts(out, items[i]);
  }
}
