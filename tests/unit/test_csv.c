/*
 * test_csv.c — unit tests of the CSV back end (compiler/emit/emit_csv.c).
 *
 * The model is built by hand, the back end driven through its ops in the
 * event order of backend.h, and each table compared byte for byte: header
 * row, CRLF record ends, RFC 4180 quoting, the OWASP quote-prefix on text
 * that could be a formula (and not on numbers the table formats), empty
 * cells for null, the BOM, and U+FFFD for ill-formed UTF-8.
 * tests/interop/csv_check.py checks real inputs with Python and SQLite.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "jixiao.h"
#include "out.h"

/* The CSV table for units + department (caller frees); stable: as a
 * build runs it, the framework's texts' addresses keys of the category
 * block memo (csv_row.h's row writer). */
static char *render_as(const jx_unit *units, size_t n_units,
                       const jx_department *dept, jx_csv_table table, int bom,
                       bool stable) {
  jx_emit_options opt = {0};
  opt.csv_table = table;
  opt.bom = bom != 0;
  opt.framework_texts_stable = stable;
  jx_plan plan = {.year = 2021,
                  .framework = "local",
                  .currency = "万元",
                  .department = dept,
                  .units = units,
                  .n_units = n_units};
  return render_plan("csv", &opt, &plan);
}

static char *render(const jx_unit *units, size_t n_units,
                    const jx_department *dept, jx_csv_table table, int bom) {
  return render_as(units, n_units, dept, table, bom, false);
}

static const jx_schedule_point sched[] = {{3, JX_DEC(25, 0)},
                                          {12, JX_DEC(100, 0)}};
static const char *const goals[] = {"g1", "g2"};

static const jx_indicator inds[] = {
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "quantity",
     .level2_label = "数量指标",
     .name = "人数, \"在岗\"",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_GE,
     .value = {-5500000},
     .unit = "人",
     .text = "≥-5.5人",
     .basis = "=HYPERLINK(\"x\")",
     .line = 7,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_QUANTITY},
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "quality",
     .level2_label = "质量指标",
     .name = "@SUM(A1)",
     .description = "line1\nline2",
     .kind = JX_KIND_QUALITATIVE,
     .text = "-完成",
     .line = 8,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_QUALITY},
    {.level1 = "output",
     .level1_label = "产出指标",
     .level2 = "timeliness",
     .level2_label = "时效指标",
     .name = "\t时间",
     .kind = JX_KIND_DATE,
     .op = JX_OP_LE,
     .value = JX_DEC(20211200, 0),
     .text = "≤2021年12月",
     .line = 9,
     .level1_role = JX_ROLE_OUTPUT,
     .level2_role = JX_ROLE_TIMELINESS},
    {.level1 = "benefit",
     .level1_label = "效益指标",
     .level2 = "social",
     .level2_label = "社会效益指标",
     .name = "+1",
     .kind = JX_KIND_NA,
     .text = "不涉及",
     .basis = "a\xE4\xB8z\xFF",
     .line = 10,
     .level1_role = JX_ROLE_BENEFIT},
};

static const jx_project projs[] = {
    {.code = "P1",
     .name = "项目一",
     .budget = JX_DEC(89, 100000),
     .fiscal = JX_DEC(89, 100000),
     .other = {0},
     .purpose = "用途",
     .schedule = sched,
     .n_schedule = 2,
     .goals = goals,
     .n_goals = 2,
     .indicators = inds,
     .n_indicators = 4,
     .line = 5},
};

static const jx_project loose[] = {
    {.name = "=无单位", .budget = {-1}, .line = 20},
};

static const jx_unit units[] = {
    {.code = "324001", .name = "局", .projects = projs, .n_projects = 1},
    {.code = NULL, .name = NULL, .projects = loose, .n_projects = 1},
};

static const jx_indicator div_inds[] = {
    {.name = "完成率",
     .kind = JX_KIND_QUANTITATIVE,
     .value = JX_DEC(100, 0),
     .unit = "%",
     .text = "100%",
     .line = 30},
    /* a date range: its start in value, its end in value_end */
    {.name = "服务周期",
     .kind = JX_KIND_DATE_RANGE,
     .value = JX_DEC(20230700, 0),
     .value_end = JX_DEC(20240131, 0),
     .text = "2023.07-2024年1月31日",
     .line = 31},
    /* a cost per unit: what it is per */
    {.name = "亩均成本",
     .kind = JX_KIND_QUANTITATIVE,
     .op = JX_OP_LE,
     .value = JX_DEC(475, 0),
     .unit = "元/亩",
     .dimension = JX_DIM_MONEY_PER,
     .per_unit = "亩",
     .text = "≤475元/亩",
     .line = 32},
};
static const jx_division divs[] = {
    {.name = "办公室", .indicators = div_inds, .n_indicators = 3}};
static const jx_indicator dept_inds[] = {
    {.name = "总", .kind = JX_KIND_NA, .text = "不涉及", .line = 33}};
static const jx_department dept = {.name = "部门",
                                   .divisions = divs,
                                   .n_divisions = 1,
                                   .indicators = dept_inds,
                                   .n_indicators = 1};

#define IND_HEADER                                                             \
  "scope,unit_code,unit_name,project_code,project_name,division,level1,"       \
  "level1_label,level2,level2_label,name,description,kind,op,value,unit,"      \
  "text,basis,line,level1_role,level2_role,period_op,period_value,"            \
  "period_unit,period_text,standard,explanation,value_note,remark,scoring,"    \
  "value_end,per_unit\r\n"

static void test_indicators(void **state) {
  (void)state;
  /* the same table from both row writers (the model's texts are string
     literals: their addresses are keys for the whole run) */
  for (int stable = 0; stable < 2; stable++) {
    char *got = render_as(units, 2, &dept, JX_CSV_INDICATORS, 0, stable);
    assert_text(
        got, IND_HEADER
        /* a negative value the table formats stays a bare number; the
           as-written text and the basis are neutralised and quoted */
        "project,324001,局,P1,项目一,,output,产出指标,quantity,数量指标,"
        "\"人数, \"\"在岗\"\"\",,quantitative,ge,-5.5,人,≥-5.5人,"
        "\"'=HYPERLINK(\"\"x\"\")\",7,output,quantity,,,,,,,,,,,\r\n"
        /* a qualitative value is text, so it is neutralised too */
        "project,324001,局,P1,项目一,,output,产出指标,quality,质量指标,"
        "\"'@SUM(A1)\",\"line1\nline2\",qualitative,eq,\"'-完成\",,"
        "\"'-完成\",,8,output,quality,,,,,,,,,,,\r\n"
        "project,324001,局,P1,项目一,,output,产出指标,timeliness,时效指标,"
        "\"'\t时间\",,date,le,2021-12,,≤2021年12月,,9,output,timeliness,,,,,,,,"
        ","
        ",,\r\n"
        /* ill-formed UTF-8: one U+FFFD per maximal subpart */
        "project,324001,局,P1,项目一,,benefit,效益指标,social,社会效益指标,"
        "\"'+1\",,na,eq,,,不涉及,a\xEF\xBF\xBDz\xEF\xBF\xBD,10,benefit,,,,,,,,,"
        ","
        ",,\r\n"
        /* no category, no roles */
        "division,,,,,办公室,,,,,完成率,,quantitative,eq,100,%,100%,,30,,,,,,,,"
        ",,"
        ",,,\r\n"
        "division,,,,,办公室,,,,,服务周期,,date_range,eq,2023-07,,"
        "2023.07-2024年1月31日,,31,,,,,,,,,,,,2024-01-31,\r\n"
        "division,,,,,办公室,,,,,亩均成本,,quantitative,le,475,元/亩,"
        "≤475元/亩,,32,,,,,,,,,,,,,亩\r\n"
        "department,,,,,,,,,,总,,na,eq,,,不涉及,,33,,,,,,,,,,,,,\r\n");
    free(got);
  }
}

static void test_projects(void **state) {
  (void)state;
  char *got = render(units, 2, &dept, JX_CSV_PROJECTS, 0);
  assert_text(got,
              "unit_code,unit_name,project_code,project_name,budget,fiscal,"
              "other,purpose,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,"
              "m12,goals,indicators,line,total,period,period_start,"
              "period_end,supervisor_code,supervisor_name,implementer_code,"
              "implementer_name,classification,nature,continuity,policy,"
              "document,subject,manager,manager_phone,contact,contact_phone,"
              "sources,overall_goals\r\n"
              "324001,局,P1,项目一,89.1,89.1,0,用途,,,25,,,,,,,,,100,2,4,5"
              ",,,,,,,,,,,,,,,,,,,,0\r\n"
              ",,,\"'=无单位\",-0.000001,0,0,,,,,,,,,,,,,,0,0,20"
              ",,,,,,,,,,,,,,,,,,,,0\r\n");
  free(got);
}

static void test_schedule_and_bom(void **state) {
  (void)state;
  char *got = render(units, 2, NULL, JX_CSV_SCHEDULE, 1);
  assert_text(got, "\xEF\xBB\xBF"
                   "unit_code,unit_name,project_code,project_name,month,"
                   "percent\r\n"
                   "324001,局,P1,项目一,3,25\r\n"
                   "324001,局,P1,项目一,12,100\r\n");
  free(got);
}

static void test_empty_plan(void **state) {
  (void)state;
  char *got = render(NULL, 0, NULL, JX_CSV_INDICATORS, 0);
  assert_text(got, IND_HEADER);
  free(got);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_indicators),
      cmocka_unit_test(test_projects),
      cmocka_unit_test(test_schedule_and_bom),
      cmocka_unit_test(test_empty_plan),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
