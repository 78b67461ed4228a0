/*
 * keywords.c — see keywords.h.
 */
#include "keywords.h"

#include <stddef.h>
#include <string.h>

#include "framework.h"

static const char *const spellings[JX_KW_COUNT][2] = {
    [JX_KW_PLAN] = {"plan", "计划"},
    [JX_KW_FRAMEWORK] = {"framework", "指标体系"},
    [JX_KW_CURRENCY] = {"currency", "金额单位"},
    [JX_KW_DEPARTMENT] = {"department", "部门"},
    [JX_KW_DIVISION] = {"division", "处室"},
    [JX_KW_UNIT] = {"unit", "单位"},
    [JX_KW_PROJECT] = {"project", "项目"},
    [JX_KW_GOAL] = {"goal", "目标"},
    [JX_KW_MEASURE] = {"measure", "措施"},
    [JX_KW_INDICATOR] = {"indicator", "指标"},
    [JX_KW_BUDGET] = {"budget", "预算"},
    [JX_KW_CODE] = {"code", "编码"},
    [JX_KW_FUNDS] = {"funds", "资金来源"},
    [JX_KW_FISCAL] = {"fiscal", "财政资金"},
    [JX_KW_OTHER] = {"other", "其他资金"},
    [JX_KW_PURPOSE] = {"purpose", "用途"},
    [JX_KW_SCHEDULE] = {"schedule", "支出计划"},
    [JX_KW_DESC] = {"desc", "描述"},
    [JX_KW_BASIS] = {"basis", "依据"},
    [JX_KW_ROLE] = {"role", "角色"},
    [JX_KW_NA] = {"n/a", "不涉及"},
};

const char *jx_keyword(jx_kw k, bool zh) {
  return (unsigned)k < JX_KW_COUNT ? spellings[k][zh ? 1 : 0] : "";
}

const char *jx_keyword_suggest(const char *word) {
  const char *best = NULL;
  size_t best_d = (size_t)-1;
  bool tie = false;
  for (int k = 0; k < JX_KW_COUNT; k++)
    for (int z = 0; z < 2; z++) {
      size_t d = jx_edit_distance(word, spellings[k][z]);
      if (d < best_d) {
        best_d = d;
        best = spellings[k][z];
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
