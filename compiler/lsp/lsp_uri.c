/*
 * lsp_uri.c — file:// URIs and paths, both ways: the path of a document
 * (where jxc.ini is looked for, the name in messages) and the URI of a
 * jxc.ini (where its mistakes are published).
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lsp_impl.h"

static int hexval(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* file:///a/b%20c.jx -> /a/b c.jx; any other URI names itself.  A name
 * for messages, and where jxc.ini is looked for: the server never opens
 * the document itself. */
char *jx_lsp_uri_path(const char *uri) {
  const char prefix[] = "file://";
  if (strncmp(uri, prefix, sizeof prefix - 1) != 0)
    return jx_lsp_strdup(uri);
  const char *p = uri + sizeof prefix - 1;
  char *out = jx_xmalloc(strlen(p) + 1), *o = out;
  for (; *p; p++) {
    int a, b;
    if (*p == '%' && (a = hexval(p[1])) >= 0 && (b = hexval(p[2])) >= 0 &&
        (a || b)) {
      *o++ = (char)(a * 16 + b);
      p += 2;
    } else {
      *o++ = *p;
    }
  }
  *o = '\0';
  return out;
}

/* file:// and the path, each byte a URI does not take as it is escaped. */
char *jx_lsp_path_uri(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  char *u = jx_xmalloc(7 + 3 * strlen(path) + 1), *o = u;
  memcpy(o, "file://", 7);
  o += 7;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
      *o++ = (char)*p;
    } else {
      *o++ = '%';
      *o++ = hex[*p >> 4];
      *o++ = hex[*p & 15];
    }
  }
  *o = '\0';
  return u;
}
