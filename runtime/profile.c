/*
 * profile.c — the built-in scoring profiles (jixiao_score.h), as tables.
 *
 * The rules of self-evaluation vary by province and year: which part is
 * worth how much, how wide the qualitative bands are, where the grades
 * fall, how a missed ceiling loses credit, how printed forms round.  Each
 * variant is a row here or a `profile` a plan declares (docs/eval.md), and
 * no rule is written as code that names a province.
 *
 *   caiyu2020  财预〔2020〕10号, 附件1 and 2: 预算执行率 10, 产出 50 (成本
 *              indicators count with 产出), 效益 30, 满意度 10; bands
 *              80/50; grades 90/80/60; reverse targets target ÷ actual;
 *              no rounding; monitoring lights 60/80/120.
 *   hubei      the department self-evaluation seen in 湖北: 预算执行率 20,
 *              产出 40, 效益 and 满意度 together 40; otherwise as above.
 */
#include "jixiao_score.h"

#include <string.h>

#define P(n) JX_DEC(n, 0)
#define R(x) JX_ROLE_BIT(JX_ROLE_##x)

/* What the built-ins share, as 财预〔2020〕10号 and the monitoring rules
 * in docs/eval.md set it; a province differs in its parts and weights. */
#define CAIYU_RULES                                                            \
  .execution_cap = 1, .band_met = P(80), .band_partly = P(50),                 \
  .grade_a = P(90), .grade_b = P(80), .grade_c = P(60),                        \
  .reverse = JX_REVERSE_RATIO, .round_places = -1,                             \
  .round_mode = JX_ROUND_HALF_UP, .na = JX_NA_RESCALE, .light_red = P(60),     \
  .light_yellow = P(80), .light_blue = P(120), .budget_red = P(60),            \
  .budget_yellow = P(80), .budget_blue = P(120),                               \
  .budget_basis = JX_BASIS_TIME, .reason_for_yellow = 1

static const jx_profile builtin[] = {
    {.name = "caiyu2020",
     .label = "财预〔2020〕10号",
     .execution_weight = P(10),
     .groups = {{"output", "产出指标", P(50), R(OUTPUT) | R(COST)},
                {"benefit", "效益指标", P(30), R(BENEFIT)},
                {"satisfaction", "满意度指标", P(10), R(SATISFACTION)}},
     .n_groups = 3,
     CAIYU_RULES},
    {.name = "hubei",
     .label = "湖北部门整体自评 20/40/40",
     .execution_weight = P(20),
     .groups = {{"output", "产出指标", P(40), R(OUTPUT) | R(COST)},
                {"benefit", "效益指标（含满意度）", P(40),
                 R(BENEFIT) | R(SATISFACTION)}},
     .n_groups = 2,
     CAIYU_RULES},
};

const jx_profile *jx_profile_default(void) {
  return &builtin[0];
}

const jx_profile *jx_profile_builtin(const char *name) {
  if (!name)
    return NULL;
  for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
    if (strcmp(builtin[i].name, name) == 0)
      return &builtin[i];
  return NULL;
}

const jx_profile *jx_profile_list(size_t *n) {
  if (n)
    *n = sizeof builtin / sizeof *builtin;
  return builtin;
}
