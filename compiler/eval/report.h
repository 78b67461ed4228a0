/*
 * report.h — what the three report formats share (report.c): figures as
 * they are shown, the words for states, the order indicators are listed
 * in.  Not for use outside compiler/eval.
 */
#ifndef JX_EV_REPORT_H
#define JX_EV_REPORT_H

#include "catalog.h"
#include "eval.h"

/* Room for a figure: a decimal with up to six places and a sign. */
#define EV_FIG 48

/* d with exactly `places` decimals (0–6): 12.50, 98.99, 10. */
void ev_fixed(jx_decimal d, int places, char buf[EV_FIG]);
/* The places a score shows under the profile: its rounding, else 2. */
int ev_places(const jx_profile *p);
/* A score as shown: ev_fixed at ev_places. */
void ev_score(const jx_profile *p, jx_decimal d, char buf[EV_FIG]);
/* A weight: exact when it has a short decimal (12.5), else two places. */
void ev_weight(jx_ratio r, char buf[EV_FIG]);
/* A percentage, or any ratio shown: two places, half up. */
void ev_pct(jx_ratio r, char buf[EV_FIG]);
/* The exact text of a ratio: "9.5", "2163/220". */
void ev_exact(jx_ratio r, char buf[EV_FIG]);
/* The shortest text of a decimal. */
void ev_dec(jx_decimal d, char buf[EV_FIG]);

/* What was reported for indicator i, as written ("22人"), or the word
 * for "as targeted" / "not applicable" in lang; NULL when nothing. */
const char *ev_actual_text(const jx_ev_item *it, size_t i, jx_lang lang);
/* A score's state: met, partly, missed, not applicable, no actual, not
 * scored, cannot say. */
jx_msg ev_state(const jx_ev_item *it, size_t i);
/* The same as a stable English word for JSON and CSV ("met", …). */
const char *ev_state_key(jx_msg state);
jx_msg ev_grade_word(jx_grade g);
jx_msg ev_light_word(jx_light l);
/* The name of part g of the profile in lang: its name in English, its
 * label in Chinese. */
const char *ev_part_name(const jx_profile *p, int g, jx_lang lang);

/* A unit's name line: "324001 秦皇岛市…" or the words for no unit. */
void ev_unit_title(jx_strbuf *out, const jx_ev_unit *u, jx_lang lang);

void ev_text_eval(const jx_ev_run *r, jx_lang lang, jx_out *o);
void ev_text_monitor(const jx_ev_run *r, jx_lang lang, jx_out *o);
void ev_json_eval(const jx_ev_run *r, jx_out *o);
void ev_json_monitor(const jx_ev_run *r, jx_out *o);
void ev_csv_eval(const jx_ev_run *r, jx_out *o);
void ev_csv_monitor(const jx_ev_run *r, jx_out *o);

#endif
