/*
 * gen2.c — jx-gen2: writes a synthetic, valid jixiao plan in the style of
 * the design card's one-line sample (examples/card-sample.jx) rather than
 * of the seed document, as the second input of `make bench`:
 *
 *   project "人员经费" budget 89.10 < output.quantity "人数" = 22人; >
 *
 * bare projects (no unit), blocks in < > or { }, the official Chinese
 * category names (产出指标.数量指标), short names, all-digit codes written
 * bare, several statements to a line, no desc/basis texts: many more
 * numbers and tokens per byte than jx-gen's seed-shaped tables (bench/gen.c).
 *
 *   jx-gen2 [-s SEED] [-y YEAR] [-z PERCENT] (-n PROJECTS | -m MEGABYTES)
 *
 * -z: share of projects written with the Chinese keywords (default 30).
 * Output depends only on the options.  Codes are unique without being
 * remembered: an affine bijection of the project's index.  Money is whole
 * 分 in int64_t, never a double.  The golden case tests/golden/bench-gen2
 * checks that what it writes checks clean.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_common.h"

/* ---- pools: short, as a card would have them ------------------------- */

static const char *const names[] = {
    "人员经费", "公用经费", "办公经费", "车辆运维", "培训经费", "宣传经费",
    "设备购置", "系统运维", "防火经费", "造林绿化", "耕地保护", "规划编制",
    "执法监察", "档案整理", "房屋租赁", "安全生产", "学生资助", "校舍维修",
    "道路养护", "河道治理", "医疗救助", "就业补助", "养老补贴", "农机补贴",
};
/* Level-2 categories of the local framework under their official names,
 * with indicator names and the measure words that fit them. */
static const struct {
  const char *name, *unit;
} counts[] = {
    {"人数", "人"},       {"车辆数", "辆"},       {"培训次数", "次"},
    {"设备数", "台"},     {"场次", "场"},         {"系统数", "套"},
    {"户数", "户"},       {"株数", "株"},         {"面积", "亩"},
    {"造林面积", "公顷"}, {"维修面积", "平方米"}, {"项目数", "个"},
};
static const char *const rates[] = {
    "合格率", "准确率", "完好率", "达标率", "覆盖率", "完成率",
};
static const char *const timely[] = {"及时率", "按期完成率", "拨付及时率"};
static const char *const benefits[] = {
    "受益人数", "增收", "节约", "覆盖率", "年限", "效果",
};
static const char *const qual[] = {"有效", "明显提升", "长期有效", "显著"};

/* ---- output ------------------------------------------------------------ */

/* An amount in 分: 89.10, 5, 0. */
static void put_money(int64_t fen) {
  if (fen % 100 == 0)
    putf("%" PRId64, fen / 100);
  else
    putf("%" PRId64 ".%02d", fen / 100, (int)(fen % 100));
}

/* Keyword spellings: [0] English, [1] Chinese (with full-width marks). */
typedef struct kw {
  const char *project, *budget, *code, *funds, *fiscal, *other, *schedule, *ge,
      *le, *eq, *semi, *open, *close;
  const char *months[4];
} kw;

static const kw kw_en = {
    "project",  "budget",
    "code",     "funds",
    "fiscal",   "other",
    "schedule", "≥",
    "≤",        "=",
    ";",        "<",
    ">",        {"mar", "jun", "oct", "dec"},
};
static const kw kw_zh = {
    "项目",
    "预算",
    "项目编码",
    "资金来源",
    "财政资金",
    "其他资金",
    "资金支出计划",
    "不低于",
    "不超过",
    "＝",
    "；",
    "{",
    "}",
    {"3月底", "6月底", "10月底", "12月底"},
};

#define CODE_SPACE 100000000ull /* 10^8 */

/* Region 130304, the year's 2 digits (characters 7–8, as the checker's
 * code-year rule reads them), 8 digits: an affine bijection of the index. */
static uint64_t project_code(int year, uint64_t index, uint64_t seed) {
  uint64_t off = seed;
  off = mix(&off) % CODE_SPACE;
  /* 7919 is prime and coprime to 10^8; index < 10^8 keeps it in range */
  uint64_t x = (index % CODE_SPACE * 7919u + off) % CODE_SPACE;
  return ((uint64_t)130304 * 100 + (uint64_t)(year % 100)) * CODE_SPACE + x;
}

static void put_project(uint64_t seed, int year, int zh_pct, uint64_t index) {
  uint64_t st = seed ^ (index * 0xD6E8FEB86659FD93u), *s = &st;
  mix(s);
  const kw *k = (int)pick(s, 100) < zh_pct ? &kw_zh : &kw_en;
  const char *sc = k->semi;
  /* 0.50 to 500.00 万元 */
  int64_t budget = 50 + (int64_t)(mix(s) % 50000);
  int64_t other = pick(s, 4) == 0 ? budget * pick(s, 50) / 100 : 0;

  putf("%s \"%s\" %s ", k->project, PICK(s, names), k->budget);
  put_money(budget);
  putf(" %s %s %" PRIu64 "%s", k->open, k->code,
       project_code(year, index, seed), sc);
  putf(" %s %s ", k->funds, k->fiscal);
  put_money(budget - other);
  putf(" %s ", k->other);
  put_money(other);
  putf("%s", sc);
  {
    int a = 5 + 5 * (int)pick(s, 14); /* rising to 100% */
    int b = a + 5 + 5 * (int)pick(s, (uint32_t)((90 - a) / 5));
    int c = b + 5 + 5 * (int)pick(s, (uint32_t)((95 - b) / 5));
    putf(" %s %s %d%% %s %d%% %s %d%% %s 100%%%s", k->schedule, k->months[0], a,
         k->months[1], b, k->months[2], c, k->months[3], sc);
  }
  putf("\n");

  /* Output indicators: one to four, several to a line. */
  int q = (int)pick(s, COUNT(counts));
  putf("  产出指标.数量指标 \"%s\" %s %d%s%s", counts[q].name,
       pick(s, 2) ? k->eq : k->ge, 1 + (int)pick(s, 5000), counts[q].unit, sc);
  if (pick(s, 3))
    putf(" 产出指标.质量指标 \"%s\" %s %d.%d%%%s", PICK(s, rates), k->ge,
         90 + (int)pick(s, 10), (int)pick(s, 10), sc);
  if (pick(s, 2))
    putf(" 产出指标.时效指标 \"%s\" %s 100%%%s", PICK(s, timely), k->eq, sc);
  if (pick(s, 2)) {
    putf(" 产出指标.成本指标 \"成本\" %s ", k->le);
    put_money(budget);
    putf("万元%s", sc);
  }
  putf("\n  ");
  /* Benefit indicators: one to three. */
  int nb = 1 + (int)pick(s, 3);
  uint32_t b0 = pick(s, 5); /* distinct kinds: no duplicate indicator */
  for (int i = 0; i < nb; i++) {
    switch ((b0 + (uint32_t)i) % 5) {
    case 0:
      putf("效益指标.社会效益指标 \"%s\" %s %d人%s", benefits[0], k->ge,
           10 + (int)pick(s, 90000), sc);
      break;
    case 1:
      putf("效益指标.经济效益指标 \"%s\" %s %d元%s", PICK(s, benefits), k->ge,
           100 + (int)pick(s, 900000), sc);
      break;
    case 2:
      putf("效益指标.生态效益指标 \"%s\" %s %d.%d%%%s", benefits[3], k->ge,
           10 + (int)pick(s, 80), (int)pick(s, 10), sc);
      break;
    case 3:
      putf("效益指标.可持续影响指标 \"%s\" %s %d年%s", benefits[4], k->eq,
           1 + (int)pick(s, 30), sc);
      break;
    default:
      putf("效益指标.社会效益指标 \"%s\" %s \"%s\"%s", benefits[5], k->eq,
           PICK(s, qual), sc);
      break;
    }
    putf(" ");
  }
  if (pick(s, 3))
    putf("满意度指标.服务对象满意度指标 \"满意度\" %s %d%%%s ", k->ge,
         80 + (int)pick(s, 20), sc);
  putf("%s\n", k->close);
}

static void usage(void) {
  fputs("usage: jx-gen2 [-s SEED] [-y YEAR] [-z PERCENT] "
        "(-n PROJECTS | -m MEGABYTES)\n"
        "Writes a valid synthetic jixiao plan of bare projects in the\n"
        "design card's style to standard output.\n",
        stderr);
  exit(2);
}

int main(int argc, char **argv) {
  uint64_t seed = 1, projects = 0, megabytes = 0;
  int year = 2021, zh_pct = 30;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc)
      usage();
    const char *v = argv[++i];
    if (strcmp(a, "-s") == 0)
      seed = gen_num_arg(v, usage);
    else if (strcmp(a, "-y") == 0)
      year = (int)gen_num_arg(v, usage);
    else if (strcmp(a, "-z") == 0)
      zh_pct = (int)gen_num_arg(v, usage);
    else if (strcmp(a, "-n") == 0)
      projects = gen_num_arg(v, usage);
    else if (strcmp(a, "-m") == 0)
      megabytes = gen_num_arg(v, usage);
    else
      usage();
  }
  if ((projects == 0) == (megabytes == 0) || year < 1000 || year > 9999 ||
      projects > CODE_SPACE)
    usage();

  gen_open_output();
  putf("# Synthetic plan written by jx-gen2 -s %" PRIu64 " (bench/gen2.c).\n"
       "plan %d framework local currency 万元;\n",
       seed, year);
  uint64_t target = megabytes * 1000000;
  for (uint64_t i = 0; i < CODE_SPACE; i++) {
    if (projects ? i >= projects : written >= target)
      break;
    put_project(seed, year, zh_pct, i);
  }
  return gen_close_output("jx-gen2");
}
