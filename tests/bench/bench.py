#!/usr/bin/env python3
"""bench.py - time `tabled build` against pandoc, wkhtmltopdf and Typst (make bench).

For each N (default 60, 600, 6000 actions) it generates build/bench/nN/ with
tests/bench/genbench (plan.yaml, paper.md, and the same content as peer.md for pandoc
and peer.typ for Typst), then times, after one warm-up run, at least --runs runs of:

  tabled      ./tabled build --format html,pdf --no-index -o build/bench/out nN/paper.md
              (HTML and PDF in one process)
  pandoc      pandoc -s -H peer-style.html peer.md -o peer.html
  pandoc+wk   pandoc -s -H peer-style.html peer.md --pdf-engine=wkhtmltopdf -o peer.pdf
  Typst       node tests/bench/typst-compile.cjs peer.typ peer-typst.pdf fonts

It reports the median wall time, the peak RSS (from wait4, so a child's waited-for
children count too), the output sizes and PDF page counts (pdfinfo), each peer's time
over tabled's, the machine and whether tabled meets its targets. A peer that is not
installed is reported "not installed" (`make bench-peers` installs them). The Markdown
report is printed and written to build/bench/results.md.

Only the Python 3 standard library; no network.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.join(ROOT, "tests", "bench")

# Targets (2-core machine): tabled PDF+HTML together, seconds; RSS at N=6000; scaling.
TARGET_S = {60: 0.020, 600: 0.080, 6000: 0.800}
TARGET_RSS_MIB = 64
TARGET_SCALING = 11.0
# Reference figures measured for the peers when the targets were set (seconds).
REFERENCE = {"Typst": {60: 0.13, 600: 0.61, 6000: 5.4},
             "pandoc HTML": {60: 0.11, 600: 0.63, 6000: 7.2}}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class RunError(Exception):
    pass


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, cwd, env, errpath):
    """Runs argv with stdout to /dev/null and stderr to errpath; returns
    (wall seconds, CPU seconds (user + system, children included), max RSS KiB from
    wait4). Raises RunError on a non-zero exit."""
    fa = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
          (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
          (os.POSIX_SPAWN_OPEN, 2, errpath, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    exe = shutil.which(argv[0], path=env.get("PATH")) if os.sep not in argv[0] else argv[0]
    if not exe:
        raise RunError("%s: not found" % argv[0])
    old = os.getcwd()
    os.chdir(cwd)
    try:
        t0 = time.perf_counter()
        try:
            pid = os.posix_spawn(exe, argv, env, file_actions=fa)
        except OSError as e:
            raise RunError("%s: %s" % (argv[0], e))
        _, status, ru = os.wait4(pid, 0)
        t1 = time.perf_counter()
    finally:
        os.chdir(old)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        with open(errpath, errors="replace") as f:
            tail = f.read()[-2000:]
        raise RunError("%s exited %d:\n%s" % (" ".join(argv), code, tail))
    return t1 - t0, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


def peak_rss(argv, cwd, env, errpath):
    """Peak RSS in KiB of one run, and whether it is exact. GNU time (a small C
    program that forks) gives the child's own peak; without it, wait4 after
    posix_spawn also counts this Python process's pages (the vfork'd mm is charged
    to the child at exec), so the figure is only an upper bound."""
    if GNU_TIME:
        rssfile = errpath + ".rss"
        run_once([GNU_TIME, "-f", "%M", "-o", rssfile] + argv, cwd, env, errpath)
        with open(rssfile) as f:
            return int(f.read().split()[-1]), True
    return run_once(argv, cwd, env, errpath)[2], False


def measure(argv, cwd, env, errpath, runs, min_time):
    """A warm-up run (which also gives the peak RSS), then at least `runs` timed runs
    (more, up to 25, while they add up to less than min_time seconds). Returns a dict:
    t (median wall s), cpu (median user+sys s), times, rss (KiB), rss_exact."""
    rss, exact = peak_rss(argv, cwd, env, errpath)  # warm-up: page cache, linker, fonts
    times, cpus = [], []
    while len(times) < runs or (sum(times) < min_time and len(times) < 25):
        t, cpu, _ = run_once(argv, cwd, env, errpath)
        times.append(t)
        cpus.append(cpu)
    return {"t": statistics.median(times), "cpu": statistics.median(cpus), "times": times,
            "rss": rss, "rss_exact": exact, "runs": len(times)}


def pdf_pages(path):
    if not path or not os.path.exists(path) or not shutil.which("pdfinfo"):
        return None
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def size(path):
    return os.path.getsize(path) if path and os.path.exists(path) else None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        out = (r.stdout or r.stderr).strip().splitlines()
        return out[0] if out else "?"
    except (OSError, subprocess.SubprocessError):
        return None


def typst_available(env):
    mod = os.path.join(HERE, "node_modules", "@myriaddreamin", "typst-ts-node-compiler")
    if not shutil.which("node", path=env.get("PATH")) or not os.path.isdir(mod):
        return None
    probe = "require(%r); console.log(require(%r).version)" % (mod, os.path.join(mod, "package.json"))
    try:
        r = subprocess.run(["node", "-e", probe], capture_output=True, text=True, timeout=60, env=env)
    except (OSError, subprocess.SubprocessError):
        return None
    return "typst.ts node compiler " + r.stdout.strip() if r.returncode == 0 else None


def fmt_s(t):
    if t is None:
        return "-"
    return "%.3f" % t if t < 10 else "%.1f" % t


def fmt_mib(kib):
    return "-" if kib is None else "%.1f" % (kib / 1024)


def fmt_bytes(n):
    if n is None:
        return "-"
    if n >= 1 << 20:
        return "%.1f MiB" % (n / (1 << 20))
    return "%.0f KiB" % (n / 1024)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "60,600,6000"),
                    help="comma-separated action counts (default 60,600,6000; env BENCH_SIZES)")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")),
                    help="timed runs per tool and size after the warm-up, at least 5 (env BENCH_RUNS)")
    ap.add_argument("--min-time", type=float, default=1.0,
                    help="keep running a fast tool (up to 25 runs) until its runs add up to this many seconds")
    ap.add_argument("--tabled", default=os.path.join(ROOT, "tabled"))
    ap.add_argument("--genbench", default=os.path.join(ROOT, "build", "bench", "genbench"))
    ap.add_argument("--dir", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--no-peers", action="store_true", help="time tabled only")
    ap.add_argument("--strict", action="store_true", default=os.environ.get("BENCH_STRICT") == "1",
                    help="exit 1 when a target is not met (env BENCH_STRICT=1)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    for k in ("tabled", "genbench", "dir"):  # the runs chdir into build/bench/nN
        setattr(args, k, os.path.abspath(getattr(args, k)))
    runs = max(5, args.runs)

    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    env.setdefault("XDG_RUNTIME_DIR", os.path.join(args.dir, "xdg-runtime"))  # wkhtmltopdf (Qt) wants one
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    fonts = os.path.join(ROOT, "fonts")
    errpath = os.path.join(args.dir, "stderr.log")
    outdir = os.path.join(args.dir, "out")

    for p in (args.tabled, args.genbench):
        if not os.access(p, os.X_OK):
            log("bench: %s is missing; run 'make bench'" % p)
            return 2

    peers = {}
    if not args.no_peers:
        have_pandoc = shutil.which("pandoc")
        peers["pandoc HTML"] = version(["pandoc", "--version"]) if have_pandoc else None
        wk = shutil.which("wkhtmltopdf")
        peers["pandoc+wkhtmltopdf"] = (
            "%s + %s" % (peers["pandoc HTML"], version(["wkhtmltopdf", "--version"]))
            if have_pandoc and wk else None)
        peers["Typst"] = typst_available(env)

    results = []
    pdf_linked = True
    for n in sizes:
        d = os.path.join(args.dir, "n%d" % n)
        os.makedirs(d, exist_ok=True)
        subprocess.run([args.genbench, str(n), d], check=True)
        row = {"n": n}
        paper = os.path.join(d, "paper.md")
        html = os.path.join(outdir, "n%d" % n, "paper.html")
        pdf = os.path.join(outdir, "n%d" % n, "paper.pdf")
        for f in (html, pdf):
            if os.path.exists(f):
                os.remove(f)
        log("bench: N=%d tabled" % n)
        try:
            m = measure([args.tabled, "build", "--format", "html,pdf", "--no-index", "-o", outdir, paper],
                         ROOT, env, errpath, runs, args.min_time)
        except RunError as e:
            log("bench: tabled failed on the N=%d paper: %s" % (n, e))
            return 1
        if not os.path.exists(pdf):
            pdf_linked = False
        m.update(html=size(html), pdf=size(pdf), pages=pdf_pages(pdf))
        row["tabled"] = m

        style = os.path.join(HERE, "peer-style.html")  # full-width page, 8pt tables, repeated headers
        peer_cmds = {
            "pandoc HTML": (["pandoc", "-s", "-H", style, "peer.md", "-o", "peer.html"],
                            os.path.join(d, "peer.html")),
            "pandoc+wkhtmltopdf": (["pandoc", "-s", "-H", style, "peer.md", "--pdf-engine=wkhtmltopdf",
                                    "--pdf-engine-opt=--quiet", "--pdf-engine-opt=--page-size",
                                    "--pdf-engine-opt=A4", "-o", "peer.pdf"], os.path.join(d, "peer.pdf")),
            "Typst": (["node", os.path.join(HERE, "typst-compile.cjs"), "peer.typ", "peer-typst.pdf", fonts],
                      os.path.join(d, "peer-typst.pdf")),
        }
        for name, (argv, out) in peer_cmds.items():
            if name not in peers or not peers[name]:
                continue
            log("bench: N=%d %s" % (n, name))
            try:
                m = measure(argv, d, env, errpath, runs, args.min_time)
            except RunError as e:
                log("bench: %s failed: %s" % (name, e))
                row[name] = {"error": str(e).splitlines()[0]}
                continue
            m.update(size=size(out), pages=pdf_pages(out) if out.endswith(".pdf") else None)
            row[name] = m
        results.append(row)

    # ---- report ---------------------------------------------------------------
    L = []
    what = "PDF+HTML" if pdf_linked else "HTML only"
    L.append("| N | tabled %s (s) | RSS (MiB) | pages | pandoc HTML (s, x tabled) "
             "| pandoc+wkhtmltopdf (s, x) | Typst (s, x) |" % what)
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t = r["tabled"]
        cells = ["%d" % r["n"], fmt_s(t["t"]), ("" if t["rss_exact"] else "<= ") + fmt_mib(t["rss"]),
                 str(t["pages"]) if t["pages"] is not None else "-"]
        for name in ("pandoc HTML", "pandoc+wkhtmltopdf", "Typst"):
            p = r.get(name)
            if args.no_peers:
                cells.append("not run")
            elif not peers.get(name):
                cells.append("not installed")
            elif "error" in p:
                cells.append("failed")
            else:
                x = p["t"] / t["t"] if t["t"] > 0 else 0
                cells.append("%s (%s)" % (fmt_s(p["t"]), ("%.1fx" if x < 10 else "%.0fx") % x) if x else fmt_s(p["t"]))
        L.append("| " + " | ".join(cells) + " |")
    L.append("")
    L.append("Median wall time of %d or more runs after a warm-up; \"x\" is the peer's time over "
             "tabled's. RSS is the peak resident set of the warm-up run (%s)." % (
                 runs, "GNU time %M" if GNU_TIME else "wait4; without GNU time it includes this "
                 "script's own pages, so it is an upper bound"))
    if not pdf_linked:
        L.append("")
        L.append("**./tabled wrote no PDF** (the PDF renderer is not linked in yet): the tabled "
                 "column is HTML alone, and the ratios compare the peers with that.")
    L.append("")
    L.append("CPU time (user + system, median) and outputs:")
    L.append("")
    L.append("| N | tabled CPU (s) | tabled HTML | tabled PDF | pandoc HTML: CPU s, size, RSS MiB "
             "| pandoc+wk: CPU s, PDF (pages), RSS | Typst: CPU s, PDF (pages), RSS |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        t = r["tabled"]

        def peer(name):
            p = r.get(name)
            if not p or "error" in p:
                return "-"
            out = fmt_bytes(p["size"])
            if p["pages"] is not None:
                out += " (%d)" % p["pages"]
            return "%s, %s, %s" % (fmt_s(p["cpu"]), out, fmt_mib(p["rss"]))

        L.append("| %d | %s | %s | %s | %s | %s | %s |" % (
            r["n"], fmt_s(t["cpu"]), fmt_bytes(t["html"]), fmt_bytes(t["pdf"]),
            peer("pandoc HTML"), peer("pandoc+wkhtmltopdf"), peer("Typst")))
    L.append("")
    load = os.getloadavg()
    L.append("Load average at the end of the run: %.2f %.2f %.2f (wall times are only comparable "
             "on an otherwise idle machine; CPU times are steadier)." % load)
    L.append("Machine: %s cores (`nproc`), %s, Linux %s, Python %s." % (
        os.cpu_count() if not hasattr(os, "sched_getaffinity") else len(os.sched_getaffinity(0)),
        cpu_model(), platform.release(), platform.python_version()))
    vers = ["tabled: %s" % (version([args.tabled, "--version"]) or "?")]
    for name in ("pandoc HTML", "pandoc+wkhtmltopdf", "Typst"):
        if not args.no_peers:
            vers.append("%s: %s" % (name, peers.get(name) or "not installed"))
    L.append("Versions: " + "; ".join(vers) + ".")
    L.append("")

    # targets
    L.append("Targets (2-core machine):")
    L.append("")
    failed = 0
    by_n = {r["n"]: r for r in results}
    for n, lim in sorted(TARGET_S.items()):
        if n not in by_n:
            continue
        t = by_n[n]["tabled"]["t"]
        ok = t <= lim
        failed += not ok
        L.append("- N=%d: tabled %s <= %.0f ms: %.1f ms, %s%s" % (
            n, what, lim * 1000, t * 1000, "met" if ok else "NOT met",
            "" if pdf_linked else " (HTML only: not the real target yet)"))
    if 6000 in by_n:
        rss = by_n[6000]["tabled"]["rss"] / 1024
        ok = rss <= TARGET_RSS_MIB
        failed += not ok
        L.append("- N=6000: peak RSS <= %d MiB: %.1f MiB, %s" % (TARGET_RSS_MIB, rss, "met" if ok else "NOT met"))
    if 600 in by_n and 6000 in by_n:
        ratio = by_n[6000]["tabled"]["t"] / by_n[600]["tabled"]["t"]
        ok = ratio <= TARGET_SCALING
        failed += not ok
        L.append("- t(6000)/t(600) <= %.0f: %.1f, %s" % (TARGET_SCALING, ratio, "met" if ok else "NOT met"))
    L.append("")
    L.append("Reference figures for the peers when the targets were set: Typst %s s; pandoc HTML %s s "
             "(N = 60 / 600 / 6000)." % (
                 " / ".join("%g" % REFERENCE["Typst"][n] for n in (60, 600, 6000)),
                 " / ".join("%g" % REFERENCE["pandoc HTML"][n] for n in (60, 600, 6000))))
    report = "\n".join(L) + "\n"
    print(report, end="")
    with open(os.path.join(args.dir, "results.md"), "w") as f:
        f.write(report)
    if failed:
        log("bench: %d target%s not met" % (failed, "" if failed == 1 else "s"))
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
