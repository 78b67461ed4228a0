/*
 * catalog.h — every word jxc shows a person, in English and in Chinese.
 *
 * Two tables, one catalog:
 *   diag_codes.def  the diagnostics: an id, a stable public code, a
 *                   severity and the message in both languages;
 *   messages.def    every other word: severities, the summary, token
 *                   names, help texts, jxc diff's labels, list glue.
 * They stay two files because a diagnostic is a public contract (its code
 * is documented in docs/diagnostics.md and matched by CI scripts, and a
 * unit test holds the two together) while a plain message is only wording.
 *
 * Texts are formats in printf's style, rendered by jx_format rather than
 * printf itself, because an argument may be language-dependent too:
 *   %s %d %u %x %X   with flags, width, the length modifiers l, ll and z,
 *                    and %N$ positions (Chinese word order differs);
 *                    each %s is cut at a caller-chosen length;
 *   %M               a jx_msg (int), printed in the output language;
 *   %E               an errno value (int), its reason in the language;
 *   %L               a `const char *const *`, one text per jx_lang, made
 *                    by the caller (a list of token names);
 *   %%               a percent sign.
 * A report captures its arguments (jx_args_capture) when it is made and
 * renders them (jx_format) whenever, in whichever language: that is what
 * lets the diagnostics engine keep records rather than text.
 */
#ifndef JX_CATALOG_H
#define JX_CATALOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

typedef enum jx_lang { JX_LANG_EN, JX_LANG_ZH, JX_LANG_COUNT } jx_lang;

typedef enum jx_severity {
  JX_SEV_HELP, /* a hint without location: "did you mean …?" */
  JX_SEV_NOTE, /* context with a location: "budget declared here" */
  JX_SEV_WARNING,
  JX_SEV_ERROR
} jx_severity;

typedef enum jx_diag_id {
#define JX_DIAG(id, code, sev, en, zh) id,
#include "diag_codes.def"
#undef JX_DIAG
  JX_DIAG_COUNT
} jx_diag_id;

typedef enum jx_msg {
#define JX_MSG(id, en, zh) id,
#include "messages.def"
#undef JX_MSG
  JX_MSG_COUNT
} jx_msg;

/* The diagnostics table. */
const char *jx_diag_code(jx_diag_id id); /* NULL for notes and help */
jx_severity jx_diag_severity(jx_diag_id id);
const char *jx_diag_format_string(jx_diag_id id, jx_lang lang);
/* What a code is about, in a few words ("A project has no spending
 * schedule"): the JX_CODE row of diag_codes.def; NULL for an unknown code.
 * SARIF's rule descriptions. */
const char *jx_diag_code_title(const char *code, jx_lang lang);

/* The messages table: the format of a message (the word itself, for most). */
const char *jx_msg_text(jx_msg id, jx_lang lang);

/* "en" or "zh"; false for anything else. */
bool jx_lang_parse(const char *name, jx_lang *out);
/* The language the environment asks for: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set and not empty, Chinese when it starts
 * with "zh" (zh_CN.UTF-8, zh_TW, zh), English otherwise. */
jx_lang jx_lang_from_env(void);

/* Why a system call failed, in lang: the C library's words in English
 * (jxc never calls setlocale, so they are its "C" locale ones), the
 * catalog's in Chinese. */
void jx_errno_text(jx_strbuf *out, int err, jx_lang lang);

/* ---- arguments, captured then rendered ------------------------------- */

enum { JX_ARGS_MAX = 9 };

typedef struct jx_arg {
  char conv; /* 's', 'd', 'u', 'M', 'E' or 'L'; 0: unused position */
  int64_t i; /* a number, a jx_msg or an errno value */
  size_t off[JX_LANG_COUNT]; /* strings, in the pool: 's' uses [0] */
} jx_arg;

typedef struct jx_args {
  int n;
  jx_arg a[JX_ARGS_MAX];
} jx_args;

/* Takes from ap the arguments fmt needs, in order of position, copying
 * strings into pool (each %s cut at `clip` bytes, at a character
 * boundary, with "…").  False (and nothing taken after the fault) when fmt
 * has a conversion the catalog does not know or a gap in its positions. */
bool jx_args_capture(jx_args *a, jx_strbuf *pool, const char *fmt, size_t clip,
                     va_list ap);
/* Appends fmt with the captured arguments, in lang.  A conversion whose
 * argument is missing is written as it stands. */
void jx_format(jx_strbuf *out, const char *fmt, const jx_args *a,
               const char *pool, jx_lang lang);
/* Both at once, for a message of the catalog (nothing is cut). */
void jx_msg_printf(jx_strbuf *out, jx_lang lang, jx_msg id, ...);
void jx_msg_vprintf(jx_strbuf *out, jx_lang lang, jx_msg id, va_list ap);

/* "a, b or c" / "a、b或c": items joined in lang, each quoted when `quote`
 * (JX_M_QUOTED).  For a %L argument, join once per language. */
void jx_join(jx_strbuf *out, jx_lang lang, const char *const *items, size_t n,
             bool quote);

#endif
