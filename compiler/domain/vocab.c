/*
 * vocab.c — the tables of vocab.def, and the lookups over them (vocab.h).
 */
#include "vocab.h"

#include "framework.h" /* jx_edit_distance */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- canonical spellings ----------------------------------------------- */

static const char *const canonical[JX_KW_COUNT][2] = {
#define JX_KEYWORD(tok, en, zh) [JX_KW_##tok] = {en, zh},
#define JX_OPERATOR(tok, op, en, zh) [JX_KW_##tok] = {en, zh},
#define JX_PUNCT(tok, en, zh) [JX_KW_##tok] = {en, zh},
#include "vocab.def"
    [JX_KW_MONTH] = {"", ""},
};

const char *jx_keyword(jx_kw k, bool zh) {
  return (unsigned)k < JX_KW_COUNT ? canonical[k][zh ? 1 : 0] : "";
}

static const jx_kw keywords[] = {
#define JX_KEYWORD(tok, en, zh) JX_KW_##tok,
#include "vocab.def"
};

bool jx_kw_is_keyword(jx_kw k) {
  return (unsigned)k < COUNT(keywords);
}

const char *jx_keyword_suggest(const char *word) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  bool tie = false;
  for (size_t k = 0; k < COUNT(keywords); k++)
    for (int z = 0; z < 2; z++) {
      const char *s = canonical[keywords[k]][z];
      size_t d = jx_edit_distance(word, s);
      if (d < best_d) {
        best_d = d;
        best = s;
        tie = false;
      } else if (d == best_d) {
        tie = true;
      }
    }
  /* One edit in a short word, two in a longer one: further than that is a
   * different word, not a typo. */
  size_t n = strlen(word), limit = n <= 4 ? 1 : 2;
  return best && !tie && best_d > 0 && best_d <= limit ? best : NULL;
}

jx_kw jx_op_kw(jx_op op) {
  static const jx_kw by_op[] = {
#define JX_OPERATOR(tok, op, en, zh) [JX_OP_##op] = JX_KW_##tok,
#include "vocab.def"
  };
  return (unsigned)op < COUNT(by_op) ? by_op[op] : JX_KW_EQ;
}

static const char *const months[][2] = {
#define JX_MONTH(n, en, zh) [n - 1] = {en, zh},
#include "vocab.def"
};

const char *jx_month_name(int m, bool zh) {
  return m >= 1 && (size_t)m <= COUNT(months) ? months[m - 1][zh ? 1 : 0]
                                              : NULL;
}

const char *jx_kind_word(jx_kind k, bool zh) {
  static const char *const words[][2] = {
#define JX_KIND(kind, text, en, zh) [JX_KIND_##kind] = {en, zh},
#include "vocab.def"
  };
  return (unsigned)k < COUNT(words) ? words[k][zh ? 1 : 0] : "";
}

const char *jx_dimension_word(jx_dimension d, bool zh) {
  static const char *const words[][2] = {
#define JX_DIMENSION(dim, en, zh) [JX_DIM_##dim] = {en, zh},
#include "vocab.def"
  };
  return (unsigned)d < COUNT(words) ? words[d][zh ? 1 : 0] : "";
}

static const struct {
  unsigned levels;
  const char *word[2];
} roles[] = {
#define JX_ROLE(role, levels, en, zh) {levels, {en, zh}},
#include "vocab.def"
};

int jx_vocab_role_find(const char *word, unsigned *levels) {
  for (size_t i = 0; word && i < COUNT(roles); i++)
    if (strcmp(roles[i].word[0], word) == 0 ||
        strcmp(roles[i].word[1], word) == 0) {
      if (levels)
        *levels = roles[i].levels;
      return (int)i;
    }
  return -1;
}

const char *jx_vocab_role_word(int i, bool zh) {
  return i >= 0 && (size_t)i < COUNT(roles) ? roles[i].word[zh ? 1 : 0] : NULL;
}

/* ---- every spelling, and the index the lexer looks words up in -------- */

/* sizeof a literal is its length + 1, so the length is a constant. */
#define SPELL(text, kw, month) {text, (uint8_t)(sizeof(text) - 1), kw, month},

const jx_vocab_spelling jx_vocab_spellings[] = {
#define JX_KEYWORD(tok, en, zh)                                                \
  SPELL(en, JX_KW_##tok, 0) SPELL(zh, JX_KW_##tok, 0)
#define JX_OPERATOR(tok, op, en, zh)                                           \
  SPELL(en, JX_KW_##tok, 0) SPELL(zh, JX_KW_##tok, 0)
#define JX_PUNCT(tok, en, zh)                                                  \
  SPELL(en, JX_KW_##tok, 0) SPELL(zh, JX_KW_##tok, 0)
#define JX_SPELLING(tok, text) SPELL(text, JX_KW_##tok, 0)
#define JX_MONTH(n, en, zh) SPELL(en, JX_KW_MONTH, n)
#include "vocab.def"
};

const size_t jx_vocab_n_spellings = COUNT(jx_vocab_spellings);

/* ---- postfix comparisons ----------------------------------------------- */

const jx_vocab_postfix_row jx_vocab_postfixes[] = {
#define JX_POSTFIX(kind, text)                                                 \
  {text, (uint8_t)(sizeof(text) - 1), JX_POST_##kind},
#include "vocab.def"
};

const size_t jx_vocab_n_postfixes = COUNT(jx_vocab_postfixes);

jx_op jx_postfix_op(jx_postfix p) {
  return p == JX_POST_GE ? JX_OP_GE : p == JX_POST_NONE ? JX_OP_EQ : JX_OP_LE;
}

jx_postfix jx_vocab_postfix_slow(const char *s, size_t n, size_t *len) {
  const jx_vocab_postfix_row *best = NULL;
  for (size_t i = 0; i < COUNT(jx_vocab_postfixes); i++) {
    const jx_vocab_postfix_row *r = &jx_vocab_postfixes[i];
    if (r->len <= n && (!best || r->len > best->len) &&
        memcmp(s + n - r->len, r->text, r->len) == 0)
      best = r;
  }
  if (!best)
    return JX_POST_NONE;
  *len = best->len;
  return (jx_postfix)best->kind;
}

void jx_vocab_index_init(jx_vocab_index *ix) {
  memset(ix, 0, sizeof *ix);
  for (size_t i = 0; i < COUNT(jx_vocab_postfixes); i++) {
    unsigned char c = (unsigned char)jx_vocab_postfixes[i]
                          .text[jx_vocab_postfixes[i].len - 1];
    ix->post_last[c >> 3] |= (uint8_t)(1u << (c & 7));
  }
  for (size_t i = 0; i < COUNT(jx_vocab_spellings); i++) {
    const jx_vocab_spelling *e = &jx_vocab_spellings[i];
    const unsigned char *t = (const unsigned char *)e->text;
    unsigned char c = t[0];
    if (e->len == 1) {
      if (c < 128 && ix->ascii[c] == 0)
        ix->ascii[c] = (uint16_t)(i + 1);
      continue;
    }
    uint64_t key = jx_vocab_key(t, e->len);
    uint32_t j = jx_vocab_hash(key, e->len);
    /* A spelling listed twice (">=" of GE) is kept once. */
    while (ix->slot[j].spelling != 0 &&
           !(ix->slot[j].len == e->len &&
             memcmp(jx_vocab_spellings[ix->slot[j].spelling - 1].text, t,
                    e->len) == 0))
      j = (j + 1) & (JX_VOCAB_SLOTS - 1);
    if (ix->slot[j].spelling == 0) {
      ix->slot[j].key = key;
      ix->slot[j].len = e->len;
      ix->slot[j].spelling = (uint16_t)(i + 1);
    }
  }
}
