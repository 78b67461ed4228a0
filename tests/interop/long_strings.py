#!/usr/bin/env python3
"""long_strings.py — writes a plan whose texts exceed C99's 4095-character
string-literal minimum (and a digit right after CJK text, which a \\x escape
would swallow), for c_roundtrip.sh: `python3 long_strings.py > long.jx`."""
name = "长" * 1500 + "9"          # 4501 bytes of UTF-8, ends in a digit
goal = ("预算绩效" * 400) + "??/" + "\\\"" * 10
print('plan 2021;')
print('unit 1 "%s" {' % name)
print('  goal "%s";' % goal.replace("\\", "\\\\").replace('"', '\\"'))
print('  project "%s" budget 1 {' % name)
print('    output.quantity "%s" = 1个 basis "%s";' % (name, "x" * 4096))
print('  }')
print('}')
