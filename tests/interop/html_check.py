#!/usr/bin/env python3
"""html_check.py — checks what headless Chromium made of `jxc build -f html`.

    html_check.py PLAN.json DOM.html PAGES.txt

DOM.html is `chromium --dump-dom` of the page: the document as the browser
built it.  Parsed with Python's html.parser, it must hold no element that
runs or loads anything (script, img, iframe, object, embed, link, a), and
every project's name must be the exact text of a cell: a name such as
</script><script>alert(1)</script> stays text.

PAGES.txt is `pdftotext` of `chromium --print-to-pdf`, pages separated by
form feeds: each project's form starts a page of its own, i.e. every
project's 项目名称 row is on a different page, one per project.
"""
import html.parser
import json
import sys

ACTIVE = {"script", "img", "iframe", "object", "embed", "link", "a", "base",
          "form", "svg", "math", "video", "audio"}


class Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.active, self.cur = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE:
            self.active.append(tag)
        if any(k.startswith("on") for k, _ in attrs):
            self.active.append(tag + " with an event handler")
        if tag in ("td", "th"):
            self.cur = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cur is not None:
            self.cells.append("".join(self.cur))
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)


def main():
    plan = json.load(open(sys.argv[1], encoding="utf-8"))
    p = Cells()
    p.feed(open(sys.argv[2], encoding="utf-8").read())
    if p.active:
        sys.exit("html_check: the page has active elements: %s" % p.active)
    cells = set(p.cells)
    projects = [x for u in plan["units"] for x in u["projects"]]
    for x in projects:
        if x["name"] not in cells:
            sys.exit("html_check: no cell holds the project name %r" %
                     x["name"])
    print("DOM: %d cells, every project name as text, nothing active" %
          len(p.cells))

    pages = open(sys.argv[3], encoding="utf-8").read().split("\f")
    # 主管部门 is a row of the project form only (the summary has 项目名称).
    starts = [i for i, t in enumerate(pages) if "主管部门" in t]
    twice = [i for i, t in enumerate(pages) if t.count("主管部门") > 1]
    if twice:
        sys.exit("html_check: page %d holds two project forms" % (twice[0] + 1))
    if len(starts) != len(projects):
        sys.exit("html_check: %d pages start a project form, want %d" %
                 (len(starts), len(projects)))
    # (The number of pages depends on the fonts installed: not printed.)
    print("PDF: each of the %d projects on a page of its own" % len(projects))


main()
