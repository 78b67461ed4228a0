/*
 * project_copy.c — a deep copy of a project (form.h): the back ends that
 * print forms hold a project past the event that brought it, when the
 * model it points into is gone.
 */
#include "form.h"

#include <string.h>

static const char *dup(jx_arena *a, const char *s) {
  return s ? jx_arena_strdup(a, s) : NULL;
}

const jx_project *jx_project_copy(jx_arena *a, const jx_project *p) {
  jx_project *q = jx_arena_alloc(a, sizeof *q);
  *q = *p;
  q->code = dup(a, p->code);
  q->name = dup(a, p->name);
  q->purpose = dup(a, p->purpose);
  jx_schedule_point *sched =
      jx_arena_alloc(a, (p->n_schedule ? p->n_schedule : 1) * sizeof *sched);
  if (p->n_schedule)
    memcpy(sched, p->schedule, p->n_schedule * sizeof *sched);
  q->schedule = sched;
  const char **goals =
      jx_arena_alloc(a, (p->n_goals ? p->n_goals : 1) * sizeof *goals);
  for (size_t i = 0; i < p->n_goals; i++)
    goals[i] = dup(a, p->goals[i]);
  q->goals = goals;
  jx_indicator *ind =
      jx_arena_alloc(a, (p->n_indicators ? p->n_indicators : 1) * sizeof *ind);
  for (size_t i = 0; i < p->n_indicators; i++) {
    const jx_indicator *x = &p->indicators[i];
    ind[i] = *x;
    ind[i].level1 = dup(a, x->level1);
    ind[i].level1_label = dup(a, x->level1_label);
    ind[i].level2 = dup(a, x->level2);
    ind[i].level2_label = dup(a, x->level2_label);
    ind[i].name = dup(a, x->name);
    ind[i].description = dup(a, x->description);
    ind[i].unit = dup(a, x->unit);
    ind[i].per_unit = dup(a, x->per_unit);
    ind[i].text = dup(a, x->text);
    ind[i].basis = dup(a, x->basis);
    ind[i].standard = dup(a, x->standard);
    ind[i].explanation = dup(a, x->explanation);
    ind[i].value_note = dup(a, x->value_note);
    ind[i].remark = dup(a, x->remark);
    ind[i].scoring = dup(a, x->scoring);
    if (x->period_target) {
      jx_target *t = jx_arena_alloc(a, sizeof *t);
      *t = *x->period_target;
      t->unit = dup(a, t->unit);
      t->text = dup(a, t->text);
      ind[i].period_target = t;
    }
  }
  q->indicators = ind;
  /* issue 11 */
  q->period = dup(a, p->period);
  q->supervisor.code = dup(a, p->supervisor.code);
  q->supervisor.name = dup(a, p->supervisor.name);
  q->implementer.code = dup(a, p->implementer.code);
  q->implementer.name = dup(a, p->implementer.name);
  const char **og = jx_arena_alloc(
      a, (p->n_overall_goals ? p->n_overall_goals : 1) * sizeof *og);
  for (size_t i = 0; i < p->n_overall_goals; i++)
    og[i] = dup(a, p->overall_goals[i]);
  q->overall_goals = og;
  jx_source *src =
      jx_arena_alloc(a, (p->n_sources ? p->n_sources : 1) * sizeof *src);
  for (size_t i = 0; i < p->n_sources; i++) {
    src[i] = p->sources[i];
    src[i].kind = dup(a, p->sources[i].kind);
    src[i].label = dup(a, p->sources[i].label);
  }
  q->sources = src;
  jx_line_item *lines =
      jx_arena_alloc(a, (p->n_breakdown ? p->n_breakdown : 1) * sizeof *lines);
  for (size_t i = 0; i < p->n_breakdown; i++) {
    lines[i] = p->breakdown[i];
    lines[i].name = dup(a, p->breakdown[i].name);
  }
  q->breakdown = lines;
  q->classification = dup(a, p->classification);
  q->nature = dup(a, p->nature);
  q->policy = dup(a, p->policy);
  q->document = dup(a, p->document);
  q->subject = dup(a, p->subject);
  q->manager.name = dup(a, p->manager.name);
  q->manager.phone = dup(a, p->manager.phone);
  q->contact.name = dup(a, p->contact.name);
  q->contact.phone = dup(a, p->contact.phone);
  jx_attribute *attrs = jx_arena_alloc(
      a, (p->n_attributes ? p->n_attributes : 1) * sizeof *attrs);
  for (size_t i = 0; i < p->n_attributes; i++) {
    attrs[i].key = dup(a, p->attributes[i].key);
    attrs[i].value = dup(a, p->attributes[i].value);
  }
  q->attributes = attrs;
  return q;
}
