/*
 * vocab.h — the language's vocabulary (vocab.def) as lookups.
 *
 * Every word and sign with a fixed spelling (keywords, operators,
 * punctuation, month names) is a jx_kw.  The lexer matches a word by its
 * characters and asks jx_vocab_find which entry, if any, the text spells;
 * tools print an entry with jx_keyword in English or Chinese.  Nothing
 * here knows bison's token numbers: grammar/ maps jx_kw to tokens with the
 * same X-macros.
 */
#ifndef JX_VOCAB_H
#define JX_VOCAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jixiao.h"

/* Keywords first, in vocab.def's order, then operators, punctuation and
 * the month token. */
typedef enum jx_kw {
#define JX_KEYWORD(tok, en, zh) JX_KW_##tok,
#include "vocab.def"
#define JX_OPERATOR(tok, op, en, zh) JX_KW_##tok,
#define JX_PUNCT(tok, en, zh) JX_KW_##tok,
#include "vocab.def"
  JX_KW_MONTH,
  JX_KW_COUNT
} jx_kw;

/* The canonical spelling of k that fmt writes: English (zh false) or
 * Chinese.  "" for JX_KW_MONTH (see jx_month_name) and out-of-range k. */
const char *jx_keyword(jx_kw k, bool zh);
/* Is k a keyword (not an operator, a mark or a month)? */
bool jx_kw_is_keyword(jx_kw k);

/* The keyword spelling nearest to word by edit distance (in the language
 * of its spelling), or NULL when none is close enough to be a typo. */
const char *jx_keyword_suggest(const char *word);

/* The operator's entry (JX_OP_GE -> JX_KW_GE) and back. */
jx_kw jx_op_kw(jx_op op);
/* "mar" or "3月底" for month 1-12; NULL for any other m. */
const char *jx_month_name(int m, bool zh);
/* Words for value kinds and dimensions (vocab.def); "" when out of range. */
const char *jx_kind_word(jx_kind k, bool zh);
const char *jx_dimension_word(jx_dimension d, bool zh);

/* A role word (either language) and the levels it is valid at (bit 1:
 * level 1, bit 2: level 2); returns its row in vocab.def's role list, or
 * -1.  jx_role_word gives row i's word back. */
int jx_vocab_role_find(const char *word, unsigned *levels);
const char *jx_vocab_role_word(int i, bool zh);

/* ---- Looking a spelling up (the lexer, per word) ----------------------- */

/* One accepted spelling (vocab.def: canonical ones and JX_SPELLING). */
typedef struct jx_vocab_spelling {
  const char *text;
  uint8_t len;
  uint8_t kw;    /* jx_kw */
  uint8_t month; /* 1-12 for a month name, else 0 */
} jx_vocab_spelling;

extern const jx_vocab_spelling jx_vocab_spellings[];
extern const size_t jx_vocab_n_spellings;

/* Longest spelling, in bytes: a longer word is looked up no further. */
#define JX_VOCAB_MAX_LEN 32
#define JX_VOCAB_SLOTS 512

/* An open-addressing table of the spellings, at most a quarter full.  It
 * is built per scanner (jx_vocab_index_init: a few hundred nanoseconds),
 * so no state is shared between parses. */
typedef struct jx_vocab_index {
  uint16_t slot[JX_VOCAB_SLOTS]; /* index into jx_vocab_spellings + 1 */
} jx_vocab_index;

void jx_vocab_index_init(jx_vocab_index *ix);

/* Cheap and good enough for ~150 short keys: the length and four bytes,
 * mixed.  Only the lexer and the index builder use it. */
static inline uint32_t jx_vocab_hash(const unsigned char *s, size_t n) {
  uint32_t h = (uint32_t)n * 0x9E3779B1u;
  h ^= s[0] | (uint32_t)s[n - 1] << 8 | (uint32_t)s[n / 2] << 16 |
       (uint32_t)s[(n - 1) / 3] << 24;
  h *= 0x85EBCA6Bu;
  h ^= h >> 15;
  h *= 0xC2B2AE35u;
  return h ^ (h >> 13);
}

/* The entry that the n bytes at s spell, exactly and whole, or NULL. */
static inline const jx_vocab_spelling *jx_vocab_find(const jx_vocab_index *ix,
                                                     const char *s, size_t n) {
  if (n == 0 || n > JX_VOCAB_MAX_LEN)
    return NULL;
  uint32_t j =
      jx_vocab_hash((const unsigned char *)s, n) & (JX_VOCAB_SLOTS - 1);
  for (;; j = (j + 1) & (JX_VOCAB_SLOTS - 1)) {
    unsigned k = ix->slot[j];
    if (k == 0)
      return NULL;
    const jx_vocab_spelling *e = &jx_vocab_spellings[k - 1];
    if (e->len == n && memcmp(e->text, s, n) == 0)
      return e;
  }
}

#endif
