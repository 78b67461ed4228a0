/*
 * lsp_tokens.c — textDocument/semanticTokens: what each token is, from the
 * compiler's own lexer (jx_lex_mem), so an editor colours 项目名称 as one
 * word and 不低于 as an operator exactly as jxc reads them, whatever its
 * TextMate or tree-sitter grammar thinks.
 *
 * Tokens go out in LSP's relative encoding (five integers each: line
 * delta, start delta, length, type, modifiers), in UTF-16 units.  A
 * string that runs over several lines is marked on its first line only
 * (the lexer's location covers that much).  Comments and punctuation are
 * left to the editor's grammar.
 */
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "lsp_impl.h"
#include "parse.h"
#include "parser.h"

/* The legend: the index of each name is the type sent. */
enum { T_KEYWORD, T_OPERATOR, T_STRING, T_NUMBER, T_MONTH, T_CATEGORY, T_WORD };
static const char *const types[] = {"keyword", "operator",   "string",
                                    "number",  "enumMember", "type",
                                    "variable"};

json_t *jx_lsp_token_legend(void) {
  json_t *t = json_array();
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    json_array_append_new(t, json_string(types[i]));
  return json_pack("{s:o,s:[]}", "tokenTypes", t, "tokenModifiers");
}

static int token_type(int kind) {
  switch (kind) {
  case STRING:
    return T_STRING;
  case NUMBER:
  case DATE:
    return T_NUMBER;
  case WORD:
    return T_WORD;
  case PATH:
    return T_CATEGORY;
  case MONTH:
    return T_MONTH;
  case GE:
  case LE:
  case GT:
  case LT:
  case EQ:
    return T_OPERATOR;
  case SEMI:
  case LBRACE:
  case RBRACE:
  case 0:
    return -1;
  default:
    return kind >= NA && kind <= ROLE ? T_KEYWORD : -1;
  }
}

typedef struct walk {
  const jx_lsp_doc *d;
  size_t from, to; /* only tokens that meet [from, to) */
  json_t *data;
  /* The cursor: a byte offset and its position, moved forward only, so
   * that a document on one long line costs one pass, not one per token. */
  size_t at;
  jx_lsp_pos pos;
  jx_lsp_pos last; /* the previous token's start */
} walk;

static void advance(walk *w, size_t off) {
  const jx_lsp_doc *d = w->d;
  if (off < w->at || off > d->len)
    return;
  /* A line break between: restart from the line holding off. */
  size_t next = w->pos.line + 1 < d->lines.n ? d->lines.start[w->pos.line + 1]
                                             : (size_t)-1;
  if (off >= next) {
    w->pos = jx_lsp_pos_at(&d->lines, d->text, d->len, off);
    w->at = off;
    return;
  }
  w->pos.character += (uint32_t)jx_lsp_utf16_len(d->text + w->at, off - w->at);
  w->at = off;
}

static void on_token(void *ud, const jx_token *t) {
  walk *w = ud;
  int type = token_type(t->kind);
  if (type < 0 || !jx_loc_known(t->loc))
    return;
  size_t off = (size_t)t->loc.offset, len = t->loc.len;
  if (off + len < w->from || off >= w->to || off + len > w->d->len)
    return;
  advance(w, off);
  jx_lsp_pos p = w->pos;
  /* Not past the end of its line. */
  size_t end = off + len;
  const char *text = w->d->text;
  for (size_t i = off; i < end; i++)
    if (text[i] == '\n' || text[i] == '\r') {
      end = i;
      break;
    }
  size_t units = jx_lsp_utf16_len(text + off, end - off);
  if (units == 0)
    return;
  uint32_t dl = p.line - w->last.line;
  uint32_t ds = dl ? p.character : p.character - w->last.character;
  json_array_append_new(w->data, json_integer(dl));
  json_array_append_new(w->data, json_integer(ds));
  json_array_append_new(w->data, json_integer((json_int_t)units));
  json_array_append_new(w->data, json_integer(type));
  json_array_append_new(w->data, json_integer(0));
  w->last = p;
}

static void quiet(void *ud, const jx_diag_record *r) {
  (void)ud;
  (void)r;
}

static json_t *tokens(const jx_lsp_doc *d, size_t from, size_t to) {
  walk w;
  memset(&w, 0, sizeof w);
  w.d = d;
  w.from = from;
  w.to = to;
  w.data = json_array();
  /* Lexical errors are the diagnostics' business, not this reply's. */
  jx_diag *dg = jx_diag_new();
  jx_diag_set_sink(dg, quiet, NULL);
  jx_diag_set_max_errors(dg, 0);
  uint32_t file = jx_diag_add_source(dg, d->path, d->text, d->len);
  jx_arena a;
  jx_arena_init(&a);
  jx_lex_mem(d->text, d->len, file, dg, &a, on_token, &w);
  jx_arena_free(&a);
  jx_diag_free(dg);
  return json_pack("{s:o}", "data", w.data);
}

json_t *jx_lsp_semantic_tokens(jx_lsp *s, json_t *params, json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  return d ? tokens(d, 0, d->len + 1) : NULL;
}

json_t *jx_lsp_semantic_tokens_range(jx_lsp *s, json_t *params,
                                     json_t **error) {
  (void)error;
  jx_lsp_doc *d = jx_lsp_param_doc(s, params, NULL);
  size_t from, to;
  if (!d ||
      !jx_lsp_param_range(d, json_object_get(params, "range"), &from, &to))
    return NULL;
  return tokens(d, from, to);
}
