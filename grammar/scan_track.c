/*
 * scan_track.c — statements followed as their tokens pass: for the
 * suppression comments (suppress.h) and fmt's token hook.
 *
 * `# jxc: ignore[CODE, …]` covers one statement, the one `jxc fmt` keeps
 * it with: the statement it stands inside (between two of its parts), the
 * one whose ';', '{' or '}' it follows on the same line, or else the next
 * one.  A statement that opens a block covers the whole block.  Where a
 * statement begins and ends is told by the tokens alone: its first token,
 * and its ';' or the '}' that closes its block.  So every token returned
 * is followed as jx_lex_direct returns it (jx_scan_track, inline in
 * scan_direct.c at the scanner's exit, which calls jx_scan_track_slow here
 * for the few tokens that matter), for the parser and the tools alike.  Both
 * scanners hand a suppression comment to jx_scan_suppression.
 */
#include <string.h>

#include "scan.h"
/* The token kinds. */
#include "parser.h"

static void sup_open(jx_scan *s, size_t entry, int depth, bool waiting) {
  if (s->n_sup_open == s->cap_sup_open) {
    s->cap_sup_open = s->cap_sup_open ? 2 * s->cap_sup_open : 4;
    s->sup_open =
        jx_xrealloc(s->sup_open, s->cap_sup_open * sizeof *s->sup_open);
  }
  s->sup_open[s->n_sup_open].entry = entry;
  s->sup_open[s->n_sup_open].depth = depth;
  s->sup_open[s->n_sup_open].waiting = waiting;
  s->n_sup_open++;
  s->track_all = true;
}

/* One code of a comment, at loc: a warning's is recorded, anything else
 * said (errors cannot be silenced). */
static void sup_code(jx_scan *s, const char *code, size_t n, jx_loc loc,
                     jx_loc comment) {
  char c[64];
  if (n >= sizeof c)
    n = sizeof c - 1;
  memcpy(c, code, n);
  c[n] = '\0';
  jx_code_kind k = jx_diag_code_kind(c);
  if (k != JX_CODE_WARNING) {
    jx_diag_report(s->diag,
                   k == JX_CODE_ERROR ? JX_W_IGNORE_ERROR : JX_W_IGNORE_UNKNOWN,
                   loc, c);
    const char *near = k == JX_CODE_UNKNOWN ? jx_diag_warning_suggest(c) : NULL;
    if (near)
      jx_diag_note(s->diag, JX_N_DID_YOU_MEAN, loc, near);
    return;
  }
  size_t e = jx_suppress_add(s->suppress, c, n, loc);
  if (s->in_stmt) {
    /* Inside a statement: that statement. */
    jx_suppress_start(s->suppress, e, s->stmt_at);
    sup_open(s, e, s->depth, false);
  } else if (s->last_line == comment.line && s->last_tok == LBRACE) {
    /* After a block's '{': the block. */
    jx_suppress_start(s->suppress, e, s->block_at[s->depth - 1]);
    sup_open(s, e, s->depth - 1, false);
  } else if (s->last_line == comment.line &&
             (s->last_tok == SEMI || s->last_tok == RBRACE)) {
    /* After a statement's ';' or '}': that statement. */
    jx_suppress_start(s->suppress, e, s->closed_at);
    jx_suppress_end(s->suppress, e, s->closed_end);
  } else {
    sup_open(s, e, s->depth, true); /* the next statement */
  }
}

/* The comment `text` (the whole match of the rule) at loc. */
void jx_scan_suppression(jx_scan *s, const char *text, size_t n, jx_loc loc) {
  if (!s->suppress)
    return;
  size_t i = 0;
  while (i < n && text[i] != '[')
    i++;
  while (i < n && text[i] != ']') {
    i++; /* '[' or ',' */
    while (i < n && (text[i] == ' ' || text[i] == '\t'))
      i++;
    size_t b = i;
    while (i < n && text[i] != ',' && text[i] != ']' && text[i] != ' ' &&
           text[i] != '\t')
      i++;
    jx_loc c = loc;
    c.offset += b;
    c.col += (uint32_t)b;
    c.len = (uint32_t)(i - b);
    sup_code(s, text + b, i - b, c, loc);
    while (i < n && (text[i] == ' ' || text[i] == '\t'))
      i++;
  }
}

/* The statements of the open comments, after token t at loc. */
static void sup_track(jx_scan *s, int t, int before, const jx_loc *loc) {
  size_t k = 0;
  for (size_t i = 0; i < s->n_sup_open; i++) {
    struct jx_sup_open o = s->sup_open[i];
    bool done;
    if (t == YYEOF) {
      jx_suppress_end(s->suppress, o.entry, loc->offset);
      continue;
    }
    if (o.waiting) {
      jx_suppress_start(s->suppress, o.entry, loc->offset);
      o.waiting = false;
      o.depth = before;
    }
    done = (t == SEMI && s->depth == o.depth) ||
           (t == RBRACE && s->depth <= o.depth);
    if (done)
      jx_suppress_end(s->suppress, o.entry, loc->offset + loc->len);
    else
      s->sup_open[k++] = o;
  }
  s->n_sup_open = k;
  s->track_all = k || s->on_token;
}

/* A brace, the end, a ';' while something is tracked, a comment waiting
 * for its statement, or fmt's hook (jx_scan_track, scan_direct.c, ends a
 * statement itself when nothing is tracked: a sixth of the tokens). */
void jx_scan_track_slow(jx_scan *s, int t, const jx_loc *loc) {
  int before = s->depth;
  uint64_t at = s->in_stmt ? s->stmt_at : loc->offset;
  if (t == LBRACE) {
    if ((size_t)s->depth == s->cap_block_at) {
      s->cap_block_at = s->cap_block_at ? 2 * s->cap_block_at : 16;
      s->block_at =
          jx_xrealloc(s->block_at, s->cap_block_at * sizeof *s->block_at);
    }
    s->block_at[s->depth++] = at;
    s->in_stmt = false;
  } else if (t == SEMI || t == RBRACE) {
    if (t == RBRACE && s->depth > 0)
      at = s->block_at[--s->depth];
    s->closed_at = at;
    s->closed_end = loc->offset + loc->len;
    s->in_stmt = false;
  } else if (!s->in_stmt && t != YYEOF) {
    s->in_stmt = true;
    s->stmt_at = loc->offset;
  }
  s->last_tok = t;
  s->last_line = loc->line;
  if (s->n_sup_open)
    sup_track(s, t, before, loc);
  if (s->on_token) /* fmt counts the keywords of each language */
    s->on_token(s->hooks->ud, t, loc);
}
