/*
 * fmt.h — the canonical layout of jixiao source (`jxc fmt`).
 */
#ifndef JX_FMT_H
#define JX_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "out.h"

/* Formats len bytes of src (registered as `file` in d) into out, with
 * Chinese keywords when zh.  Lines end as the source's first one does (LF,
 * or CR LF).  Returns 0, or 1 when the source has syntax errors (reported
 * through d; nothing is written). */
int jx_fmt(const char *src, size_t len, uint32_t file, jx_diag *d, bool zh,
           jx_out *out);

/* Whether the file is written in Chinese: more of its keywords (and
 * months) are spelt in Chinese than in English.  What `jxc fmt` keeps
 * unless told --zh or --en. */
bool jx_fmt_is_zh(const char *src, size_t len);

#endif
