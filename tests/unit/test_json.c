/*
 * test_json.c — unit tests of the JSON back end (compiler/emit/emit_json.c).
 *
 * The model structs are built by hand, the back end is driven through its
 * ops in the event order of backend.h, and the output is compared byte for
 * byte: the JSON layout is a public contract (docs/json.md), so any change
 * to it should fail here first.
 *
 * Setting JX_JSON_DUMP=FILE writes the full sample document to FILE, for
 * checking it against docs/jixiao.schema.json:
 *   JX_JSON_DUMP=/tmp/d.json build/tests/test_json &&
 *   python3 -m jsonschema -i /tmp/d.json docs/jixiao.schema.json
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "jixiao.h"
#include "out.h"

/* ---- Driving the back end --------------------------------------------- */

static char *render(const jx_plan *plan) {
  jx_emit_options opt = {0};
  return render_plan("json", &opt, plan);
}

/* Fails with both texts shown if s does not contain needle. */
static void assert_contains(const char *s, const char *needle) {
  if (!strstr(s, needle)) {
    print_error("expected to find:\n%s\nin:\n%s\n", needle, s);
    fail();
  }
}

/* ---- The sample plan -------------------------------------------------- */

static const char *const project_goals[] = {"完成国土空间规划编制"};

static const jx_target period_target = {JX_KIND_QUANTITATIVE,
                                        JX_OP_GE,
                                        JX_DEC(1500, 0),
                                        "亩",
                                        JX_DIM_AREA,
                                        "≥1500亩",
                                        {0},
                                        NULL};

static const jx_schedule_point schedule[] = {
    {3, JX_DEC(25, 0)},
    {12, JX_DEC(100, 0)},
};

static const jx_indicator project_indicators[] = {
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "quantity",
     .level2_label = "数量指标",
     .name = "培训人数",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_GE,
     .value = JX_DEC(22, 0),
     .unit = "人",
     .dimension = JX_DIM_COUNT,
     .text = "≥22人",
     .basis = "年度工作计划",
     .line = 40,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_QUANTITY},
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "quality",
     .level2_label = "质量指标",
     .name = "规划质量",
     .description = "通过专家评审",
     .kind = JX_KIND_QUALITATIVE,
     .op = JX_OP_EQ,
     .text = "圆满完成",
     .line = 41,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_QUALITY},
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "timeliness",
     .level2_label = "时效指标",
     .name = "完成时间",
     .kind = JX_KIND_DATE,
     .op = JX_OP_LE,
     .value = JX_DEC(20211231, 0),
     .text = "2021年12月31日",
     .line = 42,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_TIMELINESS},
    {.level1 = "benefit",
     .level1_label = "效益指标",
     .level2 = "economic",
     .level2_label = "经济效益指标",
     .name = "经济效益",
     .kind = JX_KIND_NA,
     .op = JX_OP_EQ,
     .text = "不涉及",
     .line = 43,
     .level1_role = JX_ROLE_BENEFIT},
    /* issue 11: a row with two targets and the explanation columns, and a
     * row the form prints empty */
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "quantity",
     .level2_label = "数量指标",
     .name = "修复面积",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_GE,
     .value = JX_DEC(500, 0),
     .unit = "亩",
     .dimension = JX_DIM_AREA,
     .text = "≥500亩",
     .line = 44,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_QUANTITY,
     .period_target = &period_target,
     .standard = "计划标准",
     .explanation = "累计修复面积",
     .value_note = "按年度计",
     .remark = "无",
     .scoring = "每少1亩扣1分"},
    {.level1 = "benefit",
     .level1_label = "效益指标",
     .level2 = "ecological",
     .level2_label = "生态效益指标",
     .kind = JX_KIND_EMPTY,
     .op = JX_OP_EQ,
     .line = 45,
     .level1_role = JX_ROLE_BENEFIT},
    /* version 3: a cost per unit and a date range */
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "cost",
     .level2_label = "成本指标",
     .name = "亩均成本",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_LE,
     .value = JX_DEC(475, 0),
     .unit = "元/亩",
     .dimension = JX_DIM_MONEY_PER,
     .text = "≤475元/亩",
     .line = 46,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_COST,
     .per_unit = "亩"},
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "timeliness",
     .level2_label = "时效指标",
     .name = "服务周期",
     .kind = JX_KIND_DATE_RANGE,
     .op = JX_OP_EQ,
     .value = JX_DEC(20230700, 0),
     .value_end = JX_DEC(20240131, 0),
     .text = "2023.07-2024年1月31日",
     .line = 47,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_TIMELINESS},
};

static const jx_source sources[] = {
    {"superior", "上级资金", JX_DEC(60, 0), 1},
    {"local", "本级资金", JX_DEC(29, 100000), 1},
};
static const jx_line_item lines[] = {
    {"规划编制", JX_DEC(80, 0)},
    {NULL, JX_DEC(9, 100000)},
};
static const jx_attribute attributes[] = {{"资金性质", "一般公共预算"}};
static const char *const overall_goals[] = {"三年内完成全域规划"};

static const jx_project unit_projects[] = {
    {.code = "130304215088YYECLPBDL",
     .name = "国土空间规划编制经费",
     .budget = JX_DEC(89, 100000),
     .fiscal = JX_DEC(89, 100000),
     .other = JX_DEC(0, 0),
     .purpose = "用于规划编制",
     .schedule = schedule,
     .n_schedule = 2,
     .goals = project_goals,
     .n_goals = 1,
     .indicators = project_indicators,
     .n_indicators = 8,
     .line = 12,
     .has_total = 1,
     .total = JX_DEC(200, 0),
     .period = "2021年-2023年",
     .period_start = JX_DEC(20210000, 0),
     .period_end = JX_DEC(20230000, 0),
     .supervisor = {"505", "北戴河区人民政府"},
     .implementer = {NULL, "规划编制中心"},
     .overall_goals = overall_goals,
     .n_overall_goals = 1,
     .sources = sources,
     .n_sources = 2,
     .breakdown = lines,
     .n_breakdown = 2,
     .classification = "专项业务类",
     .nature = "延续项目",
     .continuity = JX_CONTINUITY_CONTINUING,
     .policy = "秦政字〔2020〕5号",
     .document = "秦财预〔2021〕1号",
     .subject = "2200101",
     .manager = {"张三", "0335-4041234"},
     .contact = {"李四", NULL},
     .attributes = attributes,
     .n_attributes = 1},
};

static const char *const unit_goals[] = {"保障全区经济社会高质量发展",
                                         "严格保护耕地红线"};

static const jx_measure unit_measures[] = {
    {"加强组织领导", "明确工作责任"},
    {"完善制度建设", NULL},
};

static const jx_project loose_projects[] = {
    {.name = "零星项目", .budget = JX_DEC(1909, 0), .line = 80},
};

static const jx_unit sample_units[] = {
    {.code = "324001",
     .name = "北戴河区自然资源和规划局",
     .goals = unit_goals,
     .n_goals = 2,
     .measures = unit_measures,
     .n_measures = 2,
     .projects = unit_projects,
     .n_projects = 1,
     .supervisor = {"505", "北戴河区人民政府"}},
    {.code = NULL, .name = NULL, .projects = loose_projects, .n_projects = 1},
};

static const char *const dept_goals[] = {"绘好空间规划蓝图"};
static const char *const division_goals[] = {"负责机关日常运转工作"};

static const jx_indicator division_indicators[] = {
    {.name = "完成率",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_EQ,
     .value = JX_DEC(100, 0),
     .unit = "%",
     .dimension = JX_DIM_PERCENT,
     .text = "=100%",
     .line = 7},
};

static const jx_division divisions[] = {
    {.name = "办公室",
     .goals = division_goals,
     .n_goals = 1,
     .indicators = division_indicators,
     .n_indicators = 1},
};

static const jx_measure dept_measures[] = {
    {"加强绩效运行监控", "实行“双监控”"},
};

static const jx_department sample_department = {
    .name = "秦皇岛市北戴河区自然资源和规划局",
    .goals = dept_goals,
    .n_goals = 1,
    .indicators = division_indicators,
    .n_indicators = 1,
    .divisions = divisions,
    .n_divisions = 1,
    .measures = dept_measures,
    .n_measures = 1,
    .code = "901001033",
    .has_budget = 1,
    .budget = JX_DEC(171, 410000),
    .breakdown = lines,
    .n_breakdown = 2,
};

static const jx_plan sample_plan = {
    .year = 2021,
    .framework = "local",
    .currency = "万元",
    .department = &sample_department,
    .units = sample_units,
    .n_units = 2,
    .form = "mof2021",
};

static const char sample_json[] =
    "{\n"
    "  \"jixiao\": 3,\n"
    "  \"year\": 2021,\n"
    "  \"framework\": \"local\",\n"
    "  \"form\": \"mof2021\",\n"
    "  \"currency\": \"万元\",\n"
    "  \"units\": [\n"
    "    {\n"
    "      \"code\": \"324001\",\n"
    "      \"name\": \"北戴河区自然资源和规划局\",\n"
    "      \"projects\": [\n"
    "        {\n"
    "          \"code\": \"130304215088YYECLPBDL\",\n"
    "          \"name\": \"国土空间规划编制经费\",\n"
    "          \"budget\": 89.1,\n"
    "          \"total\": 200,\n"
    "          \"fiscal\": 89.1,\n"
    "          \"other\": 0,\n"
    "          \"sources\": [\n"
    "            {\n"
    "              \"kind\": \"superior\",\n"
    "              \"label\": \"上级资金\",\n"
    "              \"amount\": 60,\n"
    "              \"fiscal\": true\n"
    "            },\n"
    "            {\n"
    "              \"kind\": \"local\",\n"
    "              \"label\": \"本级资金\",\n"
    "              \"amount\": 29.1,\n"
    "              \"fiscal\": true\n"
    "            }\n"
    "          ],\n"
    "          \"breakdown\": [\n"
    "            {\n"
    "              \"name\": \"规划编制\",\n"
    "              \"amount\": 80\n"
    "            },\n"
    "            {\n"
    "              \"name\": null,\n"
    "              \"amount\": 9.1\n"
    "            }\n"
    "          ],\n"
    "          \"purpose\": \"用于规划编制\",\n"
    "          \"period\": {\n"
    "            \"text\": \"2021年-2023年\",\n"
    "            \"start\": \"2021\",\n"
    "            \"end\": \"2023\"\n"
    "          },\n"
    "          \"supervisor\": {\n"
    "            \"code\": \"505\",\n"
    "            \"name\": \"北戴河区人民政府\"\n"
    "          },\n"
    "          \"implementer\": {\n"
    "            \"code\": null,\n"
    "            \"name\": \"规划编制中心\"\n"
    "          },\n"
    "          \"classification\": \"专项业务类\",\n"
    "          \"nature\": \"延续项目\",\n"
    "          \"continuity\": \"continuing\",\n"
    "          \"policy\": \"秦政字〔2020〕5号\",\n"
    "          \"document\": \"秦财预〔2021〕1号\",\n"
    "          \"subject\": \"2200101\",\n"
    "          \"manager\": {\n"
    "            \"name\": \"张三\",\n"
    "            \"phone\": \"0335-4041234\"\n"
    "          },\n"
    "          \"contact\": {\n"
    "            \"name\": \"李四\",\n"
    "            \"phone\": null\n"
    "          },\n"
    "          \"attributes\": [\n"
    "            {\n"
    "              \"key\": \"资金性质\",\n"
    "              \"value\": \"一般公共预算\"\n"
    "            }\n"
    "          ],\n"
    "          \"schedule\": [\n"
    "            {\n"
    "              \"month\": 3,\n"
    "              \"percent\": 25\n"
    "            },\n"
    "            {\n"
    "              \"month\": 12,\n"
    "              \"percent\": 100\n"
    "            }\n"
    "          ],\n"
    "          \"overall_goals\": [\n"
    "            \"三年内完成全域规划\"\n"
    "          ],\n"
    "          \"goals\": [\n"
    "            \"完成国土空间规划编制\"\n"
    "          ],\n"
    "          \"indicators\": [\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"quantity\",\n"
    "              \"level2_label\": \"数量指标\",\n"
    "              \"level2_role\": \"quantity\",\n"
    "              \"name\": \"培训人数\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"quantitative\",\n"
    "              \"op\": \">=\",\n"
    "              \"value\": 22,\n"
    "              \"unit\": \"人\",\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"≥22人\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": \"年度工作计划\",\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 40\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"quality\",\n"
    "              \"level2_label\": \"质量指标\",\n"
    "              \"level2_role\": \"quality\",\n"
    "              \"name\": \"规划质量\",\n"
    "              \"description\": \"通过专家评审\",\n"
    "              \"kind\": \"qualitative\",\n"
    "              \"op\": \"=\",\n"
    "              \"value\": \"圆满完成\",\n"
    "              \"unit\": null,\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"圆满完成\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 41\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"timeliness\",\n"
    "              \"level2_label\": \"时效指标\",\n"
    "              \"level2_role\": \"timeliness\",\n"
    "              \"name\": \"完成时间\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"date\",\n"
    "              \"op\": \"<=\",\n"
    "              \"value\": \"2021-12-31\",\n"
    "              \"unit\": null,\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"2021年12月31日\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 42\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"benefit\",\n"
    "              \"level1_label\": \"效益指标\",\n"
    "              \"level1_role\": \"benefit\",\n"
    "              \"level2\": \"economic\",\n"
    "              \"level2_label\": \"经济效益指标\",\n"
    "              \"level2_role\": null,\n"
    "              \"name\": \"经济效益\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"na\",\n"
    "              \"op\": \"=\",\n"
    "              \"value\": null,\n"
    "              \"unit\": null,\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"不涉及\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 43\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"quantity\",\n"
    "              \"level2_label\": \"数量指标\",\n"
    "              \"level2_role\": \"quantity\",\n"
    "              \"name\": \"修复面积\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"quantitative\",\n"
    "              \"op\": \">=\",\n"
    "              \"value\": 500,\n"
    "              \"unit\": \"亩\",\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"≥500亩\",\n"
    "              \"period_target\": {\n"
    "                \"kind\": \"quantitative\",\n"
    "                \"op\": \">=\",\n"
    "                \"value\": 1500,\n"
    "                \"unit\": \"亩\",\n"
    "                \"per_unit\": null,\n"
    "                \"text\": \"≥1500亩\"\n"
    "              },\n"
    "              \"basis\": null,\n"
    "              \"standard\": \"计划标准\",\n"
    "              \"explanation\": \"累计修复面积\",\n"
    "              \"value_note\": \"按年度计\",\n"
    "              \"remark\": \"无\",\n"
    "              \"scoring\": \"每少1亩扣1分\",\n"
    "              \"line\": 44\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"benefit\",\n"
    "              \"level1_label\": \"效益指标\",\n"
    "              \"level1_role\": \"benefit\",\n"
    "              \"level2\": \"ecological\",\n"
    "              \"level2_label\": \"生态效益指标\",\n"
    "              \"level2_role\": null,\n"
    "              \"name\": null,\n"
    "              \"description\": null,\n"
    "              \"kind\": \"empty\",\n"
    "              \"op\": \"=\",\n"
    "              \"value\": null,\n"
    "              \"unit\": null,\n"
    "              \"per_unit\": null,\n"
    "              \"text\": null,\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 45\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"cost\",\n"
    "              \"level2_label\": \"成本指标\",\n"
    "              \"level2_role\": \"cost\",\n"
    "              \"name\": \"亩均成本\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"quantitative\",\n"
    "              \"op\": \"<=\",\n"
    "              \"value\": 475,\n"
    "              \"unit\": \"元/亩\",\n"
    "              \"per_unit\": \"亩\",\n"
    "              \"text\": \"≤475元/亩\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 46\n"
    "            },\n"
    "            {\n"
    "              \"level1\": \"output\",\n"
    "              \"level1_label\": \"产出指标\",\n"
    "              \"level1_role\": \"output\",\n"
    "              \"level2\": \"timeliness\",\n"
    "              \"level2_label\": \"时效指标\",\n"
    "              \"level2_role\": \"timeliness\",\n"
    "              \"name\": \"服务周期\",\n"
    "              \"description\": null,\n"
    "              \"kind\": \"date_range\",\n"
    "              \"op\": \"=\",\n"
    "              \"value\": {\n"
    "                \"start\": \"2023-07\",\n"
    "                \"end\": \"2024-01-31\"\n"
    "              },\n"
    "              \"unit\": null,\n"
    "              \"per_unit\": null,\n"
    "              \"text\": \"2023.07-2024年1月31日\",\n"
    "              \"period_target\": null,\n"
    "              \"basis\": null,\n"
    "              \"standard\": null,\n"
    "              \"explanation\": null,\n"
    "              \"value_note\": null,\n"
    "              \"remark\": null,\n"
    "              \"scoring\": null,\n"
    "              \"line\": 47\n"
    "            }\n"
    "          ],\n"
    "          \"line\": 12\n"
    "        }\n"
    "      ],\n"
    "      \"goals\": [\n"
    "        \"保障全区经济社会高质量发展\",\n"
    "        \"严格保护耕地红线\"\n"
    "      ],\n"
    "      \"measures\": [\n"
    "        {\n"
    "          \"title\": \"加强组织领导\",\n"
    "          \"text\": \"明确工作责任\"\n"
    "        },\n"
    "        {\n"
    "          \"title\": \"完善制度建设\",\n"
    "          \"text\": null\n"
    "        }\n"
    "      ],\n"
    "      \"supervisor\": {\n"
    "        \"code\": \"505\",\n"
    "        \"name\": \"北戴河区人民政府\"\n"
    "      },\n"
    "      \"implementer\": null\n"
    "    },\n"
    "    {\n"
    "      \"code\": null,\n"
    "      \"name\": null,\n"
    "      \"projects\": [\n"
    "        {\n"
    "          \"code\": null,\n"
    "          \"name\": \"零星项目\",\n"
    "          \"budget\": 1909,\n"
    "          \"total\": null,\n"
    "          \"fiscal\": 0,\n"
    "          \"other\": 0,\n"
    "          \"sources\": [],\n"
    "          \"breakdown\": [],\n"
    "          \"purpose\": null,\n"
    "          \"period\": null,\n"
    "          \"supervisor\": null,\n"
    "          \"implementer\": null,\n"
    "          \"classification\": null,\n"
    "          \"nature\": null,\n"
    "          \"continuity\": null,\n"
    "          \"policy\": null,\n"
    "          \"document\": null,\n"
    "          \"subject\": null,\n"
    "          \"manager\": null,\n"
    "          \"contact\": null,\n"
    "          \"attributes\": [],\n"
    "          \"schedule\": [],\n"
    "          \"overall_goals\": [],\n"
    "          \"goals\": [],\n"
    "          \"indicators\": [],\n"
    "          \"line\": 80\n"
    "        }\n"
    "      ],\n"
    "      \"goals\": [],\n"
    "      \"measures\": [],\n"
    "      \"supervisor\": null,\n"
    "      \"implementer\": null\n"
    "    }\n"
    "  ],\n"
    "  \"department\": {\n"
    "    \"name\": \"秦皇岛市北戴河区自然资源和规划局\",\n"
    "    \"code\": \"901001033\",\n"
    "    \"budget\": 171.41,\n"
    "    \"breakdown\": [\n"
    "      {\n"
    "        \"name\": \"规划编制\",\n"
    "        \"amount\": 80\n"
    "      },\n"
    "      {\n"
    "        \"name\": null,\n"
    "        \"amount\": 9.1\n"
    "      }\n"
    "    ],\n"
    "    \"goals\": [\n"
    "      \"绘好空间规划蓝图\"\n"
    "    ],\n"
    "    \"indicators\": [\n"
    "      {\n"
    "        \"level1\": null,\n"
    "        \"level1_label\": null,\n"
    "        \"level1_role\": null,\n"
    "        \"level2\": null,\n"
    "        \"level2_label\": null,\n"
    "        \"level2_role\": null,\n"
    "        \"name\": \"完成率\",\n"
    "        \"description\": null,\n"
    "        \"kind\": \"quantitative\",\n"
    "        \"op\": \"=\",\n"
    "        \"value\": 100,\n"
    "        \"unit\": \"%\",\n"
    "        \"per_unit\": null,\n"
    "        \"text\": \"=100%\",\n"
    "        \"period_target\": null,\n"
    "        \"basis\": null,\n"
    "        \"standard\": null,\n"
    "        \"explanation\": null,\n"
    "        \"value_note\": null,\n"
    "        \"remark\": null,\n"
    "        \"scoring\": null,\n"
    "        \"line\": 7\n"
    "      }\n"
    "    ],\n"
    "    \"divisions\": [\n"
    "      {\n"
    "        \"name\": \"办公室\",\n"
    "        \"goals\": [\n"
    "          \"负责机关日常运转工作\"\n"
    "        ],\n"
    "        \"indicators\": [\n"
    "          {\n"
    "            \"level1\": null,\n"
    "            \"level1_label\": null,\n"
    "            \"level1_role\": null,\n"
    "            \"level2\": null,\n"
    "            \"level2_label\": null,\n"
    "            \"level2_role\": null,\n"
    "            \"name\": \"完成率\",\n"
    "            \"description\": null,\n"
    "            \"kind\": \"quantitative\",\n"
    "            \"op\": \"=\",\n"
    "            \"value\": 100,\n"
    "            \"unit\": \"%\",\n"
    "            \"per_unit\": null,\n"
    "            \"text\": \"=100%\",\n"
    "            \"period_target\": null,\n"
    "            \"basis\": null,\n"
    "            \"standard\": null,\n"
    "            \"explanation\": null,\n"
    "            \"value_note\": null,\n"
    "            \"remark\": null,\n"
    "            \"scoring\": null,\n"
    "            \"line\": 7\n"
    "          }\n"
    "        ]\n"
    "      }\n"
    "    ],\n"
    "    \"measures\": [\n"
    "      {\n"
    "        \"title\": \"加强绩效运行监控\",\n"
    "        \"text\": \"实行“双监控”\"\n"
    "      }\n"
    "    ]\n"
    "  }\n"
    "}\n";

static void test_full_document(void **state) {
  (void)state;
  char *doc = render(&sample_plan);
  /* Written before the comparison, so that a changed document can be
   * looked at (and checked against the schema) when it fails. */
  const char *dump = getenv("JX_JSON_DUMP");
  if (dump && *dump) {
    FILE *f = fopen(dump, "w");
    assert_non_null(f);
    fputs(doc, f);
    assert_int_equal(fclose(f), 0);
  }
  assert_string_equal(doc, sample_json);
  free(doc);
}

/* A plan that says nothing: year unknown, no units, no department. */
static void test_empty_plan(void **state) {
  (void)state;
  jx_plan plan = {.framework = "local", .currency = "万元"};
  char *doc = render(&plan);
  assert_string_equal(doc, "{\n"
                           "  \"jixiao\": 3,\n"
                           "  \"year\": null,\n"
                           "  \"framework\": \"local\",\n"
                           "  \"form\": \"generic\",\n"
                           "  \"currency\": \"万元\",\n"
                           "  \"units\": [],\n"
                           "  \"department\": null\n"
                           "}\n");
  free(doc);
}

static void test_department_absent(void **state) {
  (void)state;
  jx_plan plan = sample_plan;
  plan.department = NULL;
  char *doc = render(&plan);
  /* Everything up to the department is unchanged. */
  const char *tail = "  \"department\": {";
  const char *cut = strstr(sample_json, tail);
  assert_non_null(cut);
  size_t head = (size_t)(cut - sample_json);
  assert_memory_equal(doc, sample_json, head);
  assert_string_equal(doc + head, "  \"department\": null\n}\n");
  free(doc);
}

/* A department with nothing in it, and units with no projects. */
static void test_department_empty(void **state) {
  (void)state;
  jx_department dep = {.name = "部门"};
  jx_unit units[] = {{.code = "1", .name = "a"}};
  jx_plan plan = {.year = 2022,
                  .framework = "central2021",
                  .currency = "元",
                  .department = &dep,
                  .units = units,
                  .n_units = 1};
  char *doc = render(&plan);
  assert_string_equal(doc, "{\n  \"jixiao\": 3,\n  \"year\": 2022,\n"
                           "  \"framework\": \"central2021\",\n"
                           "  \"form\": \"generic\",\n"
                           "  \"currency\": \"元\",\n"
                           "  \"units\": [\n"
                           "    {\n"
                           "      \"code\": \"1\",\n"
                           "      \"name\": \"a\",\n"
                           "      \"projects\": [],\n"
                           "      \"goals\": [],\n"
                           "      \"measures\": [],\n"
                           "      \"supervisor\": null,\n"
                           "      \"implementer\": null\n"
                           "    }\n"
                           "  ],\n"
                           "  \"department\": {\n"
                           "    \"name\": \"部门\",\n"
                           "    \"code\": null,\n"
                           "    \"budget\": null,\n"
                           "    \"breakdown\": [],\n"
                           "    \"goals\": [],\n"
                           "    \"indicators\": [],\n"
                           "    \"divisions\": [],\n"
                           "    \"measures\": []\n"
                           "  }\n"
                           "}\n");
  free(doc);
}

/* ---- Strings ------------------------------------------------------------ */

/* The JSON text put_string makes of s: render a plan whose currency is s
   and cut the value out of its line. */
static char *json_string(const char *s) {
  jx_plan plan = {.year = 1, .framework = "f", .currency = s};
  char *doc = render(&plan);
  const char *key = "  \"currency\": ";
  char *start = strstr(doc, key);
  assert_non_null(start);
  start += strlen(key);
  char *end = strstr(start, ",\n  \"units\"");
  assert_non_null(end);
  size_t n = (size_t)(end - start);
  memmove(doc, start, n);
  doc[n] = '\0';
  return doc;
}

/* The back end, and the same escaper into a string buffer (json.h: what
 * the diagnostics' JSON lines use), both give want. */
static void check_string(const char *in, const char *want) {
  char *got = json_string(in);
  assert_string_equal(got, want);
  free(got);
  jx_strbuf b = {NULL, 0, 0};
  jx_json_string_sb(&b, in);
  assert_string_equal(b.p, want);
  jx_sb_free(&b);
}

static void test_escapes(void **state) {
  (void)state;
  check_string("", "\"\"");
  check_string("plain", "\"plain\"");
  check_string("a\"b\\c", "\"a\\\"b\\\\c\"");
  check_string("line\nnext\ttab", "\"line\\nnext\\ttab\"");
  check_string("\r\b\f", "\"\\r\\b\\f\"");
  check_string("\x01 \x1f", "\"\\u0001 \\u001f\"");
  /* DEL and '/' need no escape; JSON does not ask for one. */
  check_string("\x7f/", "\"\x7f/\"");
  check_string("</script>", "\"</script>\"");
  /* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR */
  check_string("x\xe2\x80\xa8y\xe2\x80\xa9z", "\"x\\u2028y\\u2029z\"");
  /* Their neighbours U+2027 and U+202A are ordinary. */
  check_string("\xe2\x80\xa7\xe2\x80\xaa", "\"\xe2\x80\xa7\xe2\x80\xaa\"");
  /* Well-formed UTF-8 of every length passes unchanged. */
  check_string("é中文😀", "\"é中文😀\"");
  check_string("“双监控”，≥90％", "\"“双监控”，≥90％\"");
  /* E2 leads ≥ — “ ” and U+2028/9 alike: the fast path takes the first
   * and leaves the second, and a broken E2 sequence, to the escaper. */
  check_string("a—b\xe2\x80\xa9", "\"a—b\\u2029\"");
  check_string("≥\xe2\x80", "\"≥\\ufffd\"");
  check_string("\xe2(≤", "\"\\ufffd(≤\"");
}

static void test_invalid_utf8(void **state) {
  (void)state;
  /* a stray continuation byte and bytes never valid in UTF-8 */
  check_string("a\x80z", "\"a\\ufffdz\"");
  check_string("\xff\xfe", "\"\\ufffd\\ufffd\"");
  /* a lead byte at the end of the string, or before ASCII */
  check_string("x\xc3", "\"x\\ufffd\"");
  check_string("\xc3(z", "\"\\ufffd(z\"");
  /* a truncated 3-byte sequence is one maximal subpart: one U+FFFD */
  check_string("\xe4\xb8z", "\"\\ufffdz\"");
  check_string("\xe4\xb8", "\"\\ufffd\"");
  /* overlong forms and surrogates: every byte is its own subpart */
  check_string("\xc0\xaf", "\"\\ufffd\\ufffd\"");
  check_string("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");
  check_string("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
  /* beyond U+10FFFF */
  check_string("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
  /* truncated 4-byte sequences */
  check_string("\xf0\x9f\x98z", "\"\\ufffdz\"");
  check_string("\xf0\x9fz", "\"\\ufffdz\"");
  /* the good text around a bad byte survives, escapes included */
  check_string("中\xff\"文", "\"中\\ufffd\\\"文\"");
}

/* Long strings cross the 4 KiB first allocation of the memory buffer. */
static void test_long_string(void **state) {
  (void)state;
  size_t n = 100000;
  char *in = malloc(n * 3 + 2);
  assert_non_null(in);
  for (size_t i = 0; i < n; i++)
    memcpy(in + 3 * i, "中", 3);
  in[3 * n] = '"';
  in[3 * n + 1] = '\0';
  char *got = json_string(in);
  assert_int_equal(strlen(got), 3 * n + 4);
  assert_memory_equal(got + 1, in, 3 * n);
  assert_string_equal(got + 1 + 3 * n, "\\\"\"");
  free(got);
  free(in);
}

/* The fast paths (jx_json_string, and jx_json_string_keep, which must
 * also leave JX_JSON_SLACK bytes free) against the escaper alone
 * (jx_json_string_sb), on random strings of the bytes where the fast
 * paths decide: ASCII, escapes, every kind of lead and continuation
 * byte, the bytes of U+2028/9. */
static void test_string_random(void **state) {
  (void)state;
  static const unsigned char alphabet[] = {
      'a',  ' ',  '"',  '\\', '\n', 0x01, 0x1f, 0x7f, 0x80,
      0x8f, 0x9f, 0xa8, 0xa9, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0,
      0xe2, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  uint64_t seed = 7;
  char in[64];
  for (int k = 0; k < 20000; k++) {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    size_t n = (size_t)(seed >> 59) + (k % 3 == 0 ? 16 : 0);
    for (size_t i = 0; i < n; i++) {
      seed = seed * 6364136223846793005u + 1442695040888963407u;
      in[i] = (char)alphabet[(seed >> 33) % sizeof alphabet];
    }
    in[n] = '\0';
    jx_strbuf want = {NULL, 0, 0};
    jx_json_string_sb(&want, in);
    for (int keep = 0; keep < 2; keep++) {
      jx_out o;
      jx_out_init_mem(&o);
      if (keep)
        jx_json_string_keep(&o, in);
      else
        jx_json_string(&o, in);
      assert_true(!keep || o.cap - o.len >= JX_JSON_SLACK);
      size_t len;
      const char *got = jx_out_data(&o, &len);
      assert_int_equal(len, want.n);
      assert_memory_equal(got, want.p, want.n);
      jx_out_free(&o);
    }
    jx_sb_free(&want);
  }
}

/* jx_json_string writes a string without escapes in one copy when the
 * buffer has room for it and its quotes, and piece by piece when not: at
 * every fill level around the end of the buffer, with and without
 * escapes, the bytes are those of the jx_strbuf path (which has no such
 * shortcut). */
static void test_string_at_buffer_end(void **state) {
  (void)state;
  static const char *const texts[] = {
      "中文名称", "ab", "", "a\"b", "中\xe4\xb8", "x\xe2\x80\xa8y"};
  for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
    jx_strbuf want = {NULL, 0, 0};
    jx_json_string_sb(&want, texts[t]);
    for (size_t fill = 4096 - 20; fill <= 4096 + 2; fill++) {
      jx_out o;
      jx_out_init_mem(&o); /* 4096 bytes at first, then doubling */
      for (size_t i = 0; i < fill; i++)
        jx_out_putc(&o, '.');
      jx_json_string(&o, texts[t]);
      size_t len;
      const char *got = jx_out_data(&o, &len);
      assert_int_equal(len, fill + want.n);
      assert_memory_equal(got + fill, want.p, want.n);
      jx_out_free(&o);
    }
    jx_sb_free(&want);
  }
}

/* The back end writes the enums' texts from tables of literals
 * (emit_json.c): for every value, and one past each table, what it writes
 * is what jx_json_string makes of jx_kind_text, jx_op_text and
 * jx_role_text, in every place they appear. */
static char *indicator_json(const jx_indicator *x) {
  jx_out o;
  jx_out_init_mem(&o);
  jx_emit_json_indicator(&o, x);
  size_t n;
  char *copy = strdup(jx_out_data(&o, &n));
  assert_non_null(copy);
  jx_out_free(&o);
  return copy;
}

static void expect_member(const char *doc, const char *key, const char *s) {
  jx_strbuf want = {NULL, 0, 0};
  jx_sb_add(&want, "\"", 1);
  jx_sb_add(&want, key, strlen(key));
  jx_sb_add(&want, "\": ", 3);
  jx_json_string_sb(&want, s);
  jx_sb_add(&want, ",\n", 2);
  jx_sb_add(&want, "", 1);
  assert_contains(doc, want.p);
  jx_sb_free(&want);
}

static void test_enum_literals(void **state) {
  (void)state;
  for (int v = 0; v <= 8; v++) {
    jx_target t = {.kind = JX_KIND_NA, .op = (jx_op)v};
    jx_indicator x = {.name = "n",
                      .kind = v <= 6 ? (jx_kind)v : JX_KIND_NA,
                      .op = (jx_op)v,
                      .level1_role = (jx_role)v,
                      .level2_role = (jx_role)(8 - v),
                      .period_target = &t};
    if (x.kind == JX_KIND_DATE_RANGE) /* a value that is not an object */
      x.kind = JX_KIND_NA;
    t.kind = x.kind;
    char *doc = indicator_json(&x);
    expect_member(doc, "level1_role", jx_role_text((jx_role)v));
    expect_member(doc, "level2_role", jx_role_text((jx_role)(8 - v)));
    expect_member(doc, "kind", jx_kind_text(x.kind));
    expect_member(doc, "op", jx_op_text((jx_op)v));
    free(doc);
  }
}

/* The back end writes decimals with its own digit loop (emit_json.c):
 * the same text as jx_decimal_format, for the extremes and for values of
 * every size and number of places. */
static void test_decimals(void **state) {
  (void)state;
  int64_t fixed[] = {0,
                     1,
                     -1,
                     999999,
                     1000000,
                     -1000000,
                     250000,
                     -250000,
                     406400000,
                     100000000,
                     INT64_MAX,
                     INT64_MIN,
                     INT64_MIN + 1,
                     1234567890123456789};
  uint64_t seed = 42;
  for (size_t k = 0; k < sizeof fixed / sizeof fixed[0] + 5000; k++) {
    int64_t v;
    if (k < sizeof fixed / sizeof fixed[0]) {
      v = fixed[k];
    } else {
      seed = seed * 6364136223846793005u + 1442695040888963407u;
      /* a random number of digits, with trailing zeros now and then */
      uint64_t r = seed >> 1;
      int digits = (int)(seed % 19);
      for (int i = 0; i < 18 - digits; i++)
        r /= 10;
      if ((seed >> 7) % 3 == 0)
        r = r / 1000 * 1000;
      v = (seed >> 3) % 2 ? (int64_t)r : -(int64_t)r;
    }
    jx_indicator x = {.name = "n", .value = {v}};
    char *doc = indicator_json(&x);
    char want[JX_DECIMAL_BUFSZ + 16];
    char num[JX_DECIMAL_BUFSZ];
    jx_decimal_format((jx_decimal){v}, num);
    snprintf(want, sizeof want, "\"value\": %s,\n", num);
    assert_contains(doc, want);
    free(doc);
  }
}

/* ---- Numbers and values ---------------------------------------------- */

/* Exact decimals and the values the sample document does not show. */
static void test_values(void **state) {
  (void)state;
  jx_indicator ind[] = {
      {.name = "i", .value = JX_DEC(1909, 0), .text = "1909"},
      {.name = "f", .value = JX_DEC(0, 250000), .text = "0.25"},
      {.name = "m", .kind = JX_KIND_DATE, .value = JX_DEC(20211200, 0)},
      {.name = "q", .kind = JX_KIND_QUALITATIVE, .text = "好\"转\""},
  };
  jx_schedule_point sch[] = {{6, JX_DEC(33, 333333)}};
  jx_project p[] = {{.name = "p",
                     .budget = JX_DEC(89, 100000),
                     .fiscal = {1},
                     .other = {-5000000},
                     .schedule = sch,
                     .n_schedule = 1,
                     .indicators = ind,
                     .n_indicators = 4}};
  jx_unit u[] = {{.code = "1", .name = "u", .projects = p, .n_projects = 1}};
  jx_plan plan = {.currency = "万元", .units = u, .n_units = 1};
  char *doc = render(&plan);
  assert_contains(doc, "\"year\": null,\n  \"framework\": null,\n");
  assert_contains(doc, "\"budget\": 89.1,\n");
  assert_contains(doc, "\"fiscal\": 0.000001,\n");
  assert_contains(doc, "\"other\": -5,\n");
  assert_contains(doc, "\"percent\": 33.333333\n");
  assert_contains(doc, "\"value\": 1909,\n");
  assert_contains(doc, "\"value\": 0.25,\n");
  assert_contains(doc, "\"value\": \"2021-12\",\n");
  assert_contains(doc, "\"value\": \"好\\\"转\\\"\",\n");
  free(doc);
}

static void test_registry(void **state) {
  (void)state;
  assert_ptr_equal(jx_backend_find("json"), &jx_backend_json);
  assert_null(jx_backend_find("JSON"));
  assert_null(jx_backend_find("xml"));
  assert_null(jx_backend_find(NULL));
  size_t n = 0;
  while (jx_backends[n])
    n++;
  assert_true(n >= 1);
  for (size_t i = 0; i < n; i++)
    assert_ptr_equal(jx_backend_find(jx_backends[i]->name), jx_backends[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_full_document),
      cmocka_unit_test(test_empty_plan),
      cmocka_unit_test(test_department_absent),
      cmocka_unit_test(test_department_empty),
      cmocka_unit_test(test_escapes),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_long_string),
      cmocka_unit_test(test_string_at_buffer_end),
      cmocka_unit_test(test_string_random),
      cmocka_unit_test(test_enum_literals),
      cmocka_unit_test(test_decimals),
      cmocka_unit_test(test_values),
      cmocka_unit_test(test_registry),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
