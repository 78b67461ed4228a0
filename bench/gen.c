/*
 * gen.c — jx-gen: writes a synthetic, valid jixiao plan of N units × M
 * projects, shaped like the seed transcription (examples/beidaihe-2021.jx):
 * Chinese names and goal texts of the seed's lengths, the seed's mix of
 * indicators and values, funds that add up to the budget, schedules that
 * rise to 100%, unique unit and project codes.  Used by `make bench` and
 * by the golden test tests/golden/bench-gen-halves.
 *
 *   jx-gen [-s SEED] [-y YEAR] [-p PROJECTS] [-z PERCENT]
 *          (-u UNITS [--part I/K] | -m MEGABYTES)
 *
 * Every unit's text is a function of (seed, unit index) alone — its own
 * random stream, seeded from both — so --part I/K writes exactly the units
 * the whole plan has in that slice, and `jxc build` of the K parts gives
 * the same projects as the whole.  Only part 0 has the department (a plan
 * has one).  Codes stay unique without remembering them: they are
 * bijections of the unit and project index.
 *
 * Money is whole 分 in int64_t, never a double.
 */
#include <stdarg.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_common.h"

/* ---- random numbers -------------------------------------------------- */

/* ---- text pools (phrases of the seed document) ----------------------- */

/* Clauses of the seed's paragraphs; long texts are runs of them joined
   by ， and closed by 。, which gives the seed's texture and lengths. */
static const char *const clauses[] = {
    "全面贯彻党的十九大和十九届二中、三中、四中全会精神",
    "落实上级关于自然资源和规划工作的方针政策和决策部署",
    "结合我局年度工作计划与工作要点",
    "进一步绘好空间规划蓝图",
    "筑牢调查登记之基",
    "发挥用途管制作用",
    "强化生态保护修复",
    "严格保护耕地红线",
    "促进资源集约利用",
    "关注热点难点",
    "切实维护群众利益",
    "严厉打击违法行为",
    "保障全区经济社会高质量发展",
    "负责机关日常运转工作",
    "承担政务信息、安全保密、新闻宣传、政务公开等工作",
    "开展重大问题调查研究",
    "负责起草局重要文件文稿",
    "承担机关财务、资产管理等工作",
    "负责部门预决算、政府采购、国库集中支付",
    "组织指导全区林业有害生物监测、防治及检疫工作",
    "推广林业有害生物防治先进技术",
    "提高林产品品质和经济效益",
    "保护全区生态安全",
    "加强国家公益林保护管理",
    "推进林果产业标准化生产",
    "高度重视预算绩效各项工作",
    "切实加强领导，增强责任意识",
    "召开专题会议精心谋划，周密部署",
    "明确责任分工",
    "重点工作成立工作专班",
    "建立健全管理制度",
    "规范预算项目管理",
    "做到部门职责与工作活动一致",
    "强化预算刚性约束、绩效理念、支出责任和效率意识",
    "严格执行政府采购制度",
    "加强支出源头控制和支出精细化管理",
    "坚持按制度支出，按程序审批",
    "保证各项支出的规范、安全、有效",
    "及时形成有效支出",
    "提高资金使用效率",
    "将绩效管理关口前移",
    "确保绩效目标如期保质实现",
    "树立绩效理念",
    "加强内部科室间的协调配合",
    "切实提高自评工作质量",
    "调整优化支出结构，及时整改",
    "严格执行资产管理制度",
    "维护资产安全完整",
    "建立健全内部控制体系",
    "强化对权力运行的制约和监督",
    "保证单位经济活动合法合规",
    "强化信息宣传，营造良好氛围",
    "扩大宣传范围，创新宣传方式",
    "引导社会力量共同参与",
    "形成全社会爱绿、植绿、护绿的良好氛围",
};

static const char *const counties[] = {
    "北戴河区",       "海港区", "山海关区", "抚宁区", "昌黎县", "卢龙县",
    "青龙满族自治县", "长安区", "桥西区",   "新华区", "裕华区", "井陉县",
    "正定县",         "行唐县", "灵寿县",   "高邑县", "深泽县", "赞皇县",
    "无极县",         "平山县", "元氏县",   "赵县",   "路南区", "路北区",
    "古冶区",         "开平区", "丰南区",   "丰润区", "滦南县", "乐亭县",
    "迁西县",         "玉田县", "遵化市",   "迁安市", "滦州市",
};
static const char *const cities[] = {
    "石家庄市", "唐山市", "秦皇岛市", "邯郸市", "邢台市", "保定市",
    "张家口市", "承德市", "沧州市",   "廊坊市", "衡水市",
};
static const char *const bureaus[] = {
    "自然资源和规划局",
    "林业局",
    "教育局",
    "卫生健康局",
    "财政局",
    "民政局",
    "农业农村局",
    "水务局",
    "交通运输局",
    "住房和城乡建设局",
    "生态环境局",
    "文化广电和旅游局",
    "人力资源和社会保障局",
    "应急管理局",
    "市场监督管理局",
    "审计局",
    "统计局",
    "司法局",
    "退役军人事务局",
    "科学技术局",
};
static const char *const bureau_parts[] = {
    "（本级）", "机关服务中心", "综合行政执法大队", "事务服务中心", "信息中心",
};

/* Project names: unique within a unit (a numbered suffix past the pool). */
static const char *const project_names[] = {
    "劳务派遣人员经费",     "人事代理经费",         "规划业务费",
    "林业改革发展专项资金", "办公设备购置经费",     "信息化系统运行维护经费",
    "不动产登记业务经费",   "森林防火专项经费",     "耕地保护补偿资金",
    "地质灾害防治经费",     "村庄规划编制经费",     "古树名木保护经费",
    "国土空间规划编制经费", "执法监察业务经费",     "档案数字化经费",
    "公务用车运行维护费",   "林业有害生物防治经费", "造林绿化工程资金",
    "矿山地质环境治理资金", "土地整理复垦项目资金", "宣传培训经费",
    "政府购买服务经费",     "业务用房租赁费",       "安全生产专项经费",
};
static const char *const purposes[] = {
    "保障人员工资、社保等支出",   "补充办公经费，维护公务用车运行。",
    "根据文件要求支付土地补贴款", "保障日常工作正常运转",
    "用于项目实施及相关业务支出", "支付系统运行维护服务费用",
};
static const char *const short_goals[] = {
    "保障劳务派遣人员工资、社保支出。",
    "保障日常工作正常运转。",
    "维护公务用车运行。",
    "保存造林成果",
    "提高全区绿化水平和森林覆盖率",
    "改善生态环境",
    "确保办公费等费用及时支付，保证机关单位正常运转。",
    "通过科学编制预算，严格遵守各项规章制度，提高财政资金的使用效率，做到节俭高"
    "效。",
};

/* output.quantity: a name and the measure words that fit it. */
static const struct {
  const char *name, *unit;
} quantities[] = {
    {"保障劳务派遣人员数量", "人"}, {"保障人事代理职工人数", "人"},
    {"保障公务车数量", "辆"},       {"土地补贴发放", "亩"},
    {"开展培训次数", "次"},         {"购置办公设备数量", "台"},
    {"完成宣传活动", "场"},         {"维护信息系统数量", "套"},
    {"发放宣传材料", "份"},         {"受益农户数量", "户"},
};
static const char *const quality_names[] = {
    "工资发放、社保缴纳准确率", "办公设备正常运行率", "保存率",
    "项目验收合格率",           "资金使用合规率",
};
static const char *const timely_names[] = {
    "支付及时率",
    "任务按期完成率",
    "资金拨付及时率",
};
static const char *const qual_values[] = {
    "圆满完成", "顺利开展", "长期有效", "效果显著", "有效", "明显提升",
};
static const char *const benefit_names[] = {
    "按照预算指标完成", "保持工作稳定、持续开展实现率",
    "绿色办公",         "业务工作可持续性",
    "农民增收额",       "改善环境，提高覆盖率",
};
static const char *const descs[] = {
    "通过科学编制预算，严格遵守各项规章制度，提高财政资金的使用效率，做到节俭高"
    "效",
    "有效保证业务工作顺利开展",
    "保障日常工作有序运转",
    "节约用纸、笔等办公用品，减少浪费，实现绿色办公",
    "全市森林覆盖率提高生态环境得到改善",
    "项目实施按标准、合同实际完成及时性情况",
    "办公设备正常运行天数占总工作天数的比例",
};
static const char *const bases[] = {
    "工作计划",     "年度工作计划", "历史经验",
    "造林实施方案", "调查问卷",     "《绿色秦皇岛规划纲要》",
};

/* ---- output ------------------------------------------------------------ */

/* An amount in 分 as the seed writes it: 89.10, 0. */
static void put_money(int64_t fen) {
  if (fen == 0)
    put("0");
  else
    putf("%" PRId64 ".%02d", fen / 100, (int)(fen % 100));
}

/* Bytes of the UTF-8 character that starts with c. */
static size_t char_len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * A quoted string, folded every `width` characters onto lines indented by
 * `indent` spaces, as the seed wraps its paragraphs: the line break and
 * the indentation are not part of the text (language.md §3.4).
 */
static void put_folded(const char *text, int indent, int width) {
  put("\"");
  int col = 0;
  for (const char *p = text; *p;) {
    size_t n = char_len((unsigned char)*p);
    /* no line starts with ，。、 (the seed's wrapping) */
    if (col >= width && !(p[0] == '\xEF' && p[1] == '\xBC') &&
        !(p[0] == '\xE3' && p[1] == '\x80')) {
      putf("\n%*s", indent, "");
      col = 0;
    }
    fwrite(p, 1, n, out);
    written += n;
    p += n;
    col++;
  }
  put("\"");
}

/* A paragraph of `n` clauses; sentences of 1–3 clauses. */
static void make_para(uint64_t *s, int n, char *buf, size_t cap) {
  size_t len = 0;
  int in_sentence = 0;
  buf[0] = '\0';
  for (int i = 0; i < n; i++) {
    const char *c = PICK(s, clauses);
    int end = i == n - 1 || (in_sentence >= 1 && pick(s, 3) == 0);
    int w = snprintf(buf + len, cap - len, "%s%s", c, end ? "。" : "，");
    if (w < 0 || (size_t)w >= cap - len)
      break;
    len += (size_t)w;
    in_sentence = end ? 0 : in_sentence + 1;
  }
}

/* ---- codes ----------------------------------------------------------- */

static const char alnum[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
#define CODE_SPACE 78364164096ull /* 36^7 */

/*
 * 130304 + year + 13 characters, the seed's 21: the first 7 are an
 * affine bijection of the project's global index on 36^7 (unique with
 * nothing remembered), the other 6 are random.
 */
static void make_code(char *code, int year, uint64_t index, uint64_t *s,
                      uint64_t seed) {
  uint64_t off = seed;
  off = mix(&off) % CODE_SPACE;
  /* 1000000007 is prime, so coprime to 36^7; index < 2^34 keeps the
     product inside 64 bits. */
  uint64_t x = (index % CODE_SPACE * 1000000007ull + off) % CODE_SPACE;
  char *p = code + sprintf(code, "130304%02d", year % 100);
  for (int i = 6; i >= 0; i--) {
    p[i] = alnum[x % 36];
    x /= 36;
  }
  for (int i = 7; i < 13; i++)
    p[i] = alnum[pick(s, 36)];
  p[13] = '\0';
}

/* ---- the plan --------------------------------------------------------- */

typedef struct gen {
  uint64_t seed;
  int year;
  int projects; /* per unit */
  int zh_pct;   /* share of units written with Chinese keywords */
} gen;

/* Keyword spellings: [0] English as the seed, [1] Chinese. */
typedef struct kw {
  const char *unit, *project, *budget, *code, *funds, *fiscal, *other, *purpose,
      *schedule, *goal, *measure, *desc, *basis, *ge, *semi;
  const char *months[4];
  const char *cat[9];
} kw;

static const kw kw_en = {
    "unit",
    "project",
    "budget",
    "code",
    "funds",
    "fiscal",
    "other",
    "purpose",
    "schedule",
    "goal",
    "measure",
    "desc",
    "basis",
    "≥",
    ";",
    {"mar", "jun", "oct", "dec"},
    {"output.quantity", "output.quality", "output.timeliness", "output.cost",
     "benefit.economic", "benefit.social", "benefit.ecological",
     "benefit.sustainable", "satisfaction.recipient"},
};
static const kw kw_zh = {
    "单位",
    "项目",
    "预算",
    "项目编码",
    "资金来源",
    "财政资金",
    "其他资金",
    "资金用途",
    "资金支出计划",
    "绩效目标",
    "保障措施",
    "指标描述",
    "指标值确定依据",
    "不低于",
    "；",
    {"3月底", "6月底", "10月底", "12月底"},
    {"产出指标.数量指标", "产出指标.质量指标", "产出指标.时效指标",
     "产出指标.成本指标", "效益指标.经济效益指标", "效益指标.社会效益指标",
     "效益指标.生态效益指标", "效益指标.可持续影响指标",
     "满意度指标.服务对象满意度指标"},
};

static void put_attrs(const kw *k, uint64_t *s, const char *desc) {
  putf("\n      %s \"%s\" %s \"%s\"%s\n", k->desc, desc, k->basis,
       PICK(s, bases), k->semi);
}

static void put_project(const gen *g, const kw *k, uint64_t *s, int unit_no,
                        int j, uint64_t unit_index) {
  const char *name = project_names[(unit_no + j) % COUNT(project_names)];
  int round = j / (int)COUNT(project_names);
  /* 1.00 to 2000.00 万元, mostly small, as the seed's 89.10 / 5.00 / 1909 */
  int64_t budget = 100 + (int64_t)(mix(s) % (pick(s, 4) ? 20000 : 200000));
  int64_t other = pick(s, 5) == 0 ? budget * pick(s, 50) / 100 : 0;
  char code[32];
  make_code(code, g->year, unit_index * (uint64_t)g->projects + (uint64_t)j, s,
            g->seed);

  putf("\n  # %d.%s绩效目标表\n", j + 1, name);
  putf("  %s \"%s", k->project, name);
  if (round)
    putf("（%d）", round + 1);
  putf("\" %s ", k->budget);
  put_money(budget);
  putf(" {\n    %s \"%s\"%s\n", k->code, code, k->semi);
  putf("    %s %s ", k->funds, k->fiscal);
  put_money(budget - other);
  putf(" %s ", k->other);
  put_money(other);
  putf("%s\n    %s \"%s\"%s\n", k->semi, k->purpose, PICK(s, purposes),
       k->semi);
  /* cumulative and rising, ending at 100% */
  int a = 5 + 5 * (int)pick(s, 14); /* 5..70 */
  int b = a + 5 + 5 * (int)pick(s, (uint32_t)((90 - a) / 5));
  int c = b + 5 + 5 * (int)pick(s, (uint32_t)((95 - b) / 5));
  putf("    %s %s %d%% %s %d%% %s %d%% %s 100%%%s\n", k->schedule, k->months[0],
       a, k->months[1], b, k->months[2], c, k->months[3], k->semi);
  int goals = 1 + (int)pick(s, 3);
  uint32_t g0 = pick(s, COUNT(short_goals));
  for (int i = 0; i < goals; i++)
    putf("    %s \"%s\"%s\n", k->goal,
         short_goals[(g0 + (uint32_t)i) % COUNT(short_goals)], k->semi);

  int q = (int)pick(s, COUNT(quantities));
  putf("    %s \"%s\" = %d%s", k->cat[0], quantities[q].name,
       1 + (int)pick(s, 200), quantities[q].unit);
  put_attrs(k, s, quantities[q].name);
  putf("    %s \"%s\" = 100%%", k->cat[1], PICK(s, quality_names));
  put_attrs(k, s, PICK(s, descs));
  if (pick(s, 2))
    putf("    %s \"%s\" = 100%%", k->cat[2], PICK(s, timely_names));
  else
    putf("    %s \"%s\" > 95百分比", k->cat[2], PICK(s, timely_names));
  put_attrs(k, s, PICK(s, descs));
  putf("    %s \"控制预算数\" = ", k->cat[3]);
  put_money(budget);
  put("万元");
  put_attrs(k, s, "不超过财政支持经费");
  for (int i = 4; i < 8; i++) {
    if (i == 6 && pick(s, 4) == 0) {
      putf("    %s \"不涉及\" n/a %s \"不涉及\" %s \"不涉及\"%s\n", k->cat[i],
           k->desc, k->basis, k->semi);
      continue;
    }
    if (i == 7 && pick(s, 3) == 0)
      putf("    %s \"项目实施受益期限\" = %d年", k->cat[i],
           5 + (int)pick(s, 20));
    else
      putf("    %s \"%s\" = \"%s\"", k->cat[i], PICK(s, benefit_names),
           PICK(s, qual_values));
    put_attrs(k, s, PICK(s, descs));
  }
  putf("    %s \"职工满意度\" %s %d%%", k->cat[8], k->ge, pick(s, 2) ? 90 : 95);
  put_attrs(k, s, "通过问卷调查，满意和较满意的受益对象占全部调查对象的比例");
  put("  }\n");
}

/* Unit codes: an affine bijection of the index on 100000–999999. */
static uint32_t unit_code(uint64_t index) {
  return (uint32_t)(100000 + (index * 7919 + 324001) % 900000);
}

static void put_unit(const gen *g, uint64_t index) {
  /* Its own stream: the unit's text depends on (seed, index) only. */
  uint64_t st = g->seed ^ (index * 0xD6E8FEB86659FD93u), *s = &st;
  mix(s);
  const kw *k = (int)pick(s, 100) < g->zh_pct ? &kw_zh : &kw_en;
  uint64_t county = index / 100;
  int unit_no = (int)(index % 100);
  char buf[4096];

  putf("\n%s %" PRIu32 " \"%s%s%s%s\" {\n", k->unit, unit_code(index),
       cities[county % COUNT(cities)],
       counties[(county / COUNT(cities)) % COUNT(counties)],
       bureaus[unit_no % COUNT(bureaus)],
       bureau_parts[(unit_no / COUNT(bureaus)) % COUNT(bureau_parts)]);
  if (pick(s, 2)) { /* about half the units state their own goal */
    make_para(s, 6 + (int)pick(s, 9), buf, sizeof buf);
    putf("  %s ", k->goal);
    put_folded(buf, 8, 48);
    putf("%s\n", k->semi);
  }
  int measures = pick(s, 3) ? 0 : 1 + (int)pick(s, 5);
  for (int i = 0; i < measures; i++) {
    make_para(s, 6 + (int)pick(s, 8), buf, sizeof buf);
    putf("  %s \"%s\"\n    ", k->measure, PICK(s, clauses));
    put_folded(buf, 5, 48);
    putf("%s\n", k->semi);
  }
  for (int j = 0; j < g->projects; j++)
    put_project(g, k, s, unit_no, j, index);
  put("}\n");
}

/* The seed's department part: one long goal, three divisions, measures. */
static void put_department(const gen *g) {
  uint64_t st = g->seed ^ 0xA5A5A5A5u, *s = &st;
  char buf[4096];
  put("\ndepartment \"秦皇岛市北戴河区自然资源和规划局\" {\n  goal ");
  make_para(s, 16, buf, sizeof buf);
  put_folded(buf, 8, 48);
  put(";\n");
  static const char *const divisions[] = {"办公室", "综合业务股", "林业股"};
  for (size_t d = 0; d < COUNT(divisions); d++) {
    putf("\n  division \"%s\" {\n", divisions[d]);
    int goals = 1 + (int)pick(s, 6);
    for (int i = 0; i < goals; i++) {
      make_para(s, 5 + (int)pick(s, 10), buf, sizeof buf);
      put("    goal ");
      put_folded(buf, 10, 48);
      put(";\n");
    }
    put("    indicator \"完成率\" = 100% desc \"完成各项工作任务\";\n  }\n");
  }
  for (int i = 0; i < 8; i++) {
    make_para(s, 6 + (int)pick(s, 8), buf, sizeof buf);
    putf("\n  measure \"%s\"\n    ", PICK(s, clauses));
    put_folded(buf, 5, 48);
    put(";\n");
  }
  put("}\n");
}

static void usage(void) {
  fputs("usage: jx-gen [-s SEED] [-y YEAR] [-p PROJECTS] [-z PERCENT]\n"
        "              (-u UNITS [--part I/K] | -m MEGABYTES)\n"
        "Writes a valid synthetic jixiao plan to standard output.\n",
        stderr);
  exit(2);
}

int main(int argc, char **argv) {
  gen g = {1, 2021, 20, 10};
  uint64_t units = 0, megabytes = 0, part = 0, parts = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (i + 1 >= argc)
      usage();
    const char *v = argv[++i];
    if (strcmp(a, "-s") == 0)
      g.seed = gen_num_arg(v, usage);
    else if (strcmp(a, "-y") == 0)
      g.year = (int)gen_num_arg(v, usage);
    else if (strcmp(a, "-p") == 0)
      g.projects = (int)gen_num_arg(v, usage);
    else if (strcmp(a, "-z") == 0)
      g.zh_pct = (int)gen_num_arg(v, usage);
    else if (strcmp(a, "-u") == 0)
      units = gen_num_arg(v, usage);
    else if (strcmp(a, "-m") == 0)
      megabytes = gen_num_arg(v, usage);
    else if (strcmp(a, "--part") == 0) {
      if (sscanf(v, "%" SCNu64 "/%" SCNu64, &part, &parts) != 2 || parts == 0 ||
          part >= parts)
        usage();
    } else
      usage();
  }
  if ((units == 0) == (megabytes == 0) || (megabytes && parts != 1) ||
      g.year < 1000 || g.year > 9999 || g.projects < 1 || g.projects > 10000 ||
      units > 900000)
    usage();
  if ((uint64_t)g.projects * 900000 > CODE_SPACE)
    usage();

  gen_open_output();
  putf("# Synthetic plan written by jx-gen -s %" PRIu64 " (bench/gen.c).\n\n"
       "plan %d framework local currency 万元;\n",
       g.seed, g.year);
  if (part == 0)
    put_department(&g);
  put("\n# ==================================================== 第二部分\n");
  if (megabytes) {
    uint64_t target = megabytes * 1000000;
    for (uint64_t u = 0; written < target && u < 900000; u++)
      put_unit(&g, u);
  } else {
    for (uint64_t u = units * part / parts; u < units * (part + 1) / parts; u++)
      put_unit(&g, u);
  }
  return gen_close_output("jx-gen");
}
