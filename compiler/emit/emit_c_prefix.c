/*
 * emit_c_prefix.c — the identifier prefix of `jxc build -f c`: the one
 * given with --prefix, checked, or one made from the output's or the
 * input's file name (docs/c.md).  Every name the header defines is the
 * prefix, "_" and a suffix, so the prefix alone decides whether they can
 * clash with C's, C++'s or the runtime's names.
 */
#include "arena.h"
#include "backend.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* C99 5.2.4.1 promises 63 significant characters in an internal identifier;
   the longest suffix ("_div123456_indicators", "_JX_H") leaves 40. */
#define MAX_PREFIX 40

static bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static bool starts_nocase(const char *s, const char *lower) {
  for (; *lower; s++, lower++)
    if ((*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s) != *lower)
      return false;
  return true;
}

/* Why prefix p cannot be used (a phrase to follow "'p' "), or NULL.  Every
   generated name is p + "_" + a suffix, and the include guard is P_JX_H in
   upper case, so a keyword is harmless (int_plan), but anything that puts
   a name in the runtime's namespace or C's reserved ones is not. */
static const char *prefix_problem(const char *p) {
  size_t n = strlen(p);
  if (n == 0 || (p[0] >= '0' && p[0] <= '9'))
    return "is not a C identifier";
  for (size_t i = 0; i < n; i++)
    if (!is_alnum(p[i]) && p[i] != '_')
      return "is not a C identifier";
  if (p[0] == '_')
    return "starts with '_': C reserves such names";
  if (strstr(p, "__"))
    return "contains '__': C++ reserves such names";
  if (p[n - 1] == '_')
    return "ends with '_': the names would contain '__' (C++ reserves them)";
  /* jixiao.h owns jx_*, JX_* and JIXIAO_*: PREFIX_plan and PREFIX_JX_H must
     stay out of them in any case (the guard is upper case). */
  if (starts_nocase(p, "jx") && (n == 2 || p[2] == '_'))
    return "would make names in the runtime's jx_/JX_ namespace (jixiao.h)";
  if (starts_nocase(p, "jixiao") && (n == 6 || p[6] == '_'))
    return "would make names in the runtime's JIXIAO_ namespace (jixiao.h)";
  if (n > MAX_PREFIX)
    return "is longer than 40 characters (C99 guarantees 63 significant "
           "characters in an identifier)";
  return NULL;
}

/* A readable identifier from a file name: its base name without the last
   extension, ASCII letters and digits kept, every run of anything else one
   '_', none at either end, "plan_" before a leading digit, at most 40
   characters.  Empty when nothing readable is left (a name in Chinese). */
static char *prefix_from_name(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  char *p = jx_xmalloc(n + sizeof "plan_");
  size_t k = 0;
  bool gap = false;
  for (size_t i = 0; i < n; i++) {
    if (!is_alnum(base[i])) {
      gap = k > 0;
      continue;
    }
    if (k == 0 && base[i] >= '0' && base[i] <= '9') {
      memcpy(p, "plan_", 5);
      k = 5;
    } else if (gap) {
      p[k++] = '_';
    }
    gap = false;
    p[k++] = base[i];
  }
  while (k > MAX_PREFIX || (k > 0 && p[k - 1] == '_'))
    k--;
  p[k] = '\0';
  return p;
}

char *jx_c_prefix(const char *given, const char *output, const char *input,
                  char *why, size_t why_size) {
  if (given) {
    const char *bad = prefix_problem(given);
    if (!bad) {
      size_t n = strlen(given) + 1;
      return memcpy(jx_xmalloc(n), given, n);
    }
    snprintf(why, why_size, "--prefix '%s' %s; choose another", given, bad);
    return NULL;
  }
  /* Standard input has no name: "plan", as documented. */
  const char *from = output && strcmp(output, "-") != 0 ? output
                     : strcmp(input, "-") == 0          ? "plan"
                                                        : input;
  char *p = prefix_from_name(from);
  const char *bad = *p ? prefix_problem(p) : "";
  if (!bad)
    return p;
  if (*p)
    snprintf(why, why_size,
             "the C prefix '%s' made from the file name '%s' %s; "
             "give one with --prefix NAME",
             p, from, bad);
  else
    snprintf(why, why_size,
             "cannot make a C prefix from the file name '%s' (it has no "
             "ASCII letters or digits); give one with --prefix NAME",
             from);
  free(p);
  return NULL;
}
