/*
 * scan.h — state shared by the lexer (lexer.l) and the parser (parser.y).
 *
 * One jx_scan is the flex "extra" and the bison parse parameter at once:
 * the lexer keeps its position and string buffer here, the parser its
 * current unit, its list of top-level declarations and the sink it hands
 * finished declarations to.  Nothing is global, so any number of parses
 * can run side by side.  Private to grammar/ and grammar/parse.c.
 */
#ifndef JX_SCAN_H
#define JX_SCAN_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "source.h"
#include "suppress.h"
#include "vocab.h"

/* Semantic value helpers (members of the bison %union).  Every member is
 * at most 16 bytes: bison copies a value at every shift and reduction, so
 * anything larger travels as a pointer into the arena, and a token's text
 * travels without its place, which is the token's location (@N). */
typedef struct jx_list {
  jx_node *head, *tail;
} jx_list;

typedef struct jx_path {
  jx_text l1, l2; /* l1.text NULL for a lone word */
} jx_path;

typedef struct jx_sched_list {
  jx_schedule_entry *head, *tail;
} jx_sched_list;

/* An actual's value: a value, `targeted`, a rating word, or a text with
 * a rating after it. */
typedef struct jx_act_value {
  jx_value value;
  bool targeted;
  jx_loc targeted_loc;
  jx_text rating;
} jx_act_value;

typedef struct jx_arg_list {
  jx_setting_arg *head, *tail;
} jx_arg_list;

typedef struct jx_line_list {
  jx_line *head, *tail;
} jx_line_list;

typedef struct jx_scan {
  jx_arena *arena;
  jx_diag *diag;
  uint32_t file;

  /* Input: a source (source.h), or a memory block read in pieces like
   * one. */
  jx_source *src;
  const char *mem;
  size_t mem_len, mem_pos;
  /* A read failed: the input ends early, and what the lexer and parser
   * would say about that false end (a token cut short, an unexpected end
   * of file) is not said. */
  bool read_failed;
  /* The input is in another encoding (GBK): said once, and read no
   * further; its end is false too. */
  bool not_utf8;
  /* The input's first bytes read as GBK text (parse.c): a byte that is
   * not UTF-8 is taken for the encoding, not for one bad byte. */
  bool encoding_seen, gbk_text;

  /* The hand-written scanner (scan_direct.c) reads the input into its
   * own buffer, buf[0] being the input's byte `base`; pos is where the
   * next token starts, end where the bytes read end.  flex_scanner: every
   * token by flex instead (tests; JX_SCANNER=flex).  feeding: flex is
   * reading one token from buf, from feed on, chunk bytes at a time. */
  struct jx_direct {
    char *buf;
    size_t cap, pos, end, feed, chunk;
    size_t lim; /* a token from lim on may go on past end (refill) */
    uint64_t base;
    bool eof;        /* the input has ended (or its reads have) */
    bool done;       /* the end was returned */
    bool ready;      /* there is a buffer, and no end returned */
    size_t max_read; /* tests: reads at most this many bytes (0: any) */
    /* The last line break read by hand: where, its line's start, and
     * where the line after it starts. */
    uint64_t nl_at, nl_line_start, nl_end;
    /* What jx_lex_direct's hot path reads instead (kept by sync): pos and
     * lim as pointers, base less the buffer's address (a token's offset
     * is its address plus that), and the line and 1 - line_start packed
     * as a place's line and column (lc + (offset << 32) is both). */
    const char *next, *limp;
    uint64_t obase, lc;
  } dir;
  bool flex_scanner, feeding;
  /* flex's scanner (a yyscan_t), for the tokens handed to it: kept here,
   * not passed, as the parser calls jx_lex_direct for every token */
  void *flex;

  /* Strings by flex's rules alone, without the fast path (lex_fast.h):
   * for the test that the two read alike. */
  bool flex_only;

  /* Position of the next byte the lexer will consume. */
  uint64_t offset;
  uint32_t line;
  uint64_t line_start;

  /* A string or comment being accumulated (reused between tokens). */
  char *sbuf;
  size_t slen, scap;
  jx_loc sloc; /* where it started */
  bool sbad;   /* an error was reported inside it */
  bool slong;  /* it grew past the longest string kept */
  int sdepth;  /* a string in “ ”: the quotes open in it, its own too */
  int lex_errors;
  bool said_percent;     /* the help for a stray % was given (once a file) */
  const char *last_word; /* text of the last WORD token (for hints) */
  const char *prev_word; /* and of the one before it */
  jx_vocab_index vocab;  /* the keywords, signs and marks (vocab.def) */
  /* The hand-written scanner's memo of the tokens of three-byte signs
   * and marks (＝ ≥ ；…), by their last byte: key 0 is empty (scan_direct.c,
   * lookup3). */
  struct {
    uint32_t key;
    int tok;
  } memo3[16];
  /* And the token of each one-byte spelling (; { = …), 0 for none or a
   * month's, set before its first token. */
  uint16_t tok1[128];

  /* Suppression comments (suppress.h; NULL: read as comments only).  The
   * lexer follows the statements of the tokens it returns (where each
   * starts, the blocks open, the line of the last token) to say which
   * statement each comment covers (jx_lex_direct, scan_track.c). */
  jx_suppress *suppress;
  int depth; /* blocks open */
  /* in_stmt: a statement has begun and not ended.  track_all: n_sup_open
   * or on_token, every token to jx_scan_track_slow.  Side by side, so
   * that jx_scan_track tells the commonest case (in a statement, nothing
   * tracked) by one comparison of both (JX_TRACK_IN_STMT). */
  union {
    struct {
      bool in_stmt;
      bool track_all;
    };
    uint16_t stmt_track;
  };
  uint64_t stmt_at;   /* where it began */
  uint64_t *block_at; /* where each open block's statement began */
  size_t cap_block_at;
  /* the last token, and its line, when it ended a statement (';', '{',
   * '}') or the file: jx_scan_track keeps them only for those */
  int last_tok;
  uint32_t last_line;
  uint64_t closed_at, closed_end; /* the statement the last ';' or '}' ended */
  struct jx_sup_open {            /* comments whose statement has not ended */
    size_t entry;                 /* in suppress */
    int depth;                    /* the statement's */
    bool waiting;                 /* for the statement's first token */
  } * sup_open;
  size_t n_sup_open, cap_sup_open;

  /* Parser state. */
  const jx_sink *sink;
  const jx_parse_hooks *hooks;                             /* NULL: none */
  void (*on_token)(void *ud, int kind, const jx_loc *loc); /* hooks->token */
  bool keep_tree, keep_comments;
  jx_node *cur_unit;
  jx_arena_mark unit_mark; /* taken at cur_unit's `unit` keyword */
  jx_list items;           /* top-level declarations, with keep_tree */
  jx_comment *comments, *comments_tail;
  int syntax_errors;
  int errors_at_project; /* syntax + lexical errors when it began */
  /* The last category written as one word, for the error that follows
   * it when its label was typed with a space (经济效益 指标 "…"). */
  const char *cat_text;
  jx_loc cat_loc;
} jx_scan;

_Static_assert(sizeof(bool) == 1 && sizeof(uint16_t) == 2,
               "in_stmt and track_all are stmt_track's two bytes");
/* jx_scan.stmt_track with in_stmt and not track_all (a constant once
 * compiled, whatever the byte order). */
static inline uint16_t jx_track_in_stmt(void) {
  union { /* jx_scan's */
    struct {
      bool in_stmt, track_all;
    } b;
    uint16_t stmt_track;
  } x = {{true, false}};
  return x.stmt_track;
}
#define JX_TRACK_IN_STMT jx_track_in_stmt()

/* Appends n to a list (nodes are linked through next). */
static inline void jx_list_add(jx_list *l, jx_node *n) {
  if (!n)
    return;
  n->next = NULL;
  if (l->tail)
    l->tail->next = n;
  else
    l->head = n;
  l->tail = n;
}

/* Reads up to max bytes of input (flex's YY_INPUT).  Returns 0 at the end,
 * after a read error, and once the error cap is reached. */
size_t jx_scan_read(jx_scan *s, char *buf, size_t max);
/* flex's YY_INPUT while the hand-written scanner hands it a token. */
size_t jx_direct_feed(jx_scan *s, char *buf, size_t max);
/* The suppression comment `text` (its whole match) at loc: its codes
 * recorded for the statement it covers (scan_track.c). */
void jx_scan_suppression(jx_scan *s, const char *text, size_t n, jx_loc loc);
/* Token t at loc returned, when it is a brace, a ';', the end, or a
 * comment or fmt's hook waits (jx_scan_track in parser.y tells). */
void jx_scan_track_slow(jx_scan *s, int t, const jx_loc *loc);
/* A top-level declaration (or a project) has been handed to the sink: the
 * bytes before the current line, or before the lookahead token's line,
 * will not be quoted again (see jx_source_forget). */
void jx_scan_forget(jx_scan *s, const jx_loc *lookahead);

#endif
