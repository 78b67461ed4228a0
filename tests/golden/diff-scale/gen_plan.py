# gen_plan.py N old|new FILE — a generated plan of N projects, 100 per unit,
# for tests/golden/diff-scale and the timings in docs/diff.md.  The new side
# re-codes every other project (names stay), raises a fifth of the budgets
# and tightens a third of the satisfaction targets.
import sys
n, side, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
year = 2021 if side == "old" else 2022
with open(out, "w") as f:
    f.write(f"plan {year} framework local currency 万元;\n")
    for u in range(0, n, 100):
        f.write(f'unit {100000 + u // 100} "单位{u // 100}" {{\n')
        for i in range(u, min(n, u + 100)):
            code = f"P{year if (side == 'new' and i % 2) else 2021}-{i:06d}"
            b = 10 + (i % 7) + (1 if side == "new" and i % 5 == 0 else 0)
            sat = 95 if side == "new" and i % 3 == 0 else 90
            f.write(f'  project "项目{i}" budget {b} {{\n    code "{code}";\n'
                    f'    funds fiscal {b} other 0;\n    schedule jun 50% dec 100%;\n'
                    f'    goal "保障第{i}号项目日常工作正常运转。";\n'
                    f'    output.quantity "数量{i}" = {i % 50 + 1}人;\n'
                    f'    benefit.social "效益" = "有效";\n'
                    f'    satisfaction.recipient "满意度" >= {sat}%;\n  }}\n')
        f.write("}\n")
