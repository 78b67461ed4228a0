/*
 * lsp_json.c — building the server's replies: strings, positions, ranges
 * and the parameters most requests share.  See lsp_impl.h.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lsp_impl.h"
#include "arena.h"
#include "lsp_rpc.h"

/* jansson takes only well-formed UTF-8; text from the document always is
 * (it came as JSON), but a message cut mid-character must not be lost. */
json_t *jx_lsp_strn(const char *s, size_t n) {
  if (!s)
    return json_null();
  json_t *v = json_stringn(s, n);
  if (v)
    return v;
  jx_strbuf b = {0};
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    json_t *one = k && i + k <= n ? json_stringn(s + i, k) : NULL;
    if (one) {
      jx_sb_add(&b, s + i, k);
      json_decref(one);
      i += k;
    } else {
      jx_sb_puts(&b, "\xEF\xBF\xBD");
      i++;
    }
  }
  v = json_stringn(b.p ? b.p : "", b.n);
  jx_sb_free(&b);
  return v ? v : json_string("");
}

json_t *jx_lsp_str(const char *s) {
  return s ? jx_lsp_strn(s, strlen(s)) : json_null();
}

json_t *jx_lsp_position(const jx_lsp_doc *d, size_t off) {
  jx_lsp_pos p = jx_lsp_pos_at(&d->lines, d->text, d->len, off);
  return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character",
                   (json_int_t)p.character);
}

json_t *jx_lsp_range(const jx_lsp_doc *d, size_t off, size_t len) {
  return json_pack("{s:o,s:o}", "start", jx_lsp_position(d, off), "end",
                   jx_lsp_position(d, off + len));
}

json_t *jx_lsp_loc_range(const jx_lsp_doc *d, jx_loc l) {
  return jx_lsp_range(d, (size_t)l.offset, l.len);
}

bool jx_lsp_loc_has(jx_loc l, size_t off) {
  return jx_loc_known(l) && off >= l.offset && off <= l.offset + l.len;
}

bool jx_lsp_param_pos(json_t *p, jx_lsp_pos *out) {
  json_t *line = json_object_get(p, "line");
  json_t *ch = json_object_get(p, "character");
  if (!json_is_integer(line) || !json_is_integer(ch))
    return false;
  json_int_t a = json_integer_value(line), b = json_integer_value(ch);
  if (a < 0 || b < 0)
    return false;
  out->line = a > UINT32_MAX ? UINT32_MAX : (uint32_t)a;
  out->character = b > UINT32_MAX ? UINT32_MAX : (uint32_t)b;
  return true;
}

bool jx_lsp_param_range(const jx_lsp_doc *d, json_t *range, size_t *from,
                        size_t *to) {
  jx_lsp_pos a, b;
  if (!jx_lsp_param_pos(json_object_get(range, "start"), &a) ||
      !jx_lsp_param_pos(json_object_get(range, "end"), &b))
    return false;
  *from = jx_lsp_offset_at(&d->lines, d->text, d->len, a);
  *to = jx_lsp_offset_at(&d->lines, d->text, d->len, b);
  if (*to < *from) {
    size_t t = *from;
    *from = *to;
    *to = t;
  }
  return true;
}

void jx_lsp_msg(jx_lsp *s, jx_strbuf *out, jx_msg id, ...) {
  va_list ap;
  va_start(ap, id);
  jx_msg_vprintf(out, s->lang, id, ap);
  va_end(ap);
}

void jx_lsp_notify(jx_lsp *s, const char *method, json_t *params) {
  json_t *m = json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method,
                        "params", params);
  if (!s->out_gone && !jx_rpc_write(s->out_fd, m))
    s->out_gone = true;
  json_decref(m);
}

json_t *jx_lsp_error(jx_lsp *s, int code, jx_msg msg, ...) {
  jx_strbuf b = {0};
  va_list ap;
  va_start(ap, msg);
  jx_msg_vprintf(&b, s->lang, msg, ap);
  va_end(ap);
  json_t *e = json_pack("{s:i,s:o}", "code", code, "message",
                        jx_lsp_strn(b.p ? b.p : "", b.n));
  jx_sb_free(&b);
  return e;
}

char *jx_lsp_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = jx_xmalloc(n);
  memcpy(p, s, n);
  return p;
}
