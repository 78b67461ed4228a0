/*
 * parser.y — the jixiao grammar: tokens into AST nodes.
 *
 * A pure (reentrant) LALR(1) parser with locations.  Actions only build
 * nodes and hand each finished top-level declaration to the sink; every
 * rule of the domain is the checker's business (compiler/check/check.c).
 *
 * Streaming: a project's memory is marked when its `project` keyword is
 * shifted and released once the sink has seen the whole project.  The
 * release happens only when no lookahead token has been read
 * (yychar == YYEMPTY), which the grammar guarantees after a closing brace;
 * in any other case (error recovery) the memory simply stays allocated.
 *
 * Error recovery: at every statement (`error ;`) and block (`error }`), so
 * one run reports every syntax error and the next declaration still parses.
 */

%require "3.6"
%define api.pure full
%define parse.error custom
%locations
%define api.location.type {jx_loc}
%param {yyscan_t scanner}
%parse-param {jx_scan *p}
%expect 0

%code requires {
#include "scan.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
}

%code provides {
/* Bison's name of a token kind ("'project'", "string"), for lexer tests. */
const char *jx_token_name(int kind);
/* The name of a token kind in messages, in lang: a keyword, operator or
 * mark by its canonical spelling in that language (vocab.def; *literal
 * set: to be quoted), anything else by what it is ("end of file",
 * "字符串").  The one place syntax errors get token names from. */
const char *jx_token_display_name(int kind, jx_lang lang, bool *literal);

/* The statements of the tokens, for suppression comments (lexer.l's
 * sup_code), and fmt's token hook: token t at loc has been returned.
 * Inline here, where the token kinds are known, so that the parser
 * follows them as it reads each token (see jx_lex_raw) instead of through
 * a wrapper around the scanner: for most tokens -- neither a brace nor a
 * ';', no comment waiting, no hook -- it is two stores. */
void jx_scan_track_slow(jx_scan *s, int t, const jx_loc *loc);
static inline void jx_scan_track(jx_scan *s, int t, const jx_loc *loc) {
  if (t == LBRACE || t == SEMI || t == RBRACE || t == YYEOF ||
      s->n_sup_open || s->on_token) {
    jx_scan_track_slow(s, t, loc);
    return;
  }
  if (!s->in_stmt) {
    s->in_stmt = true;
    s->stmt_at = loc->offset;
  }
  s->last_tok = t;
  s->last_line = loc->line;
}
}

%code {
#include <stdio.h>
#include <string.h>

#include "vocab.h"

#include "lexer.h"

/* The scanner without the statements followed (lexer.l): the parser
 * follows them itself, inline (jx_scan_track). */
int jx_lex_raw(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
int jx_lex_direct(jx_scan *s, YYSTYPE *v, jx_loc *loc, yyscan_t flex);
const char *jx_lex_token_text(jx_scan *s, yyscan_t flex, const jx_loc *loc);
static inline int tracked_lex(jx_scan *p, YYSTYPE *lval, YYLTYPE *lloc,
                              yyscan_t scanner) {
  /* The hand-written scanner (scan_direct.c), or flex's alone (tests) */
  int t = p->flex_scanner ? jx_lex_raw(lval, lloc, scanner)
                          : jx_lex_direct(p, lval, lloc, scanner);
  jx_scan_track(p, t, lloc);
  return t;
}
#define yylex(lval, lloc, scanner) tracked_lex(p, lval, lloc, scanner)

/* A rule's location is its first symbol's (an empty rule: a zero-length
 * location where the previous symbol ends). */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                      \
  do {                                                   \
    if (N) {                                             \
      (Cur) = YYRHSLOC(Rhs, 1);                          \
    } else {                                             \
      (Cur) = YYRHSLOC(Rhs, 0);                          \
      (Cur).offset += (Cur).len;                         \
      (Cur).col += (Cur).len;                            \
      (Cur).len = 0;                                     \
    }                                                    \
  } while (0)

static jx_node *node(jx_scan *p, jx_node_kind kind, jx_loc loc) {
  jx_node *n = jx_arena_alloc(p->arena, sizeof *n);
  n->kind = kind;
  n->loc = loc;
  return n;
}

static jx_value na_value(jx_loc loc) {
  jx_value v;
  memset(&v, 0, sizeof v);
  v.kind = JX_VAL_NA;
  v.text = "不涉及";
  v.loc = loc;
  return v;
}

static jx_value text_value(jx_text t) {
  jx_value v;
  memset(&v, 0, sizeof v);
  v.kind = JX_VAL_TEXT;
  v.text = t.text;
  v.loc = t.loc;
  return v;
}

static jx_text no_text(void) {
  jx_text t;
  memset(&t, 0, sizeof t);
  return t;
}

static jx_path no_path(void) {
  jx_path p;
  memset(&p, 0, sizeof p);
  return p;
}

/* An indicator row.  A comparison written after the value (90%以上,
 * 9月前) is its op when none is written before it; with both, the
 * checker says so (op_written and value.post). */
static jx_node *indicator(jx_scan *p, jx_loc loc, jx_loc end, jx_path cat,
                          jx_text name, jx_op op, bool written, jx_loc op_loc,
                          jx_value v, const jx_attrs *ap) {
  jx_attrs a = *ap;
  jx_node *n = node(p, JX_N_INDICATOR, loc);
  if (!written && v.post)
    op = jx_postfix_op((jx_postfix)v.post);
  n->end = end;
  n->u.indicator.level1 = cat.l1;
  n->u.indicator.level2 = cat.l2;
  n->u.indicator.name = name;
  n->u.indicator.op = op;
  n->u.indicator.op_written = written;
  n->u.indicator.op_loc = op_loc;
  n->u.indicator.value = v;
  n->u.indicator.desc = a.desc;
  n->u.indicator.basis = a.basis;
  n->u.indicator.n_desc = a.n_desc;
  n->u.indicator.n_basis = a.n_basis;
  n->u.indicator.dup_loc = a.dup_loc;
  for (int i = 0; i < JX_EXPL_COUNT; i++)
    n->u.indicator.expl[i] = a.expl[i];
  n->u.indicator.n_expl_dup = a.n_expl_dup;
  n->u.indicator.expl_dup = a.expl_dup;
  n->u.indicator.expl_dup_loc = a.expl_dup_loc;
  n->u.indicator.has_period = a.has_period;
  n->u.indicator.n_period = a.n_period;
  n->u.indicator.period_loc = a.period_loc;
  n->u.indicator.period_op = a.period_op;
  n->u.indicator.period_op_written = a.period_op_written;
  n->u.indicator.period_op_loc = a.period_op_loc;
  n->u.indicator.period_value = a.period_value;
  return n;
}

static jx_value no_value(jx_loc at) {
  jx_value v;
  memset(&v, 0, sizeof v);
  v.loc = at;
  v.loc.len = 0;
  return v;
}

/* One explanation column of an indicator; a repeat is counted. */
static void expl_attr(jx_attrs *a, jx_expl k, jx_text t, jx_loc kw) {
  if (!a->expl[k].text) {
    a->expl[k] = t;
  } else if (a->n_expl_dup++ == 0) {
    a->expl_dup = k;
    a->expl_dup_loc = kw;
  }
}

/* `period [op] value` after an indicator's target. */
static void period_attr(jx_attrs *a, jx_loc kw, jx_op op, bool written,
                        jx_loc op_loc, jx_value v) {
  if (a->n_period++ > 0)
    return;
  a->has_period = true;
  a->period_loc = kw;
  /* 90%以上 after `period`: as for the row's own target (indicator). */
  if (!written && v.post)
    op = jx_postfix_op((jx_postfix)v.post);
  a->period_op = op;
  a->period_op_written = written;
  a->period_op_loc = op_loc;
  a->period_value = v;
}

static jx_node *text_stmt(jx_scan *p, jx_node_kind kind, jx_loc loc,
                          jx_loc end, jx_text t) {
  jx_node *n = node(p, kind, loc);
  n->end = end;
  n->u.text.text = t;
  return n;
}

static jx_text number_text(jx_value v) {
  jx_text t = {v.text, v.loc};
  return t;
}

static jx_node *attr_stmt(jx_scan *p, jx_attr_key key, jx_loc loc, jx_loc end,
                          jx_text name, jx_text value, jx_text extra) {
  jx_node *n = node(p, JX_N_ATTR, loc);
  n->end = end;
  n->u.attr.key = key;
  n->u.attr.name = name;
  n->u.attr.value = value;
  n->u.attr.extra = extra;
  return n;
}

static jx_node *org_stmt(jx_scan *p, jx_org_role role, jx_loc loc, jx_loc end,
                         jx_text code, jx_text name) {
  jx_node *n = node(p, JX_N_ORG, loc);
  n->end = end;
  n->u.org.role = role;
  n->u.org.code = code;
  n->u.org.name = name;
  return n;
}

static jx_funds_part *funds_part(jx_scan *p, jx_node *f, int token,
                                 jx_text word, jx_value amount) {
  jx_funds_part *x = jx_arena_alloc(p->arena, sizeof *x);
  x->token = token;
  x->word = word;
  x->amount = amount;
  jx_funds_part **at = &f->u.funds.parts;
  while (*at)
    at = &(*at)->next;
  *at = x;
  return x;
}

static jx_line *line_item(jx_scan *p, jx_text name, jx_value amount) {
  jx_line *x = jx_arena_alloc(p->arena, sizeof *x);
  x->name = name;
  x->amount = amount;
  return x;
}

static jx_node *finish_project(jx_scan *p, jx_loc loc, jx_loc open,
                               jx_text name, jx_node *budget, jx_node *items,
                               jx_loc close) {
  jx_node *n = node(p, JX_N_PROJECT, loc);
  n->end = open;
  n->u.block.name = name;
  n->u.block.close = close;
  if (budget) {
    budget->next = items;
    items = budget;
  }
  n->u.block.items = items;
  n->u.block.recovered =
      p->syntax_errors + p->lex_errors != p->errors_at_project;
  p->sink->project(p->sink->ud, n, p->cur_unit);
  return n;
}

/* Ends a unit: hands it to the sink, then (streaming, and when no
 * lookahead was read) gives its memory back and returns NULL. */
static jx_node *close_unit(jx_scan *p, jx_unit_head h, jx_node *items,
                           jx_loc close, bool no_lookahead) {
  jx_node *n = h.node;
  n->u.block.items = items;
  n->u.block.close = close;
  if (p->sink->unit_close)
    p->sink->unit_close(p->sink->ud, n);
  p->cur_unit = NULL;
  if (!p->keep_tree && no_lookahead) {
    jx_arena_release(p->arena, h.mark);
    return NULL;
  }
  return n;
}

static jx_node *actual(jx_scan *p, jx_loc loc, jx_loc end,
                       jx_actual_what what, jx_text name, jx_act_value v,
                       const jx_act_attrs *ap) {
  jx_act_attrs a = *ap;
  jx_node *n = node(p, JX_N_ACTUAL, loc);
  n->end = end;
  n->u.actual.what = what;
  n->u.actual.name = name;
  n->u.actual.value = v.value;
  n->u.actual.targeted = v.targeted;
  n->u.actual.targeted_loc = v.targeted_loc;
  n->u.actual.rating = v.rating;
  n->u.actual.weight = a.weight;
  n->u.actual.score = a.score;
  n->u.actual.reason = a.reason;
  n->u.actual.reason_text = a.reason_text;
  n->u.actual.measure = a.measure;
  n->u.actual.likelihood = a.likelihood;
  n->u.actual.dup_loc = a.dup_loc;
  return n;
}

/* An attribute of an actual given twice: the tree keeps one, so the
 * second is an error here (the checker never sees actuals), and the
 * file does not parse cleanly, so neither fmt nor a build drops it. */
static void attr_twice(jx_scan *p, jx_act_attrs *a, jx_loc at) {
  if (!a->dup_loc.line)
    a->dup_loc = at;
  p->syntax_errors++;
  if (!p->read_failed)
    jx_diag_report(p->diag, JX_E_ACTUAL_REPEAT, at);
}

static void attr_text(jx_scan *p, jx_act_attrs *a, jx_text *slot, jx_text t,
                      jx_loc at) {
  if (!slot->text && !slot->loc.line)
    *slot = t;
  else
    attr_twice(p, a, at);
}

static void attr_value(jx_scan *p, jx_act_attrs *a, jx_value *slot,
                       jx_value v, jx_loc at) {
  if (slot->kind == JX_VAL_NONE)
    *slot = v;
  else
    attr_twice(p, a, at);
}

static jx_act_value act_value(jx_value v) {
  jx_act_value a;
  memset(&a, 0, sizeof a);
  a.value = v;
  return a;
}

/* An actual's value in the arena, for the parser's stack (see %union). */
static jx_act_value *act_in_arena(jx_scan *p, jx_act_value a) {
  jx_act_value *x = jx_arena_alloc(p->arena, sizeof *x);
  *x = a;
  return x;
}

/* No value written (its kind JX_VAL_NONE). */
static jx_act_value no_act_value(void) {
  jx_act_value a;
  memset(&a, 0, sizeof a);
  return a;
}

static jx_value word_value(jx_text t) {
  jx_value v = text_value(t);
  v.kind = JX_VAL_WORD;
  return v;
}

static void yyerror(const jx_loc *loc, yyscan_t scanner, jx_scan *p,
                    const char *msg);

/* In an action: the sink has the declaration (see jx_scan_forget). */
#define FORGET() jx_scan_forget(p, yychar == YYEMPTY ? NULL : &yylloc)
/* A unit's own statement, for a sink that prints as it goes (fmt). */
#define UNIT_ITEM(n)                                                      \
  do {                                                                    \
    if (p->hooks && p->hooks->unit_item)                                  \
      p->hooks->unit_item(p->hooks->ud, (n));                             \
  } while (0)
}

%union {
  jx_text text;
  jx_value value;
  jx_path path;
  int month;
  jx_op op;
  jx_node *node;
  jx_list list;
  jx_attrs *attrs; /* in the arena: a pointer keeps every stack slot small */
  jx_sched_list sched;
  jx_arena_mark mark;
  jx_unit_head uhead;
  jx_act_value *actval;
  jx_act_attrs *actattrs;
  jx_arg_list args;
  struct jx_line_list { jx_line *head, *tail; } line;
}

%token <text>  STRING     "string"
%token <value> NUMBER     "number"
%token <value> DATE       "date"
%token <value> DATE_RANGE "date range"
%token <text>  WORD       "word"
%token <path>  PATH       "category"
%token <month> MONTH      "month"
%token NA         "'n/a'"
%token PLAN       "'plan'"
%token FRAMEWORK  "'framework'"
%token CURRENCY   "'currency'"
%token DEPARTMENT "'department'"
%token DIVISION   "'division'"
%token UNIT       "'unit'"
%token PROJECT    "'project'"
%token GOAL       "'goal'"
%token MEASURE    "'measure'"
%token INDICATOR  "'indicator'"
%token BUDGET     "'budget'"
%token CODE       "'code'"
%token FUNDS      "'funds'"
%token FISCAL     "'fiscal'"
%token OTHER      "'other'"
%token PURPOSE    "'purpose'"
%token SCHEDULE   "'schedule'"
%token DESC       "'desc'"
%token BASIS      "'basis'"
%token ROLE       "'role'"
%token ACTUALS    "'actuals'"
%token SPENT      "'spent'"
%token BUDGET_FULL "'budget_full'"
%token WEIGHT     "'weight'"
%token SCORE      "'score'"
%token REASON     "'reason'"
%token LIKELIHOOD "'likelihood'"
%token TARGETED   "'targeted'"
%token PROFILE    "'profile'"
%token TARGET      "'target'"
%token FORM        "'form'"
%token SUPERVISOR  "'supervisor'"
%token IMPLEMENTER "'implementer'"
%token TOTAL       "'total'"
%token PERIOD      "'period'"
%token OVERALL     "'overall'"
%token CLASS       "'class'"
%token NATURE      "'nature'"
%token POLICY      "'policy'"
%token DOCUMENT    "'document'"
%token SUBJECT     "'subject'"
%token MANAGER     "'manager'"
%token CONTACT     "'contact'"
%token ATTRIBUTE   "'attribute'"
%token BREAKDOWN   "'breakdown'"
%token STANDARD    "'standard'"
%token EXPLANATION "'explanation'"
%token NOTE        "'note'"
%token REMARK      "'remark'"
%token SCORING     "'scoring'"
%token GE         "'>='"
%token LE         "'<='"
%token GT         "'>'"
%token LT         "'<'"
%token EQ         "'='"
%token SEMI       "';'"
%token LBRACE     "'{'"
%token RBRACE     "'}'"

%type <node> header header_parts framework_decl level1 level2 department
%type <node> division unit
%type <node> code_stmt budget_stmt breakdown_stmt org_stmt attr_stmt
%type <text> phone_opt org_code
%type <line> lines
%type <uhead> unit_head
%type <node> project budget_opt goal measure indicator
%type <node> indicator_kw project_stmt
%type <list> level1s level2s dept_items div_items unit_items project_items
%type <value> value year_opt
%type <text> unit_code role_opt
%type <path> category
%type <op> op
%type <attrs> attrs
%type <sched> sched_entries
%type <mark> mark project_mark
%type <node> funds_parts
%type <node> actuals_decl actual_project actual_stmt profile_decl setting
%type <list> actual_projects actual_items settings
%type <text> actuals_plan actuals_profile reason_word
%type <actval> actual_value
%type <actattrs> actual_attrs
%type <args> setting_args
%type <value> setting_arg

%%

/* file -> decl* */
file
  : %empty
  | file decl
  ;

/* After each declaration, the lines before it will not be quoted again
 * (FORGET: a stream's copy of them can go). */
decl
  : header           { if (p->sink->header) p->sink->header(p->sink->ud, $1);
                       if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | framework_decl   { if (p->sink->framework)
                         p->sink->framework(p->sink->ud, $1);
                       if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | department       { if (p->sink->department)
                         p->sink->department(p->sink->ud, $1);
                       if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | unit             { if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | project          { if (p->keep_tree) jx_list_add(&p->items, $1); }
  | actuals_decl     { if (p->sink->actuals) p->sink->actuals(p->sink->ud, $1);
                       if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | profile_decl     { if (p->sink->profile) p->sink->profile(p->sink->ud, $1);
                       if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  /* Recovery at top level means no unit is open any more. */
  | error SEMI       { yyerrok; p->cur_unit = NULL; FORGET(); }
  | error RBRACE     { yyerrok; p->cur_unit = NULL; FORGET(); }
  ;

/* header -> plan [NUMBER] (framework WORD | form WORD | currency WORD)* ;
 * Each part at most once (the checker reports a repeat), in any order. */
header
  : PLAN year_opt header_parts SEMI {
      $$ = $3;
      $$->loc = @1;
      $$->end = @4;
      $$->u.header.year = $2;
    }
  ;
year_opt
  : %empty  { memset(&$$, 0, sizeof $$); }
  | NUMBER
  ;
header_parts
  : %empty  { $$ = node(p, JX_N_HEADER, @$); }
  | header_parts FRAMEWORK WORD {
      $$ = $1;
      if ($$->u.header.framework.text && !$$->u.header.dup_loc.line)
        $$->u.header.dup_loc = @2;
      else if (!$$->u.header.framework.text)
        $$->u.header.framework = $3;
    }
  | header_parts FORM WORD {
      $$ = $1;
      if ($$->u.header.form.text && !$$->u.header.dup_loc.line)
        $$->u.header.dup_loc = @2;
      else if (!$$->u.header.form.text)
        $$->u.header.form = $3;
    }
  | header_parts CURRENCY WORD {
      $$ = $1;
      if ($$->u.header.currency.text && !$$->u.header.dup_loc.line)
        $$->u.header.dup_loc = @2;
      else if (!$$->u.header.currency.text)
        $$->u.header.currency = $3;
    }
  ;

block_open : LBRACE | LT ;
block_close : RBRACE | GT ;

/* framework_decl -> framework WORD [STRING] { level1* } */
framework_decl
  : FRAMEWORK WORD block_open level1s block_close {
      $$ = node(p, JX_N_FRAMEWORK, @1);
      $$->end = @3;
      $$->u.block.code = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @5;
    }
  | FRAMEWORK WORD STRING block_open level1s block_close {
      $$ = node(p, JX_N_FRAMEWORK, @1);
      $$->end = @4;
      $$->u.block.code = $2;
      $$->u.block.name = $3;
      $$->u.block.items = $5.head;
      $$->u.block.close = @6;
    }
  ;
level1s
  : %empty              { $$.head = $$.tail = NULL; }
  | level1s level1      { $$ = $1; jx_list_add(&$$, $2); }
  | level1s error SEMI  { $$ = $1; yyerrok; }
  ;
/* level1 -> WORD STRING [role WORD] { level2* } */
level1
  : WORD STRING role_opt block_open level2s block_close {
      $$ = node(p, JX_N_LEVEL1, @1);
      $$->end = @4;
      $$->u.block.code = $1;
      $$->u.block.name = $2;
      $$->u.block.role = $3;
      $$->u.block.items = $5.head;
      $$->u.block.close = @6;
    }
  ;
level2s
  : %empty              { $$.head = $$.tail = NULL; }
  | level2s level2      { $$ = $1; jx_list_add(&$$, $2); }
  | level2s error SEMI  { $$ = $1; yyerrok; }
  ;
/* level2 -> WORD STRING [role WORD] ; */
level2
  : WORD STRING role_opt SEMI {
      $$ = node(p, JX_N_LEVEL2, @1);
      $$->end = @4;
      $$->u.level2.code = $1;
      $$->u.level2.label = $2;
      $$->u.level2.role = $3;
    }
  ;
role_opt
  : %empty     { $$ = no_text(); }
  | ROLE WORD  { $$ = $2; }
  ;

/* department -> department STRING { (goal | division | measure | indicator)* } */
department
  : DEPARTMENT STRING block_open dept_items block_close {
      $$ = node(p, JX_N_DEPARTMENT, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @5;
    }
  | DEPARTMENT STRING block_open dept_items error block_close {
      $$ = node(p, JX_N_DEPARTMENT, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @6;
    }
  ;
dept_items
  : %empty                 { $$.head = $$.tail = NULL; }
  | dept_items goal        { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items division    { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items measure     { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items indicator_kw { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items indicator   { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items code_stmt   { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items budget_stmt { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items breakdown_stmt { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items error SEMI  { $$ = $1; yyerrok; }
  ;

/* division -> division STRING { (goal | indicator)* } */
division
  : DIVISION STRING block_open div_items block_close {
      $$ = node(p, JX_N_DIVISION, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @5;
    }
  | DIVISION STRING block_open div_items error block_close {
      $$ = node(p, JX_N_DIVISION, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @6;
    }
  ;
div_items
  : %empty                  { $$.head = $$.tail = NULL; }
  | div_items goal          { $$ = $1; jx_list_add(&$$, $2); }
  | div_items indicator_kw  { $$ = $1; jx_list_add(&$$, $2); }
  | div_items indicator     { $$ = $1; jx_list_add(&$$, $2); }
  | div_items error SEMI    { $$ = $1; yyerrok; }
  ;

/* unit -> unit CODE STRING { (goal | measure | project)* } */
unit
  : unit_head unit_items block_close {
      $$ = close_unit(p, $1, $2.head, @3, yychar == YYEMPTY);
    }
  | unit_head unit_items error block_close {
      $$ = close_unit(p, $1, $2.head, @4, yychar == YYEMPTY);
    }
  ;
/* The unit's memory, like a project's, is released once the sink has seen
 * it: a province has tens of thousands of units. */
unit_head
  : UNIT mark unit_code STRING block_open {
      $$.node = node(p, JX_N_UNIT, @1);
      $$.node->end = @5;
      $$.node->u.block.code = $3;
      $$.node->u.block.name = $4;
      $$.mark = $2;
      p->cur_unit = $$.node;
      if (p->sink->unit_open)
        p->sink->unit_open(p->sink->ud, $$.node);
    }
  /* A unit known by its name alone (most forms print no unit code). */
  | UNIT mark STRING block_open {
      $$.node = node(p, JX_N_UNIT, @1);
      $$.node->end = @4;
      $$.node->u.block.name = $3;
      $$.mark = $2;
      p->cur_unit = $$.node;
      if (p->sink->unit_open)
        p->sink->unit_open(p->sink->ud, $$.node);
    }
  ;
unit_code
  : NUMBER  { $$.text = $1.text; $$.loc = $1.loc; }
  | STRING
  ;
unit_items
  : %empty                 { $$.head = $$.tail = NULL; }
  | unit_items goal        { $$ = $1; jx_list_add(&$$, $2); UNIT_ITEM($2); }
  | unit_items measure     { $$ = $1; jx_list_add(&$$, $2); UNIT_ITEM($2); }
  | unit_items project     { $$ = $1; if (p->keep_tree) jx_list_add(&$$, $2); }
  /* Said once for the projects after it (issue 11). */
  | unit_items org_stmt    {
      $$ = $1;
      jx_list_add(&$$, $2);
      int r = (int)$2->u.org.role;
      if (p->cur_unit && !p->cur_unit->u.block.org[r])
        p->cur_unit->u.block.org[r] = $2;
      UNIT_ITEM($2);
    }
  | unit_items error SEMI  { $$ = $1; yyerrok; }
  ;

/* project -> project STRING [budget NUMBER] { project_stmt* }
 * Handed to the sink as soon as it closes; without keep_tree its memory
 * (everything allocated since `mark`) is released and $$ is NULL. */
project
  : PROJECT project_mark STRING budget_opt block_open project_items
    block_close {
      p->cat_text = NULL; /* its memory may go */
      $$ = finish_project(p, @1, @5, $3, $4, $6.head, @7);
      if (!p->keep_tree && yychar == YYEMPTY) {
        jx_arena_release(p->arena, $2);
        $$ = NULL;
      }
      FORGET();
    }
  /* A broken project is not checked (its errors would only echo the
   * syntax error); its memory goes back all the same. */
  | PROJECT project_mark STRING budget_opt block_open project_items error
    block_close {
      $$ = NULL;
      p->cat_text = NULL;
      if (!p->keep_tree && yychar == YYEMPTY)
        jx_arena_release(p->arena, $2);
      FORGET();
    }
  ;
budget_opt
  : %empty        { $$ = NULL; }
  | BUDGET NUMBER {
      $$ = node(p, JX_N_BUDGET, @1);
      $$->end = @2;
      $$->u.budget.amount = $2;
      $$->u.budget.in_header = true;
    }
  ;
mark
  : %empty  { $$ = jx_arena_mark_now(p->arena); }
  ;
project_mark
  : %empty  {
      $$ = jx_arena_mark_now(p->arena);
      p->errors_at_project = p->syntax_errors + p->lex_errors;
    }
  ;
project_items
  : %empty                      { $$.head = $$.tail = NULL; }
  | project_items project_stmt  { $$ = $1; jx_list_add(&$$, $2); }
  | project_items error SEMI    { $$ = $1; yyerrok; }
  ;
project_stmt
  : code_stmt
  | budget_stmt
  | TOTAL NUMBER SEMI {
      $$ = node(p, JX_N_TOTAL, @1);
      $$->end = @3;
      $$->u.budget.amount = $2;
    }
  | FUNDS funds_parts SEMI { $$ = $2; $$->end = @3; }
  | org_stmt
  | attr_stmt
  | breakdown_stmt
  | PERIOD value SEMI {
      $$ = node(p, JX_N_PERIOD, @1);
      $$->end = @3;
      $$->u.period.value = $2;
    }
  | OVERALL STRING SEMI { $$ = text_stmt(p, JX_N_OVERALL, @1, @3, $2); }
  | PURPOSE STRING SEMI {
      $$ = node(p, JX_N_PURPOSE, @1);
      $$->end = @3;
      $$->u.text.text = $2;
    }
  | SCHEDULE sched_entries SEMI {
      $$ = node(p, JX_N_SCHEDULE, @1);
      $$->end = @3;
      $$->u.schedule.entries = $2.head;
    }
  | goal
  | indicator
  | indicator_kw /* an error the checker explains (indicator-in-project) */
  ;
code_stmt
  : CODE STRING SEMI {
      $$ = node(p, JX_N_CODE, @1);
      $$->end = @3;
      $$->u.text.text = $2;
    }
  | CODE NUMBER SEMI {
      $$ = node(p, JX_N_CODE, @1);
      $$->end = @3;
      $$->u.text.text.text = $2.text;
      $$->u.text.text.loc = $2.loc;
    }
  ;
budget_stmt
  : BUDGET NUMBER SEMI {
      $$ = node(p, JX_N_BUDGET, @1);
      $$->end = @3;
      $$->u.budget.amount = $2;
    }
  ;
/* supervisor|implementer [CODE] NAME ; -- the name may carry its code as
 * the form prints it ("505_湘西州教育和体育局", "[610001]…"). */
org_stmt
  : SUPERVISOR org_code STRING SEMI {
      $$ = org_stmt(p, JX_ORG_SUPERVISOR, @1, @4, $2, $3);
    }
  | SUPERVISOR STRING SEMI {
      $$ = org_stmt(p, JX_ORG_SUPERVISOR, @1, @3, no_text(), $2);
    }
  | IMPLEMENTER org_code STRING SEMI {
      $$ = org_stmt(p, JX_ORG_IMPLEMENTER, @1, @4, $2, $3);
    }
  | IMPLEMENTER STRING SEMI {
      $$ = org_stmt(p, JX_ORG_IMPLEMENTER, @1, @3, no_text(), $2);
    }
  ;
org_code
  : NUMBER  { $$ = number_text($1); }
  | STRING
  ;
/* The header fields of a form: class "…"; manager "name" ["phone"]; … */
attr_stmt
  : CLASS STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_CLASS, @1, @3, no_text(), $2, no_text());
    }
  | NATURE STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_NATURE, @1, @3, no_text(), $2, no_text());
    }
  | POLICY STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_POLICY, @1, @3, no_text(), $2, no_text());
    }
  | DOCUMENT STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_DOCUMENT, @1, @3, no_text(), $2, no_text());
    }
  | SUBJECT STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_SUBJECT, @1, @3, no_text(), $2, no_text());
    }
  | SUBJECT NUMBER SEMI {
      $$ = attr_stmt(p, JX_ATTR_SUBJECT, @1, @3, no_text(), number_text($2),
                     no_text());
    }
  | MANAGER STRING phone_opt SEMI {
      $$ = attr_stmt(p, JX_ATTR_MANAGER, @1, @4, no_text(), $2, $3);
    }
  | CONTACT STRING phone_opt SEMI {
      $$ = attr_stmt(p, JX_ATTR_CONTACT, @1, @4, no_text(), $2, $3);
    }
  | ATTRIBUTE STRING STRING SEMI {
      $$ = attr_stmt(p, JX_ATTR_OTHER, @1, @4, $2, $3, no_text());
    }
  ;
phone_opt
  : %empty  { $$ = no_text(); }
  | STRING
  | NUMBER  { $$ = number_text($1); }
  ;
/* breakdown -> breakdown ([STRING] NUMBER)+ ; the line items of the
 * budget, which must add up to it. */
breakdown_stmt
  : BREAKDOWN lines SEMI {
      $$ = node(p, JX_N_BREAKDOWN, @1);
      $$->end = @3;
      $$->u.breakdown.items = $2.head;
    }
  ;
lines
  : %empty  { $$.head = $$.tail = NULL; }
  | lines STRING NUMBER {
      $$ = $1;
      jx_line *x = line_item(p, $2, $3);
      if ($$.tail) $$.tail->next = x; else $$.head = x;
      $$.tail = x;
    }
  | lines NUMBER {
      $$ = $1;
      jx_line *x = line_item(p, no_text(), $2);
      if ($$.tail) $$.tail->next = x; else $$.head = x;
      $$.tail = x;
    }
  ;
/* funds -> funds (fiscal NUMBER | other NUMBER | SOURCE NUMBER)+ ; where
 * SOURCE is a word of the table of sources (上级资金, 自有资金, 中央 …). */
funds_parts
  : %empty {
      $$ = node(p, JX_N_FUNDS, @0);
    }
  | funds_parts FISCAL NUMBER {
      $$ = $1;
      if ($$->u.funds.n_fiscal++ == 0)
        $$->u.funds.fiscal = $3;
      jx_text w = {NULL, @2};
      funds_part(p, $$, 1, w, $3);
    }
  | funds_parts OTHER NUMBER {
      $$ = $1;
      if ($$->u.funds.n_other++ == 0)
        $$->u.funds.other = $3;
      jx_text w = {NULL, @2};
      funds_part(p, $$, 2, w, $3);
    }
  | funds_parts WORD NUMBER {
      $$ = $1;
      funds_part(p, $$, 0, $2, $3);
    }
  ;
/* schedule -> schedule (MONTH NUMBER)+ ; where MONTH is jan…dec or 3月底 */
sched_entries
  : %empty { $$.head = $$.tail = NULL; }
  | sched_entries MONTH NUMBER {
      $$ = $1;
      jx_schedule_entry *e = jx_arena_alloc(p->arena, sizeof *e);
      e->month.kind = JX_VAL_TEXT;
      e->month.text = jx_token_name(MONTH);
      e->month.loc = @2;
      e->month_no = $2;
      e->percent = $3;
      if ($$.tail) $$.tail->next = e; else $$.head = e;
      $$.tail = e;
    }
  | sched_entries NUMBER NUMBER {
      $$ = $1;
      jx_schedule_entry *e = jx_arena_alloc(p->arena, sizeof *e);
      e->month = $2;
      e->percent = $3;
      if ($$.tail) $$.tail->next = e; else $$.head = e;
      $$.tail = e;
    }
  ;

goal
  : GOAL STRING SEMI {
      $$ = node(p, JX_N_GOAL, @1);
      $$->end = @3;
      $$->u.text.text = $2;
    }
  ;
measure
  : MEASURE STRING SEMI {
      $$ = node(p, JX_N_MEASURE, @1);
      $$->end = @3;
      $$->u.measure.title = $2;
    }
  | MEASURE STRING STRING SEMI {
      $$ = node(p, JX_N_MEASURE, @1);
      $$->end = @4;
      $$->u.measure.title = $2;
      $$->u.measure.text = $3;
    }
  ;

/* ---- the rest of the year (compiler/eval, docs/eval.md) ---------------- */

/* actuals_decl -> actuals [STRING] [profile WORD] { actual_project* } */
actuals_decl
  : ACTUALS actuals_plan actuals_profile block_open actual_projects
    block_close {
      $$ = node(p, JX_N_ACTUALS, @1);
      $$->end = @4;
      $$->u.block.name = $2;
      $$->u.block.code = $3;
      $$->u.block.items = $5.head;
      $$->u.block.close = @6;
    }
  | ACTUALS actuals_plan actuals_profile block_open actual_projects error
    block_close {
      $$ = node(p, JX_N_ACTUALS, @1);
      $$->end = @4;
      $$->u.block.name = $2;
      $$->u.block.code = $3;
      $$->u.block.items = $5.head;
      $$->u.block.close = @7;
      $$->u.block.recovered = true;
    }
  ;
actuals_plan
  : %empty  { $$ = no_text(); }
  | STRING
  ;
actuals_profile
  : %empty        { $$ = no_text(); }
  | PROFILE WORD  { $$ = $2; }
  ;
actual_projects
  : %empty                          { $$.head = $$.tail = NULL; }
  | actual_projects actual_project  { $$ = $1; jx_list_add(&$$, $2); }
  | actual_projects error SEMI      { $$ = $1; yyerrok; }
  ;
/* actual_project -> project STRING { actual_stmt* } */
actual_project
  : PROJECT STRING block_open actual_items block_close {
      $$ = node(p, JX_N_ACTUAL_PROJECT, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @5;
    }
  | PROJECT STRING block_open actual_items error block_close {
      $$ = node(p, JX_N_ACTUAL_PROJECT, @1);
      $$->end = @3;
      $$->u.block.name = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @6;
      $$->u.block.recovered = true;
    }
  ;
actual_items
  : %empty                        { $$.head = $$.tail = NULL; }
  | actual_items actual_stmt      { $$ = $1; jx_list_add(&$$, $2); }
  | actual_items error SEMI       { $$ = $1; yyerrok; }
  ;
/* actual_stmt -> STRING [actual_value] actual_attrs ;
 *              | spent [NUMBER] actual_attrs ; | budget_full [NUMBER] … ;
 * Without a value, as a table's row with an empty actual cell: the
 * indicator is named (mid-year, with a reason or a likelihood) but has
 * no actual yet, and scores 0. */
actual_stmt
  : STRING actual_value actual_attrs SEMI {
      $$ = actual(p, @1, @4, JX_ACT_INDICATOR, $1, *$2, $3);
    }
  | STRING actual_attrs SEMI {
      $$ = actual(p, @1, @3, JX_ACT_INDICATOR, $1, no_act_value(), $2);
    }
  | SPENT NUMBER actual_attrs SEMI {
      $$ = actual(p, @1, @4, JX_ACT_SPENT, no_text(), act_value($2), $3);
    }
  | SPENT actual_attrs SEMI {
      $$ = actual(p, @1, @3, JX_ACT_SPENT, no_text(), no_act_value(), $2);
    }
  | BUDGET_FULL NUMBER actual_attrs SEMI {
      $$ = actual(p, @1, @4, JX_ACT_BUDGET_FULL, no_text(), act_value($2),
                  $3);
    }
  | BUDGET_FULL actual_attrs SEMI {
      $$ = actual(p, @1, @3, JX_ACT_BUDGET_FULL, no_text(), no_act_value(),
                  $2);
    }
  ;
/* A number, a date, a text (with its rating), a rating alone, n/a, or
 * `targeted`. */
actual_value
  : NUMBER       { $$ = act_in_arena(p, act_value($1)); }
  | DATE         { $$ = act_in_arena(p, act_value($1)); }
  | NA           { $$ = act_in_arena(p, act_value(na_value(@1))); }
  | STRING       { $$ = act_in_arena(p, act_value(text_value($1))); }
  | STRING WORD  {
      $$ = act_in_arena(p, act_value(text_value($1)));
      $$->rating = $2;
    }
  | WORD         {
      $$ = act_in_arena(p, no_act_value());
      $$->rating = $1;
    }
  | TARGETED     {
      $$ = act_in_arena(p, no_act_value());
      $$->targeted = true;
      $$->targeted_loc = @1;
    }
  ;
actual_attrs
  : %empty  {
      $$ = jx_arena_alloc(p->arena, sizeof *$$);
      memset($$, 0, sizeof *$$);
    }
  | actual_attrs WEIGHT NUMBER {
      $$ = $1;
      attr_value(p, $$, &$$->weight, $3, @2);
    }
  | actual_attrs SCORE NUMBER {
      $$ = $1;
      attr_value(p, $$, &$$->score, $3, @2);
    }
  | actual_attrs REASON reason_word {
      $$ = $1;
      attr_text(p, $$, &$$->reason, $3, @2);
    }
  | actual_attrs REASON reason_word STRING {
      $$ = $1;
      attr_text(p, $$, &$$->reason, $3, @2);
      attr_text(p, $$, &$$->reason_text, $4, @2);
    }
  | actual_attrs REASON STRING {
      $$ = $1;
      attr_text(p, $$, &$$->reason_text, $3, @2);
    }
  | actual_attrs MEASURE STRING {
      $$ = $1;
      attr_text(p, $$, &$$->measure, $3, @2);
    }
  | actual_attrs LIKELIHOOD WORD {
      $$ = $1;
      attr_text(p, $$, &$$->likelihood, $3, @2);
    }
  ;
/* A reason's category: a word, or `other` (其他), which is a keyword. */
reason_word
  : WORD
  | OTHER  { $$.text = "other"; $$.loc = @1; }
  ;

/* profile_decl -> profile WORD ; | profile WORD [STRING] { setting* } */
profile_decl
  : PROFILE WORD SEMI {
      $$ = node(p, JX_N_PROFILE, @1);
      $$->end = @3;
      $$->u.block.code = $2;
      $$->u.block.uses = true;
    }
  | PROFILE WORD block_open settings block_close {
      $$ = node(p, JX_N_PROFILE, @1);
      $$->end = @3;
      $$->u.block.code = $2;
      $$->u.block.items = $4.head;
      $$->u.block.close = @5;
    }
  | PROFILE WORD STRING block_open settings block_close {
      $$ = node(p, JX_N_PROFILE, @1);
      $$->end = @4;
      $$->u.block.code = $2;
      $$->u.block.name = $3;
      $$->u.block.items = $5.head;
      $$->u.block.close = @6;
    }
  ;
settings
  : %empty                 { $$.head = $$.tail = NULL; }
  | settings setting       { $$ = $1; jx_list_add(&$$, $2); }
  | settings error SEMI    { $$ = $1; yyerrok; }
  ;
/* setting -> WORD (WORD | NUMBER | STRING)* ; */
setting
  : WORD setting_args SEMI {
      $$ = node(p, JX_N_SETTING, @1);
      $$->end = @3;
      $$->u.setting.name = $1;
      $$->u.setting.args = $2.head;
    }
  ;
setting_args
  : %empty  { $$.head = $$.tail = NULL; }
  | setting_args setting_arg {
      $$ = $1;
      jx_setting_arg *a = jx_arena_alloc(p->arena, sizeof *a);
      a->value = $2;
      if ($$.tail) $$.tail->next = a; else $$.head = a;
      $$.tail = a;
    }
  ;
setting_arg
  : WORD    { $$ = word_value($1); }
  | NUMBER
  | STRING  { $$ = text_value($1); }
  ;

/* indicator -> CATEGORY STRING [op] value (desc STRING | basis STRING)* ; */
/* indicator -> CATEGORY STRING [target] [op] value (desc STRING | basis
 * STRING)* ;   where `target` is the column heading 指标值, dropped.  The
 * forms with and without it are spelt out: an empty rule would be one
 * more reduction for every indicator of every plan.  A row may also lack
 * its name, or its name and value (issue 11: forms). */
indicator
  : category STRING value attrs SEMI {
      $$ = indicator(p, @1, @5, $1, $2, JX_OP_EQ, false, @3, $3, $4);
    }
  | category STRING op value attrs SEMI {
      $$ = indicator(p, @1, @6, $1, $2, $3, true, @3, $4, $5);
    }
  | category STRING TARGET value attrs SEMI {
      $$ = indicator(p, @1, @6, $1, $2, JX_OP_EQ, false, @4, $4, $5);
    }
  | category STRING TARGET op value attrs SEMI {
      $$ = indicator(p, @1, @7, $1, $2, $4, true, @4, $5, $6);
    }
  /* A value the form prints without a name (issue 11): a lone string
   * after the category is the value. */
  | category value attrs SEMI {
      jx_text none = {NULL, @2};
      none.loc.len = 0;
      $$ = indicator(p, @1, @4, $1, none, JX_OP_EQ, false, @2, $2, $3);
    }
  | category op value attrs SEMI {
      jx_text none = {NULL, @2};
      none.loc.len = 0;
      $$ = indicator(p, @1, @5, $1, none, $2, true, @2, $3, $4);
    }
  /* A row the form prints empty: the category alone. */
  | category attrs SEMI {
      jx_text none = {NULL, @2};
      none.loc.len = 0;
      $$ = indicator(p, @1, @3, $1, none, JX_OP_EQ, false, @2, no_value(@2),
                     $2);
    }
  ;
/* indicator_kw -> indicator STRING [target] [op] value attr* ; (no
 * category) */
indicator_kw
  : INDICATOR STRING value attrs SEMI {
      $$ = indicator(p, @1, @5, no_path(), $2, JX_OP_EQ, false, @3, $3, $4);
    }
  | INDICATOR STRING op value attrs SEMI {
      $$ = indicator(p, @1, @6, no_path(), $2, $3, true, @3, $4, $5);
    }
  | INDICATOR STRING TARGET value attrs SEMI {
      $$ = indicator(p, @1, @6, no_path(), $2, JX_OP_EQ, false, @4, $4, $5);
    }
  | INDICATOR STRING TARGET op value attrs SEMI {
      $$ = indicator(p, @1, @7, no_path(), $2, $4, true, @4, $5, $6);
    }
  ;
category
  : PATH
  | WORD  {
      $$.l1 = no_text();
      $$.l2 = $1;
      p->cat_text = $1.text;
      p->cat_loc = @1;
    }
  ;
op
  : GE  { $$ = JX_OP_GE; }
  | LE  { $$ = JX_OP_LE; }
  | GT  { $$ = JX_OP_GT; }
  | LT  { $$ = JX_OP_LT; }
  | EQ  { $$ = JX_OP_EQ; }
  ;
/* The one rule for a value: what a statement may give as a target.  A
 * DATE_RANGE is a value of its own (2023.07-2024.01), for an indicator
 * and for any statement that takes a period. */
value
  : NUMBER
  | DATE
  | DATE_RANGE
  | STRING  { $$ = text_value($1); }
  | NA      { $$ = na_value(@1); }
  ;
attrs
  : %empty  {
      $$ = jx_arena_alloc(p->arena, sizeof *$$);
      memset($$, 0, sizeof *$$);
    }
  | attrs DESC STRING {
      $$ = $1;
      if ($$->n_desc++ == 0)
        $$->desc = $3;
      else if (!$$->dup_loc.line)
        $$->dup_loc = @2;
    }
  | attrs BASIS STRING {
      $$ = $1;
      if ($$->n_basis++ == 0)
        $$->basis = $3;
      else if (!$$->dup_loc.line)
        $$->dup_loc = @2;
    }
  | attrs STANDARD STRING    { $$ = $1; expl_attr($$, JX_EXPL_STANDARD, $3, @2); }
  | attrs EXPLANATION STRING { $$ = $1; expl_attr($$, JX_EXPL_EXPLANATION, $3, @2); }
  | attrs NOTE STRING        { $$ = $1; expl_attr($$, JX_EXPL_NOTE, $3, @2); }
  | attrs REMARK STRING      { $$ = $1; expl_attr($$, JX_EXPL_REMARK, $3, @2); }
  | attrs SCORING STRING     { $$ = $1; expl_attr($$, JX_EXPL_SCORING, $3, @2); }
  /* The target over the project's period, beside the year's. */
  | attrs PERIOD value {
      $$ = $1;
      period_attr($$, @2, JX_OP_EQ, false, @3, $3);
    }
  | attrs PERIOD op value {
      $$ = $1;
      period_attr($$, @2, $3, true, @3, $4);
    }
  ;

%%

const char *jx_token_name(int kind) {
  if (kind == YYEOF)
    return "end of file";
  return yysymbol_name(YYTRANSLATE(kind));
}

static void yyerror(const jx_loc *loc, yyscan_t scanner, jx_scan *p,
                    const char *msg) {
  (void)scanner;
  p->syntax_errors++;
  if (p->read_failed || p->not_utf8) /* the end is false: see scan.h */
    return;
  /* With custom error reports, bison calls this only when its stack
   * would outgrow YYMAXDEPTH. */
  if (strcmp(msg, "memory exhausted") == 0)
    jx_diag_report(p->diag, JX_E_SYNTAX_EXHAUSTED, *loc);
  else
    jx_diag_report(p->diag, JX_E_SYNTAX, *loc, msg);
}

/* The vocabulary entry of a grammar symbol (vocab.def), or JX_KW_COUNT
 * for a symbol with no fixed spelling. */
static jx_kw symbol_kw(yysymbol_kind_t k) {
  switch (k) {
#define JX_KEYWORD(tok, e, z) case YYSYMBOL_##tok: return JX_KW_##tok;
#define JX_OPERATOR(tok, op, e, z) case YYSYMBOL_##tok: return JX_KW_##tok;
#define JX_PUNCT(tok, e, z) case YYSYMBOL_##tok: return JX_KW_##tok;
#include "vocab.def"
  default:
    return JX_KW_COUNT;
  }
}

static const char *symbol_display(yysymbol_kind_t k, jx_lang lang,
                                  bool *literal) {
  static const struct {
    yysymbol_kind_t sym;
    jx_msg name;
  } kinds[] = {
      {YYSYMBOL_YYEOF, JX_M_TOK_EOF},       {YYSYMBOL_STRING, JX_M_TOK_STRING},
      {YYSYMBOL_NUMBER, JX_M_TOK_NUMBER},   {YYSYMBOL_DATE, JX_M_TOK_DATE},
      {YYSYMBOL_DATE_RANGE, JX_M_TOK_DATE_RANGE},
      {YYSYMBOL_WORD, JX_M_TOK_WORD},       {YYSYMBOL_PATH, JX_M_TOK_CATEGORY},
      {YYSYMBOL_MONTH, JX_M_TOK_MONTH},
  };
  jx_kw w = symbol_kw(k);
  *literal = w != JX_KW_COUNT;
  if (*literal)
    return jx_keyword(w, lang == JX_LANG_ZH);
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (kinds[i].sym == k)
      return jx_msg_text(kinds[i].name, lang);
  return jx_msg_text(JX_M_TOK_INVALID, lang);
}

const char *jx_token_display_name(int kind, jx_lang lang, bool *literal) {
  return symbol_display(YYTRANSLATE(kind), lang, literal);
}

static bool is_literal(yysymbol_kind_t k) {
  bool literal;
  symbol_display(k, JX_LANG_EN, &literal);
  return literal;
}

static jx_msg kind_name(yysymbol_kind_t k) {
  switch (k) {
  case YYSYMBOL_YYEOF:
    return JX_M_TOK_EOF;
  case YYSYMBOL_STRING:
    return JX_M_TOK_STRING;
  case YYSYMBOL_NUMBER:
    return JX_M_TOK_NUMBER;
  case YYSYMBOL_DATE:
    return JX_M_TOK_DATE;
  case YYSYMBOL_DATE_RANGE:
    return JX_M_TOK_DATE_RANGE;
  case YYSYMBOL_WORD:
    return JX_M_TOK_WORD;
  case YYSYMBOL_PATH:
    return JX_M_TOK_CATEGORY;
  case YYSYMBOL_MONTH:
    return JX_M_TOK_MONTH;
  default:
    return JX_M_TOK_INVALID;
  }
}

/* "unexpected word 'projct'", a hint when the word is a misspelt keyword,
 * then what would have fitted, in every language (the record is worded
 * later, in whichever the run shows). */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
                                 jx_scan *p) {
  enum { MAX_EXPECTED = 8 };
  yysymbol_kind_t expected[MAX_EXPECTED];
  int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED);
  yysymbol_kind_t got = yypcontext_token(ctx);
  const jx_loc *loc = yypcontext_location(ctx);
  p->syntax_errors++;
  if (p->read_failed || p->not_utf8) /* the end is false: see scan.h */
    return 0;
  /* A category label typed with a space (经济效益 指标 "…"): a word right
   * after the category, on its line, where no word may come.  (Which
   * tokens were expected cannot tell: a row may be its category alone,
   * issue 11, so the parser has reduced its empty attributes first.) */
  const char *second = NULL;
  if (p->cat_text &&
      p->cat_loc.line == loc->line &&
      loc->offset > p->cat_loc.offset + p->cat_loc.len) {
    if (got == YYSYMBOL_WORD && p->prev_word == p->cat_text)
      second = p->last_word;
    else if (got == YYSYMBOL_INDICATOR && p->last_word == p->cat_text)
      second = jx_lex_token_text(p, scanner, loc); /* 指标: a label's end */
  }
  if (second) {
    jx_loc both = p->cat_loc; /* from the category to the word after it */
    both.len = (uint32_t)(loc->offset + loc->len - both.offset);
    jx_diag_report(p->diag, JX_E_CATEGORY_SPACE, both, p->cat_text, second,
                   p->cat_text, second);
    return 0;
  }
  if (got == YYSYMBOL_WORD && p->last_word) {
    /* A long word is quoted by its start, cut at a character boundary. */
    const char *w = p->last_word;
    size_t len = strlen(w), k = len > 120 ? 120 : len;
    while (k > 0 && k < len && ((unsigned char)w[k] & 0xC0) == 0x80)
      k--;
    char word[128];
    snprintf(word, sizeof word, "%.*s%s", (int)k, w, k < len ? "…" : "");
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED_WORD, *loc, word);
  } else if (is_literal(got)) {
    /* A keyword, operator or mark, as the user wrote it: the lookahead
     * is the last token the scanner matched. */
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED_TEXT, *loc,
                   jx_lex_token_text(p, scanner, loc));
  } else {
    jx_diag_report(p->diag, JX_E_SYNTAX_UNEXPECTED, *loc, (int)kind_name(got));
  }
  const char *hint = got == YYSYMBOL_WORD && p->last_word
                         ? jx_keyword_suggest(p->last_word)
                         : NULL;
  if (hint) {
    jx_diag_note(p->diag, JX_N_DID_YOU_MEAN, *loc, hint);
    jx_diag_add_fixit(p->diag, *loc, hint);
  }
  if (n > 0) {
    jx_strbuf list[JX_LANG_COUNT], names[MAX_EXPECTED];
    const char *text[JX_LANG_COUNT];
    memset(list, 0, sizeof list);
    memset(names, 0, sizeof names);
    for (int l = 0; l < JX_LANG_COUNT; l++) {
      const char *items[MAX_EXPECTED];
      for (int i = 0; i < n; i++) {
        bool literal;
        const char *s = symbol_display(expected[i], (jx_lang)l, &literal);
        jx_sb_clear(&names[i]);
        if (literal)
          jx_msg_printf(&names[i], (jx_lang)l, JX_M_QUOTED, s);
        else
          jx_sb_puts(&names[i], s);
        items[i] = names[i].p;
      }
      jx_join(&list[l], (jx_lang)l, items, (size_t)n, false);
      text[l] = list[l].p;
    }
    jx_diag_note(p->diag, JX_N_EXPECTED, *loc, text);
    for (int l = 0; l < JX_LANG_COUNT; l++)
      jx_sb_free(&list[l]);
    for (int i = 0; i < n; i++)
      jx_sb_free(&names[i]);
  }
  return 0;
}
