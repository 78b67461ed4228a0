/*
 * parser.y — the jixiao grammar: tokens into AST nodes.
 *
 * A pure (reentrant) LALR(1) parser with locations.  Actions only build
 * nodes and hand each finished top-level declaration to the sink; every
 * rule of the domain is the checker's business (compiler/check/check.c).
 * How a node is filled is parse_build.c's, and the short names the
 * actions use are parse_actions.h's; what a syntax error says,
 * parse_error.c's.  The stack's values are small (see %union).
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
%define api.token.raw
%locations
%define api.location.type {jx_loc}
%param {yyscan_t scanner}
%parse-param {jx_scan *p}
/* The file of every place the scanner gives (jx_lex_direct does not
 * write it: yylloc keeps it). */
%initial-action { @$.file = p->file; }
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
/* A syntax error at loc (grammar/parse_error.c): the token got, whose
 * text the scanner matched last, where the n token kinds expected would
 * have fitted (at most JX_SYNTAX_EXPECTED are named). */
enum { JX_SYNTAX_EXPECTED = 8 };
void jx_parse_syntax_error(jx_scan *p, const char *matched, int got,
                           const int *expected, int n, const jx_loc *loc);
}

%code {
#include <stdio.h>
#include <string.h>

#include "parse_actions.h"
#include "vocab.h"

/* The stack never grows: every list of the grammar is left-recursive and
 * no construct holds itself, so the stack is a few dozen states deep at
 * most, and with its greatest depth its first, bison's code to grow it is
 * dead and its size a constant for the test at every state. */
#define YYINITDEPTH 200
#define YYMAXDEPTH YYINITDEPTH

/* Bison copies a value at every shift and reduction (see %union). */
_Static_assert(sizeof(YYSTYPE) <= 16, "YYSTYPE grew past 16 bytes");
/* jx_scan_track tells the three marks and the end by one comparison. */
_Static_assert(YYEOF == 0 && LBRACE == SEMI + 1 && RBRACE == SEMI + 2 &&
                   RBRACE == (int)YYSYMBOL_YYACCEPT - 1,
               "SEMI, LBRACE, RBRACE must be the last tokens declared");

static void yyerror(const jx_loc *loc, yyscan_t scanner, jx_scan *p,
                    const char *msg);
}

/* Every member is at most 16 bytes, as bison copies values at every shift
 * and reduction (scan.h): a STRING's or WORD's text without its place,
 * which is its location (@N); a value or a path by pointer into the arena;
 * an indicator's or actual's attributes in the node they will be. */
%union {
  const char *str;
  jx_value *value;
  jx_path *path;
  int month;
  jx_op op;
  jx_node *node;
  jx_list list;
  jx_sched_list sched;
  jx_arena_mark mark;
  jx_act_value *actval;
  jx_arg_list args;
  jx_line_list line;
}

%token <str>   STRING     "string"
%token <value> NUMBER     "number"
%token <value> DATE       "date"
%token <value> DATE_RANGE "date range"
%token <str>   WORD       "word"
%token <path>  PATH       "category"
%token <month> MONTH      "month"
%token NA "'n/a'"  PLAN "'plan'"  FRAMEWORK "'framework'"
%token CURRENCY "'currency'"  DEPARTMENT "'department'"  DIVISION "'division'"
%token UNIT "'unit'"  PROJECT "'project'"  GOAL "'goal'"
%token MEASURE "'measure'"  INDICATOR "'indicator'"  BUDGET "'budget'"
%token CODE "'code'"  FUNDS "'funds'"  FISCAL "'fiscal'"
%token OTHER "'other'"  PURPOSE "'purpose'"  SCHEDULE "'schedule'"
%token DESC "'desc'"  BASIS "'basis'"  ROLE "'role'"
%token ACTUALS "'actuals'"  SPENT "'spent'"  BUDGET_FULL "'budget_full'"
%token WEIGHT "'weight'"  SCORE "'score'"  REASON "'reason'"
%token LIKELIHOOD "'likelihood'"  TARGETED "'targeted'"  PROFILE "'profile'"
%token TARGET "'target'"  FORM "'form'"  SUPERVISOR "'supervisor'"
%token IMPLEMENTER "'implementer'"  TOTAL "'total'"  PERIOD "'period'"
%token OVERALL "'overall'"  CLASS "'class'"  NATURE "'nature'"
%token POLICY "'policy'"  DOCUMENT "'document'"  SUBJECT "'subject'"
%token MANAGER "'manager'"  CONTACT "'contact'"  ATTRIBUTE "'attribute'"
%token BREAKDOWN "'breakdown'"  STANDARD "'standard'"  EXPLANATION "'explanation'"
%token NOTE "'note'"  REMARK "'remark'"  SCORING "'scoring'"
%token GE "'>='"  LE "'<='"  GT "'>'"
%token LT "'<'"  EQ "'='"  SEMI "';'"
%token LBRACE "'{'"  RBRACE "'}'"
/* A project's commonest rows, and its funds' and schedule's last parts,
 * are rules of project_items with their ';' (one reduction less); where
 * more could follow the part, ';' is shifted (the rule it would end has
 * NUMBER's precedence, lower than SEMI's), and errors are met in the
 * states they were.  Nothing else is resolved by precedence. */
%precedence NUMBER
%precedence SEMI


%type <node> header header_parts framework_decl level1 level2 department
%type <node> division unit unit_head
%type <node> code_stmt budget_stmt breakdown_stmt org_stmt attr_stmt
%type <str> phone_opt org_code
%type <line> lines
%type <node> project budget_opt goal measure row funds
%type <list> level1s level2s dept_items div_items unit_items project_items
%type <value> value other_value year_opt
%type <str> unit_code role_opt
%type <path> category
%type <op> op
%type <sched> schedule
%type <mark> mark project_mark
%type <node> actuals_decl actual_project actual_stmt profile_decl setting
%type <list> actual_projects actual_items settings
%type <str> actuals_plan actuals_profile reason_word
%type <actval> actual_value
%type <node> actual_attrs
%type <args> setting_args
%type <value> setting_arg

%%

/* file -> decl*  (a project, the commonest, is not a decl: one reduction
 * less for each) */
file
  : %empty
  | file decl
  | file project   { if (p->keep_tree) jx_list_add(&p->items, $2); }
  ;

/* After each declaration, the lines before it will not be quoted again
 * (FORGET: a stream's copy of them can go). */
decl
  : header           { DECL(header, $1); }
  | framework_decl   { DECL(framework, $1); }
  | department       { DECL(department, $1); }
  | unit             { if (p->keep_tree) jx_list_add(&p->items, $1);
                       FORGET(); }
  | actuals_decl     { DECL(actuals, $1); }
  | profile_decl     { DECL(profile, $1); }
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
      if ($2)
        $$->u.header.year = *$2;
    }
  ;
year_opt
  : %empty  { $$ = NULL; }
  | NUMBER
  ;
header_parts
  : %empty  { $$ = jx_pb_node(p, JX_N_HEADER, @$, header); }
  | header_parts FRAMEWORK WORD {
      jx_pb_header_part($$ = $1, &$1->u.header.framework, TEXT($3, @3), @2);
    }
  | header_parts FORM WORD {
      jx_pb_header_part($$ = $1, &$1->u.header.form, TEXT($3, @3), @2);
    }
  | header_parts CURRENCY WORD {
      jx_pb_header_part($$ = $1, &$1->u.header.currency, TEXT($3, @3), @2);
    }
  ;

block_open : LBRACE | LT ;
block_close : RBRACE | GT ;

/* framework_decl -> framework WORD [STRING] { level1* } */
framework_decl
  : FRAMEWORK WORD block_open level1s block_close {
      $$ = jx_pb_block(p, JX_N_FRAMEWORK, @1, @3, TEXT($2, @2), NONE,
                       $4.head, @5);
    }
  | FRAMEWORK WORD STRING block_open level1s block_close {
      $$ = jx_pb_block(p, JX_N_FRAMEWORK, @1, @4, TEXT($2, @2), TEXT($3, @3),
                       $5.head, @6);
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
      $$ = jx_pb_block(p, JX_N_LEVEL1, @1, @4, TEXT($1, @1), TEXT($2, @2),
                       $5.head, @6);
      $$->u.block.role = OPT($3, @3);
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
      $$ = jx_pb_node(p, JX_N_LEVEL2, @1, level2);
      $$->end = @4;
      $$->u.level2.code = TEXT($1, @1);
      $$->u.level2.label = TEXT($2, @2);
      $$->u.level2.role = OPT($3, @3);
    }
  ;
/* A text nonterminal's place is its text's (@$ set where it is not the
 * first symbol's). */
role_opt
  : %empty     { $$ = NULL; }
  | ROLE WORD  { $$ = $2; @$ = @2; }
  ;

/* department -> department STRING { (goal | division | measure | indicator)* } */
department
  : DEPARTMENT STRING block_open dept_items block_close {
      $$ = jx_pb_block(p, JX_N_DEPARTMENT, @1, @3, NONE, TEXT($2, @2),
                       $4.head, @5);
    }
  | DEPARTMENT STRING block_open dept_items error block_close {
      $$ = jx_pb_block(p, JX_N_DEPARTMENT, @1, @3, NONE, TEXT($2, @2),
                       $4.head, @6);
    }
  ;
dept_items
  : %empty                 { $$.head = $$.tail = NULL; }
  | dept_items goal        { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items division    { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items measure     { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items row SEMI    { $2->end = @3; ADD($$, $1, $2); }
  | dept_items code_stmt   { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items budget_stmt { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items breakdown_stmt { $$ = $1; jx_list_add(&$$, $2); }
  | dept_items error SEMI  { $$ = $1; yyerrok; }
  ;

/* division -> division STRING { (goal | indicator)* } */
division
  : DIVISION STRING block_open div_items block_close {
      $$ = jx_pb_block(p, JX_N_DIVISION, @1, @3, NONE, TEXT($2, @2), $4.head,
                       @5);
    }
  | DIVISION STRING block_open div_items error block_close {
      $$ = jx_pb_block(p, JX_N_DIVISION, @1, @3, NONE, TEXT($2, @2), $4.head,
                       @6);
    }
  ;
div_items
  : %empty                  { $$.head = $$.tail = NULL; }
  | div_items goal          { $$ = $1; jx_list_add(&$$, $2); }
  | div_items row SEMI      { $2->end = @3; ADD($$, $1, $2); }
  | div_items error SEMI    { $$ = $1; yyerrok; }
  ;

/* unit -> unit CODE STRING { (goal | measure | project)* } */
unit
  : unit_head unit_items block_close {
      $$ = jx_pb_close_unit(p, $1, $2.head, @3, yychar == YYEMPTY);
    }
  | unit_head unit_items error block_close {
      $$ = jx_pb_close_unit(p, $1, $2.head, @4, yychar == YYEMPTY);
    }
  ;
/* The unit's memory, like a project's, is released once the sink has seen
 * it: a province has tens of thousands of units.  Units do not nest, so
 * the scanner keeps the mark. */
unit_head
  : UNIT mark unit_code STRING block_open {
      p->unit_mark = $2;
      $$ = jx_pb_block(p, JX_N_UNIT, @1, @5, TEXT($3, @3), TEXT($4, @4), NULL,
                       (jx_loc){0});
      jx_pb_open_unit(p, $$);
    }
  /* A unit known by its name alone (most forms print no unit code). */
  | UNIT mark STRING block_open {
      p->unit_mark = $2;
      $$ = jx_pb_block(p, JX_N_UNIT, @1, @4, NONE, TEXT($3, @3), NULL,
                       (jx_loc){0});
      jx_pb_open_unit(p, $$);
    }
  ;
unit_code
  : NUMBER  { $$ = $1->text; }
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

/* project -> project STRING [budget NUMBER] { statement* }
 * Handed to the sink as soon as it closes; without keep_tree its memory
 * (everything allocated since `mark`) is released and $$ is NULL
 * (PROJECT_END).  Its braces are spelt out rather than block_open and
 * block_close: two reductions less a project. */
project
  : PROJECT project_mark STRING budget_opt LBRACE project_items RBRACE
      { $$ = PROJECT_END($2, @1, @5, $3, @3, $4, $6.head, @7); }
  | PROJECT project_mark STRING budget_opt LBRACE project_items GT
      { $$ = PROJECT_END($2, @1, @5, $3, @3, $4, $6.head, @7); }
  | PROJECT project_mark STRING budget_opt LT project_items RBRACE
      { $$ = PROJECT_END($2, @1, @5, $3, @3, $4, $6.head, @7); }
  | PROJECT project_mark STRING budget_opt LT project_items GT
      { $$ = PROJECT_END($2, @1, @5, $3, @3, $4, $6.head, @7); }
  /* A broken project is not checked (its errors would only echo the
   * syntax error); its memory goes back all the same. */
  | PROJECT project_mark STRING budget_opt LBRACE project_items error RBRACE
      { $$ = PROJECT_BROKEN($2); }
  | PROJECT project_mark STRING budget_opt LBRACE project_items error GT
      { $$ = PROJECT_BROKEN($2); }
  | PROJECT project_mark STRING budget_opt LT project_items error RBRACE
      { $$ = PROJECT_BROKEN($2); }
  | PROJECT project_mark STRING budget_opt LT project_items error GT
      { $$ = PROJECT_BROKEN($2); }
  ;
budget_opt
  : %empty        { $$ = NULL; }
  | BUDGET NUMBER {
      $$ = jx_pb_amount_stmt(p, JX_N_BUDGET, @1, @2, $2);
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
/* The statements of a project are spelt out here, each rule one
 * reduction: a nonterminal per statement would be one more for each of
 * the millions of statements of a province. */
project_items
  : %empty                      { $$.head = $$.tail = NULL; }
  /* an indicator; with the keyword, an error the checker explains
   * (indicator-in-project) */
  | project_items row SEMI      { $2->end = @3; ADD($$, $1, $2); }
  /* the commonest rows, spelt out with their ';' (see %precedence) */
  | project_items PATH STRING NUMBER SEMI    { ADD($$, $1, ROW_END(ROW(@2, $2, $3, @3, @4, $4), @5)); }
  | project_items PATH STRING GE NUMBER SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_GE, @4, $5), @6)); }
  | project_items PATH STRING LE NUMBER SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_LE, @4, $5), @6)); }
  | project_items PATH STRING GT NUMBER SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_GT, @4, $5), @6)); }
  | project_items PATH STRING LT NUMBER SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_LT, @4, $5), @6)); }
  | project_items PATH STRING EQ NUMBER SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_EQ, @4, $5), @6)); }
  | project_items PATH STRING EQ other_value SEMI { ADD($$, $1, ROW_END(ROW_OP(@2, $2, $3, @3, JX_OP_EQ, @4, $5), @6)); }
  | project_items CODE STRING SEMI    { ADD($$, $1, TEXT_STMT(JX_N_CODE, @2, @4, TEXT($3, @3))); }
  | project_items CODE NUMBER SEMI    { ADD($$, $1, TEXT_STMT(JX_N_CODE, @2, @4, TEXT($3->text, @3))); }
  | project_items funds SEMI          { $2->end = @3; ADD($$, $1, $2); }
  | project_items FUNDS SEMI          { jx_node *f = FUNDS_NODE(@2); f->end = @3; ADD($$, $1, f); }
  /* the commonest last parts with the ';' (see %precedence) */
  | project_items funds OTHER NUMBER SEMI      { jx_pb_funds_part(p, $2, 2, TEXT(NULL, @3), $4); $2->end = @5; ADD($$, $1, $2); }
  | project_items schedule SEMI       { ADD($$, $1, jx_pb_schedule(p, @2, @3, $2.head)); }
  | project_items SCHEDULE SEMI       { ADD($$, $1, jx_pb_schedule(p, @2, @3, NULL)); }
  | project_items schedule MONTH NUMBER SEMI   { SCHED_MONTH($2, $3, @3, $4); ADD($$, $1, jx_pb_schedule(p, @2, @5, $2.head)); }
  | project_items schedule NUMBER NUMBER SEMI  { SCHED_NUMBER($2, $3, @3, $4); ADD($$, $1, jx_pb_schedule(p, @2, @5, $2.head)); }
  | project_items PERIOD value SEMI   { ADD($$, $1, jx_pb_period_stmt(p, @2, @4, $3)); }
  | project_items GOAL STRING SEMI    { ADD($$, $1, TEXT_STMT(JX_N_GOAL, @2, @4, TEXT($3, @3))); }
  | project_items PURPOSE STRING SEMI { ADD($$, $1, TEXT_STMT(JX_N_PURPOSE, @2, @4, TEXT($3, @3))); }
  | project_items OVERALL STRING SEMI { ADD($$, $1, TEXT_STMT(JX_N_OVERALL, @2, @4, TEXT($3, @3))); }
  | project_items TOTAL NUMBER SEMI   { ADD($$, $1, jx_pb_amount_stmt(p, JX_N_TOTAL, @2, @4, $3)); }
  | project_items budget_stmt   { ADD($$, $1, $2); }
  | project_items org_stmt      { ADD($$, $1, $2); }
  | project_items attr_stmt     { ADD($$, $1, $2); }
  | project_items breakdown_stmt { ADD($$, $1, $2); }
  | project_items error SEMI    { $$ = $1; yyerrok; }
  ;
code_stmt
  : CODE STRING SEMI  { $$ = TEXT_STMT(JX_N_CODE, @1, @3, TEXT($2, @2)); }
  | CODE NUMBER SEMI  { $$ = TEXT_STMT(JX_N_CODE, @1, @3, TEXT($2->text, @2)); }
  ;
budget_stmt
  : BUDGET NUMBER SEMI  { $$ = jx_pb_amount_stmt(p, JX_N_BUDGET, @1, @3, $2); }
  ;
/* supervisor|implementer [CODE] NAME ; -- the name may carry its code as
 * the form prints it ("505_湘西州教育和体育局", "[610001]…"). */
org_stmt
  : SUPERVISOR org_code STRING SEMI  { $$ = ORG(SUPERVISOR, @1, @4, TEXT($2, @2), TEXT($3, @3)); }
  | SUPERVISOR STRING SEMI           { $$ = ORG(SUPERVISOR, @1, @3, NONE, TEXT($2, @2)); }
  | IMPLEMENTER org_code STRING SEMI { $$ = ORG(IMPLEMENTER, @1, @4, TEXT($2, @2), TEXT($3, @3)); }
  | IMPLEMENTER STRING SEMI          { $$ = ORG(IMPLEMENTER, @1, @3, NONE, TEXT($2, @2)); }
  ;
org_code
  : NUMBER  { $$ = $1->text; }
  | STRING
  ;
/* The header fields of a form: class "…"; manager "name" ["phone"]; … */
attr_stmt
  : CLASS STRING SEMI     { $$ = ATTR(JX_ATTR_CLASS, @1, @3, NONE, TEXT($2, @2)); }
  | NATURE STRING SEMI    { $$ = ATTR(JX_ATTR_NATURE, @1, @3, NONE, TEXT($2, @2)); }
  | POLICY STRING SEMI    { $$ = ATTR(JX_ATTR_POLICY, @1, @3, NONE, TEXT($2, @2)); }
  | DOCUMENT STRING SEMI  { $$ = ATTR(JX_ATTR_DOCUMENT, @1, @3, NONE, TEXT($2, @2)); }
  | SUBJECT STRING SEMI   { $$ = ATTR(JX_ATTR_SUBJECT, @1, @3, NONE, TEXT($2, @2)); }
  | SUBJECT NUMBER SEMI   { $$ = ATTR(JX_ATTR_SUBJECT, @1, @3, NONE, TEXT($2->text, @2)); }
  | MANAGER STRING phone_opt SEMI {
      $$ = ATTR(JX_ATTR_MANAGER, @1, @4, NONE, TEXT($2, @2));
      $$->u.attr.extra = OPT($3, @3);
    }
  | CONTACT STRING phone_opt SEMI {
      $$ = ATTR(JX_ATTR_CONTACT, @1, @4, NONE, TEXT($2, @2));
      $$->u.attr.extra = OPT($3, @3);
    }
  | ATTRIBUTE STRING STRING SEMI { $$ = ATTR(JX_ATTR_OTHER, @1, @4, TEXT($2, @2), TEXT($3, @3)); }
  ;
phone_opt
  : %empty  { $$ = NULL; }
  | STRING
  | NUMBER  { $$ = $1->text; }
  ;
/* breakdown -> breakdown ([STRING] NUMBER)+ ; the line items of the
 * budget, which must add up to it. */
breakdown_stmt
  : BREAKDOWN lines SEMI  { $$ = jx_pb_breakdown(p, @1, @3, $2.head); }
  ;
lines
  : %empty                { $$.head = $$.tail = NULL; }
  | lines STRING NUMBER   { jx_pb_line(p, &$1, TEXT($2, @2), $3); $$ = $1; }
  | lines NUMBER          { jx_pb_line(p, &$1, NONE, $2); $$ = $1; }
  ;
/* funds -> funds (fiscal NUMBER | other NUMBER | SOURCE NUMBER)* ; where
 * SOURCE is a word of the table of sources (上级资金, 自有资金, 中央 …); its
 * node is made with its first part (`funds;` is project_items'). */
funds
  : FUNDS FISCAL NUMBER  { jx_pb_funds_part(p, $$ = FUNDS_NODE(@1), 1, TEXT(NULL, @2), $3); }
  | FUNDS OTHER NUMBER   { jx_pb_funds_part(p, $$ = FUNDS_NODE(@1), 2, TEXT(NULL, @2), $3); }
  | FUNDS WORD NUMBER    { jx_pb_funds_part(p, $$ = FUNDS_NODE(@1), 0, TEXT($2, @2), $3); }
  | funds FISCAL NUMBER  { jx_pb_funds_part(p, $$ = $1, 1, TEXT(NULL, @2), $3); }
  | funds OTHER NUMBER   { jx_pb_funds_part(p, $$ = $1, 2, TEXT(NULL, @2), $3); }
  | funds WORD NUMBER    { jx_pb_funds_part(p, $$ = $1, 0, TEXT($2, @2), $3); }
  ;
/* schedule -> schedule (MONTH NUMBER)* ; MONTH: jan…dec or 3月底 (`schedule;`: project_items') */
schedule
  : SCHEDULE MONTH NUMBER   { $$ = SCHED_NONE; SCHED_MONTH($$, $2, @2, $3); }
  | SCHEDULE NUMBER NUMBER  { $$ = SCHED_NONE; SCHED_NUMBER($$, $2, @2, $3); }
  | schedule MONTH NUMBER   { SCHED_MONTH($1, $2, @2, $3); $$ = $1; }
  | schedule NUMBER NUMBER  { SCHED_NUMBER($1, $2, @2, $3); $$ = $1; }
  ;

goal
  : GOAL STRING SEMI  { $$ = TEXT_STMT(JX_N_GOAL, @1, @3, TEXT($2, @2)); }
  ;
measure
  : MEASURE STRING SEMI         { $$ = jx_pb_measure(p, @1, @3, TEXT($2, @2), NONE); }
  | MEASURE STRING STRING SEMI  { $$ = jx_pb_measure(p, @1, @4, TEXT($2, @2), TEXT($3, @3)); }
  ;

/* ---- the rest of the year (compiler/eval, docs/eval.md) ---------------- */

/* actuals_decl -> actuals [STRING] [profile WORD] { actual_project* } */
actuals_decl
  : ACTUALS actuals_plan actuals_profile block_open actual_projects
    block_close {
      $$ = jx_pb_block(p, JX_N_ACTUALS, @1, @4, OPT($3, @3), OPT($2, @2),
                       $5.head, @6);
    }
  | ACTUALS actuals_plan actuals_profile block_open actual_projects error
    block_close {
      $$ = jx_pb_block(p, JX_N_ACTUALS, @1, @4, OPT($3, @3), OPT($2, @2),
                       $5.head, @7);
      $$->u.block.recovered = true;
    }
  ;
actuals_plan
  : %empty  { $$ = NULL; }
  | STRING
  ;
actuals_profile
  : %empty        { $$ = NULL; }
  | PROFILE WORD  { $$ = $2; @$ = @2; }
  ;
actual_projects
  : %empty                          { $$.head = $$.tail = NULL; }
  | actual_projects actual_project  { $$ = $1; jx_list_add(&$$, $2); }
  | actual_projects error SEMI      { $$ = $1; yyerrok; }
  ;
/* actual_project -> project STRING { actual_stmt* } */
actual_project
  : PROJECT STRING block_open actual_items block_close {
      $$ = jx_pb_block(p, JX_N_ACTUAL_PROJECT, @1, @3, NONE, TEXT($2, @2),
                       $4.head, @5);
    }
  | PROJECT STRING block_open actual_items error block_close {
      $$ = jx_pb_block(p, JX_N_ACTUAL_PROJECT, @1, @3, NONE, TEXT($2, @2),
                       $4.head, @6);
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
      $$ = jx_pb_actual($3, @1, @4, JX_ACT_INDICATOR, TEXT($1, @1), $2);
    }
  | STRING actual_attrs SEMI {
      $$ = jx_pb_actual($2, @1, @3, JX_ACT_INDICATOR, TEXT($1, @1), NULL);
    }
  | SPENT NUMBER actual_attrs SEMI {
      $$ = jx_pb_actual($3, @1, @4, JX_ACT_SPENT, NONE,
                        jx_pb_act_value(p, $2));
    }
  | SPENT actual_attrs SEMI {
      $$ = jx_pb_actual($2, @1, @3, JX_ACT_SPENT, NONE, NULL);
    }
  | BUDGET_FULL NUMBER actual_attrs SEMI {
      $$ = jx_pb_actual($3, @1, @4, JX_ACT_BUDGET_FULL, NONE,
                        jx_pb_act_value(p, $2));
    }
  | BUDGET_FULL actual_attrs SEMI {
      $$ = jx_pb_actual($2, @1, @3, JX_ACT_BUDGET_FULL, NONE, NULL);
    }
  ;
/* A number, a date, a text (with its rating), a rating alone, n/a, or
 * `targeted`. */
actual_value
  : NUMBER       { $$ = jx_pb_act_value(p, $1); }
  | DATE         { $$ = jx_pb_act_value(p, $1); }
  | NA           { $$ = jx_pb_act_value(p, jx_pb_na_value(p, @1)); }
  | STRING       { $$ = jx_pb_act_value(p, jx_pb_text_value(p, $1, @1)); }
  | STRING WORD  {
      $$ = jx_pb_act_value(p, jx_pb_text_value(p, $1, @1));
      $$->rating = TEXT($2, @2);
    }
  | WORD         {
      $$ = jx_pb_act_value(p, NULL);
      $$->rating = TEXT($1, @1);
    }
  | TARGETED     {
      $$ = jx_pb_act_value(p, NULL);
      $$->targeted = true;
      $$->targeted_loc = @1;
    }
  ;
/* The actual's node, its attributes read into it (jx_pb_actual). */
actual_attrs
  : %empty  { $$ = jx_pb_actual_attrs(p, @$); }
  | actual_attrs WEIGHT NUMBER {
      jx_pb_actual_value(p, $$ = $1, &$1->u.actual.weight, $3, @2);
    }
  | actual_attrs SCORE NUMBER {
      jx_pb_actual_value(p, $$ = $1, &$1->u.actual.score, $3, @2);
    }
  | actual_attrs REASON reason_word {
      jx_pb_actual_text(p, $$ = $1, &$1->u.actual.reason, TEXT($3, @3), @2);
    }
  | actual_attrs REASON reason_word STRING {
      jx_pb_actual_text(p, $$ = $1, &$1->u.actual.reason, TEXT($3, @3), @2);
      jx_pb_actual_text(p, $1, &$1->u.actual.reason_text, TEXT($4, @4), @2);
    }
  | actual_attrs REASON STRING {
      jx_pb_actual_text(p, $$ = $1, &$1->u.actual.reason_text, TEXT($3, @3),
                        @2);
    }
  | actual_attrs MEASURE STRING {
      jx_pb_actual_text(p, $$ = $1, &$1->u.actual.measure, TEXT($3, @3), @2);
    }
  | actual_attrs LIKELIHOOD WORD {
      jx_pb_actual_text(p, $$ = $1, &$1->u.actual.likelihood, TEXT($3, @3),
                        @2);
    }
  ;
/* A reason's category: a word, or `other` (其他), which is a keyword. */
reason_word
  : WORD
  | OTHER  { $$ = "other"; }
  ;

/* profile_decl -> profile WORD ; | profile WORD [STRING] { setting* } */
profile_decl
  : PROFILE WORD SEMI {
      $$ = jx_pb_block(p, JX_N_PROFILE, @1, @3, TEXT($2, @2), NONE, NULL,
                       (jx_loc){0});
      $$->u.block.uses = true;
    }
  | PROFILE WORD block_open settings block_close {
      $$ = jx_pb_block(p, JX_N_PROFILE, @1, @3, TEXT($2, @2), NONE, $4.head,
                       @5);
    }
  | PROFILE WORD STRING block_open settings block_close {
      $$ = jx_pb_block(p, JX_N_PROFILE, @1, @4, TEXT($2, @2), TEXT($3, @3),
                       $5.head, @6);
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
      $$ = jx_pb_node(p, JX_N_SETTING, @1, setting);
      $$->end = @3;
      $$->u.setting.name = TEXT($1, @1);
      $$->u.setting.args = $2.head;
    }
  ;
setting_args
  : %empty                    { $$.head = $$.tail = NULL; }
  | setting_args setting_arg  { jx_pb_setting_arg(p, &$1, $2); $$ = $1; }
  ;
setting_arg
  : WORD    { $$ = jx_pb_word_value(p, $1, @1); }
  | NUMBER
  | STRING  { $$ = jx_pb_text_value(p, $1, @1); }
  ;

/* row -> CATEGORY STRING [target] [op] value (desc STRING | basis STRING
 * | …)*, and its ';' is its list's: an indicator.  CATEGORY is a PATH or
 * a bare word (category).  `target` is the column
 * heading 指标值, dropped.  A row may also lack its name, or its name and
 * value (issue 11: forms); `indicator STRING …` is the keyword form, with
 * no category.  The node is made when the value is read (jx_pb_indicator)
 * and the attributes after it go into it: no empty rule, and the ';' in
 * the list's rule, each one reduction less for every indicator. */
row
  : PATH STRING NUMBER                { $$ = ROW(@1, $1, $2, @2, @3, $3); }
  | PATH STRING other_value           { $$ = ROW(@1, $1, $2, @2, @3, $3); }
  | PATH STRING GE NUMBER             { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_GE, @3, $4); }
  | PATH STRING LE NUMBER             { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_LE, @3, $4); }
  | PATH STRING GT NUMBER             { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_GT, @3, $4); }
  | PATH STRING LT NUMBER             { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_LT, @3, $4); }
  | PATH STRING EQ NUMBER             { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_EQ, @3, $4); }
  | PATH STRING GE other_value        { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_GE, @3, $4); }
  | PATH STRING LE other_value        { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_LE, @3, $4); }
  | PATH STRING GT other_value        { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_GT, @3, $4); }
  | PATH STRING LT other_value        { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_LT, @3, $4); }
  | PATH STRING EQ other_value %prec NUMBER { $$ = ROW_OP(@1, $1, $2, @2, JX_OP_EQ, @3, $4); }
  | PATH STRING TARGET NUMBER         { $$ = ROW(@1, $1, $2, @2, @4, $4); }
  | PATH STRING TARGET other_value    { $$ = ROW(@1, $1, $2, @2, @4, $4); }
  | PATH STRING TARGET op NUMBER      { $$ = ROW_OP(@1, $1, $2, @2, $4, @4, $5); }
  | PATH STRING TARGET op other_value { $$ = ROW_OP(@1, $1, $2, @2, $4, @4, $5); }
  | category STRING value             { $$ = ROW(@1, $1, $2, @2, @3, $3); }
  | category STRING op value          { $$ = ROW_OP(@1, $1, $2, @2, $3, @3, $4); }
  | category STRING TARGET value      { $$ = ROW(@1, $1, $2, @2, @4, $4); }
  | category STRING TARGET op value   { $$ = ROW_OP(@1, $1, $2, @2, $4, @4, $5); }
  /* A value the form prints without a name (issue 11): a lone string
   * after the category is the value. */
  | PATH NUMBER                       { $$ = ROW(@1, $1, NULL, @2, @2, $2); }
  | PATH other_value                  { $$ = ROW(@1, $1, NULL, @2, @2, $2); }
  | PATH op NUMBER                    { $$ = ROW_OP(@1, $1, NULL, @2, $2, @2, $3); }
  | PATH op other_value               { $$ = ROW_OP(@1, $1, NULL, @2, $2, @2, $3); }
  | category value                    { $$ = ROW(@1, $1, NULL, @2, @2, $2); }
  | category op value                 { $$ = ROW_OP(@1, $1, NULL, @2, $2, @2, $3); }
  /* A row the form prints empty: the category alone. */
  | PATH                              { $$ = EMPTY_ROW(@1, $1); }
  | category                          { $$ = EMPTY_ROW(@1, $1); }
  | INDICATOR STRING value            { $$ = ROW(@1, NULL, $2, @2, @3, $3); }
  | INDICATOR STRING op value         { $$ = ROW_OP(@1, NULL, $2, @2, $3, @3, $4); }
  | INDICATOR STRING TARGET value     { $$ = ROW(@1, NULL, $2, @2, @4, $4); }
  | INDICATOR STRING TARGET op value  { $$ = ROW_OP(@1, NULL, $2, @2, $4, @4, $5); }
  | row DESC STRING        { jx_pb_desc($$ = $1, false, TEXT($3, @3), @2); }
  | row BASIS STRING       { jx_pb_desc($$ = $1, true, TEXT($3, @3), @2); }
  | row STANDARD STRING    { jx_pb_expl($$ = $1, JX_EXPL_STANDARD, TEXT($3, @3), @2); }
  | row EXPLANATION STRING { jx_pb_expl($$ = $1, JX_EXPL_EXPLANATION, TEXT($3, @3), @2); }
  | row NOTE STRING        { jx_pb_expl($$ = $1, JX_EXPL_NOTE, TEXT($3, @3), @2); }
  | row REMARK STRING      { jx_pb_expl($$ = $1, JX_EXPL_REMARK, TEXT($3, @3), @2); }
  | row SCORING STRING     { jx_pb_expl($$ = $1, JX_EXPL_SCORING, TEXT($3, @3), @2); }
  /* The target over the project's period, beside the year's. */
  | row PERIOD value       { jx_pb_period($$ = $1, @2, JX_OP_EQ, false, @3, $3); }
  | row PERIOD op value    { jx_pb_period($$ = $1, @2, $3, true, @3, $4); }
  ;
/* A bare level2 word (a PATH is spelt out in row: one reduction less). */
category
  : WORD  {
      $$ = jx_arena_alloc(p->arena, sizeof *$$);
      $$->l2 = TEXT($1, @1);
      p->cat_text = $1;
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
  | other_value
  ;
/* A NUMBER is spelt out in a PATH's row (most values of most rows): one
 * reduction less. */
other_value
  : DATE
  | DATE_RANGE
  | STRING  { $$ = jx_pb_text_value(p, $1, @1); }
  | NA      { $$ = jx_pb_na_value(p, @1); }
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

/* The words are parse_error.c's; bison gives what it knows. */
static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
                                 jx_scan *p) {
  yysymbol_kind_t expected[JX_SYNTAX_EXPECTED];
  int kinds[JX_SYNTAX_EXPECTED];
  int n = yypcontext_expected_tokens(ctx, expected, JX_SYNTAX_EXPECTED);
  p->syntax_errors++;
  if (p->read_failed || p->not_utf8) /* the end is false: see scan.h */
    return 0;
  for (int i = 0; i < n; i++) /* api.token.raw: the symbol is the kind */
    kinds[i] = (int)expected[i];
  const jx_loc *loc = yypcontext_location(ctx);
  /* The lookahead as the user wrote it: the scanner that matched it
   * knows (scan_direct.c). */
  jx_parse_syntax_error(p, jx_lex_token_text(p, scanner, loc),
                        (int)yypcontext_token(ctx), kinds, n, loc);
  return 0;
}
