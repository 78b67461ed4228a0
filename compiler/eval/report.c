/*
 * report.c — what the report formats share (report.h): figures as shown
 * and the words for states.  The renderers (report_text.c, report_csv.c,
 * report_json.c) build on it; report_pick.c picks one of them.
 *
 * A score is shown as the profile rounds it, or to two places; a weight
 * exactly when it has a short decimal (12.5) and to two places when it
 * has none (50/3 shows 16.67); a percentage to two places.  JSON and CSV
 * also carry every figure exactly ("score_exact": "2163/220").
 */
#include "report.h"

#include <stdio.h>
#include <string.h>

void ev_fixed(jx_decimal d, int places, char buf[EV_FIG]) {
  char t[JX_DECIMAL_BUFSZ];
  jx_decimal_format(d, t);
  char *dot = strchr(t, '.');
  size_t have = dot ? strlen(dot + 1) : 0;
  if (places <= 0 || places > JX_DECIMAL_PLACES) {
    snprintf(buf, EV_FIG, "%s", t); /* callers round first */
    return;
  }
  snprintf(buf, EV_FIG, "%s%s%.*s", t, dot ? "" : ".",
           (int)((size_t)places > have ? (size_t)places - have : 0), "000000");
}

int ev_places(const jx_profile *p) {
  return p->round_places >= 0 ? p->round_places : 2;
}

void ev_score(const jx_profile *p, jx_decimal d, char buf[EV_FIG]) {
  ev_fixed(d, ev_places(p), buf);
}

void ev_weight(jx_ratio r, char buf[EV_FIG]) {
  jx_decimal d;
  if (jx_ratio_decimal(r, &d) == JX_DEC_OK) {
    jx_decimal_format(d, buf);
    return;
  }
  if (jx_ratio_round(r, 2, JX_ROUND_HALF_UP, &d) == JX_DEC_OK)
    ev_fixed(d, 2, buf);
  else
    jx_ratio_format(r, buf);
}

void ev_pct(jx_ratio r, char buf[EV_FIG]) {
  jx_decimal d;
  if (jx_ratio_round(r, 2, JX_ROUND_HALF_UP, &d) == JX_DEC_OK)
    ev_fixed(d, 2, buf);
  else
    jx_ratio_format(r, buf);
}

void ev_exact(jx_ratio r, char buf[EV_FIG]) {
  jx_ratio_format(r, buf);
}

void ev_dec(jx_decimal d, char buf[EV_FIG]) {
  jx_decimal_format(d, buf);
}

const char *ev_actual_text(const jx_ev_item *it, size_t i, jx_lang lang) {
  const jx_entry *e = it->entries[i];
  if (!e)
    return NULL;
  switch (e->value.kind) {
  case JX_AV_TARGETED:
    return jx_msg_text(JX_M_EV_TARGETED, lang);
  case JX_AV_NA:
    return jx_msg_text(JX_M_EV_NA, lang);
  default:
    return e->value.text;
  }
}

jx_msg ev_state(const jx_ev_item *it, size_t i) {
  const jx_indicator_score *s = &it->scores[i];
  switch (s->note) {
  case JX_NOTE_NA:
    return JX_M_EV_NA;
  case JX_NOTE_NO_ACTUAL:
    return JX_M_EV_NO_ACTUAL;
  case JX_NOTE_NO_GROUP:
    return JX_M_EV_NOT_SCORED;
  default:
    break;
  }
  if (it->proj->p->indicators[i].kind == JX_KIND_QUALITATIVE &&
      it->acts[i].rating == JX_RATING_PARTLY)
    return JX_M_EV_RATED_PARTLY;
  if (s->met == 1)
    return JX_M_EV_RATED_MET;
  if (s->met == 0)
    return JX_M_EV_RATED_MISSED;
  return JX_M_EV_UNKNOWN;
}

const char *ev_state_key(jx_msg state) {
  switch (state) {
  case JX_M_EV_RATED_MET:
    return "met";
  case JX_M_EV_RATED_PARTLY:
    return "partly";
  case JX_M_EV_RATED_MISSED:
    return "missed";
  case JX_M_EV_NA:
    return "na";
  case JX_M_EV_NO_ACTUAL:
    return "no-actual";
  case JX_M_EV_NOT_SCORED:
    return "not-scored";
  default:
    return "unknown";
  }
}

jx_msg ev_grade_word(jx_grade g) {
  switch (g) {
  case JX_GRADE_A:
    return JX_M_GRADE_A;
  case JX_GRADE_B:
    return JX_M_GRADE_B;
  case JX_GRADE_C:
    return JX_M_GRADE_C;
  case JX_GRADE_D:
    break;
  }
  return JX_M_GRADE_D;
}

jx_msg ev_light_word(jx_light l) {
  switch (l) {
  case JX_LIGHT_GREEN:
    return JX_M_LIGHT_GREEN;
  case JX_LIGHT_YELLOW:
    return JX_M_LIGHT_YELLOW;
  case JX_LIGHT_RED:
    return JX_M_LIGHT_RED;
  case JX_LIGHT_BLUE:
    return JX_M_LIGHT_BLUE;
  case JX_LIGHT_NONE:
    break;
  }
  return JX_M_LIGHT_NONE;
}

const char *ev_part_name(const jx_profile *p, int g, jx_lang lang) {
  if (g < 0 || (size_t)g >= p->n_groups)
    return "";
  const jx_score_group *sg = &p->groups[g];
  if (lang == JX_LANG_ZH && sg->label)
    return sg->label;
  return sg->name;
}

void ev_unit_title(jx_strbuf *out, const jx_ev_unit *u, jx_lang lang) {
  if (u->code)
    jx_msg_printf(out, lang, JX_M_EV_UNIT, u->code, u->name ? u->name : "");
  else
    jx_msg_printf(out, lang, JX_M_EV_UNIT_NONE);
}
