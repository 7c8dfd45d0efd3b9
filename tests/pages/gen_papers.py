#!/usr/bin/env python3
"""gen_papers.py - a made-up plan and papers of growing length, for the pagination rules.

    gen_papers.py DIR SEED STEP MAX

Writes DIR/plan.yaml and DIR/grow-SEED-NNN.md for NNN = STEP, 2*STEP, ... MAX: each
paper the first NNN blocks of one random sequence (the same for a seed), so every
block in turn sits at every height of a page - a heading near a page's foot, a list
across a break, a table starting low on a page, a wide table after a heading. Blocks:
numbered sections and sub-headings, paragraphs of 1 to 12 lines, lists of 1 to 7
items, Markdown tables of 1 to 14 rows with references in their first column (some
with a very tall row), and the computed blocks: exceptions, plan and rollup of a theme
(wide, so landscape), risks. The output depends on SEED alone. """
import random
import sys

WORDS = ("tenant housing service review plan officer action board council report "
         "repair estate rent arrears consultation panel survey framework policy team "
         "budget target progress quarter scrutiny cabinet member resident access voids "
         "standard training equality diversity performance indicator strategy delivery "
         "partnership evidence assessment inspection recommendation outcome priority").split()


def sentence(r, lo=6, hi=18):
    n = r.randint(lo, hi)
    w = [r.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + "."


def para(r, lines):
    # about 13 words to a line of body text
    out, words = [], 0
    while words < lines * 13:
        s = sentence(r)
        out.append(s)
        words += len(s.split())
    return " ".join(out)


def plan_yaml(r):
    y = ["plan:", "  title: Generated improvement plan", "  organisation: Testshire District Council",
         "  short-title: Generated plan", "  updated: 2010-12-31", "people:"]
    people = ["alex-moore", "sam-patel", "jo-evans", "chris-lee"]
    for p in people:
        y.append("  - {id: %s, name: %s}" % (p, p.replace("-", " ").title()))
    y += ["sources:", "  - {id: audit, title: Audit report, date: 2009-04}", "recommendations:"]
    for k in range(1, 4):
        y.append("  - {ref: R%d, source: audit, text: Recommendation %d.}" % (k, k))
    y.append("themes:")
    for t in "ABCD":
        y.append("  - {ref: %s, title: Theme %s %s, lead: %s}" % (t, t, sentence(r, 2, 4)[:-1].lower(),
                                                                 r.choice(people)))
    y.append("actions:")
    for t in "ABCD":
        for k in range(1, r.randint(6, 12)):
            start = "2009-%02d" % r.randint(4, 12)
            due = "2010-%02d" % r.randint(1, 12)
            y += ["  - ref: %s.%d" % (t, k), "    theme: %s" % t,
                  "    description: \"%s\"" % para(r, r.choice([1, 1, 2, 3, 6])),
                  "    who: [%s]" % r.choice(people), "    start: %s" % start, "    due: %s" % due,
                  "    measure: \"%s\"" % sentence(r, 4, 20),
                  "    recommendations: [R%d]" % r.randint(1, 3)]
            st = r.choice(["complete", "in-progress", "in-progress", "not-started"])
            y.append("    status: %s" % st)
            if st == "complete":
                y.append("    completed: 2010-12-01")
            elif r.random() < 0.4:
                y += ["    revisions:", "      - {date: 2011-03, agreed: 2010-11-15, reason: \"%s\"}" % sentence(r)]
            if r.random() < 0.3:
                y.append("    milestones:")
                for m in range(r.randint(1, 4)):
                    y.append("      - {title: \"%s\", due: 2010-%02d, status: %s}"
                             % (sentence(r, 3, 9)[:-1], r.randint(1, 12), "complete" if st == "complete" else "in-progress"))
    y.append("risks:")
    for k in range(1, 7):
        y.append("  - {ref: RK%d, description: \"%s\", owner: %s, inherent: {likelihood: %d, impact: %d}, "
                 "net: {likelihood: %d, impact: %d}, controls: \"%s\", reviewed: 2010-11-30}"
                 % (k, sentence(r, 5, 14), r.choice(people), r.randint(2, 5), r.randint(2, 5),
                    r.randint(1, 3), r.randint(1, 4), sentence(r, 4, 12)))
    return "\n".join(y) + "\n"


def blocks(r, n):
    out, sec, tab = [], 0, 0
    for i in range(n):
        k = r.random()
        if i == 0 or k < 0.12:
            sec += 1
            out.append("# Section %d %s" % (sec, sentence(r, 1, 4)[:-1]))
        elif k < 0.2:
            out.append("## %s" % sentence(r, 2, 6)[:-1])
        elif k < 0.5:
            out.append(para(r, r.choice([1, 2, 3, 4, 6, 9, 12])))
        elif k < 0.68:
            items = r.choice([1, 2, 3, 3, 4, 5, 7])
            out.append("\n".join("- " + para(r, r.choice([1, 1, 2, 3])) for _ in range(items)))
        elif k < 0.86:
            tab += 1
            rows = r.choice([1, 2, 3, 4, 6, 8, 14])
            tall = r.random() < 0.25
            lines = ["Table %d of the generated paper." % tab, "",
                     "| Ref | Item | Who | Note |", "|---|---|---|---|"]
            for j in range(rows):
                note = para(r, 18) if tall and j == rows // 2 else sentence(r, 2, 24)
                lines.append("| T%d.%d | %s | %s | %s |" % (tab, j + 1, sentence(r, 2, 10),
                                                           r.choice(["Alex Moore", "Sam Patel"]), note))
            out.append("\n".join(lines))
        else:
            kind = r.choice(["exceptions", "plan", "rollup", "risks"])
            theme = r.choice("ABCD")
            opt = " theme=%s" % theme if kind in ("exceptions", "plan") else ""
            out.append("```%s%s\n```" % (kind, opt))
    return out


def main(argv):
    d, seed, step, mx = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    r = random.Random(seed)
    with open("%s/plan.yaml" % d, "w") as f:
        f.write(plan_yaml(r))
    seq = blocks(r, mx)
    front = ("---\nplan: plan.yaml\nvariant: exception\nas-at: 2010-12-31\ncommittee: Audit Committee\n"
             "meeting: 2011-01-26\nitem: 7\nreport-of: Director\nsubject: Generated paper of growing length\n"
             "lead-officer: A Person\nreport-author: B Person\nsummary: A generated paper.\n"
             "recommendation: Members note it.\n---\n\n")
    for n in range(step, mx + 1, step):
        with open("%s/grow-%d-%03d.md" % (d, seed, n), "w") as f:
            f.write(front + "\n\n".join(seq[:n]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
