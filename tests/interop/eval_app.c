/*
 * eval_app.c — a budget system's use of libjixiao's scoring, for
 * eval_install_check.sh: the plan comes from a header made by `jxc build
 * -f c` (bdh_plan), the actuals from actuals.h (one jx_project_actuals per
 * project, by code), and every project is scored under the default
 * profile.  Each figure is printed exactly, one per line:
 *
 *   CODE total EXACT GRADE
 *   CODE execution EXACT
 *   CODE indicator I EXACT
 */
#include <stdio.h>
#include <string.h>

#include "jixiao_score.h"
#include "plan.h"

#include "actuals.h"

int main(void) {
  char b[JX_RATIO_BUFSZ];
  int failed = 0;
  for (size_t u = 0; u < bdh_plan.n_units; u++) {
    const jx_unit *unit = &bdh_plan.units[u];
    for (size_t k = 0; k < unit->n_projects; k++) {
      const jx_project *p = &unit->projects[k];
      const jx_project_actuals *a = NULL;
      for (size_t i = 0; i < sizeof reported / sizeof *reported; i++)
        if (strcmp(reported[i].code, p->code) == 0)
          a = &reported[i].actuals;
      if (!a)
        continue;
      jx_indicator_score is[64];
      jx_project_score ps;
      if (p->n_indicators > 64 ||
          jx_score_project(jx_profile_default(), p, a, is, &ps) !=
              JX_DEC_OK) {
        printf("%s failed\n", p->code);
        failed = 1;
        continue;
      }
      jx_ratio_format(ps.total, b);
      printf("%s total %s %s\n", p->code, b, jx_grade_text(ps.grade));
      jx_ratio_format(ps.execution_score, b);
      printf("%s execution %s\n", p->code, b);
      for (size_t i = 0; i < p->n_indicators; i++) {
        jx_ratio_format(is[i].score, b);
        printf("%s indicator %u %s\n", p->code, (unsigned)i, b);
      }
    }
  }
  return failed;
}
