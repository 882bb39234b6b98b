#!/usr/bin/env python3
"""`make bench`: times broadsheet (PDF alone, EPUB alone, both) on the corpus
sizes, and htmldoc (PDF) and pandoc (EPUB) on the same text when installed, plus
the libharu floor; then twenty variants of the 100-article day built in one
process against one build; then `broadsheet send` of the 100-article day to
1,000 subscribers in 20 variants, into a loopback SMTP sink (bench/smtp_sink.py).
Each figure is the median of several whole-process runs, measured with wait4()
rusage: wall, user+system CPU, peak RSS.

usage: run_bench.py BUILD_DIR [--sizes 10,100,1000,10000] [--runs 3] [--jobs N]
                    [--rows build,variants,send]
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

import smtp_sink

HERE = os.path.dirname(os.path.abspath(__file__))
TIMESTAMP = "1730800000"  # a fixed build time: the outputs are the same bytes every run
STYLES = ("classic", "newspaper", "ereader")  # the shipped styles (styles/)
SLOW_SECONDS = 20.0       # a command slower than this is run once (pandoc on big sizes)


def measure(argv, cwd, env=None, stdout_path=os.devnull):
    """One whole-process run: (wall s, cpu s, peak MB, exit status)."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            devnull = os.open(os.devnull, os.O_WRONLY)
            out = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, 1)
            os.dup2(devnull, 2)
            os.execvpe(argv[0], argv, env if env is not None else os.environ)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, status


def median_run(argv, cwd, out_dir, runs):
    samples = []
    for _ in range(runs):
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)
        wall, cpu, peak, status = measure(argv, cwd)
        if status != 0:
            sys.exit("bench: failed (status %d): %s" % (status, " ".join(argv)))
        samples.append((wall, cpu, peak))
        if wall > SLOW_SECONDS:
            break
    return tuple(statistics.median(s[i] for s in samples) for i in range(3)) + (len(samples),)


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def outputs(out_dir):
    """(pages of all PDFs, bytes of all outputs, files)."""
    pages, size, files = 0, 0, sorted(os.listdir(out_dir))
    for name in files:
        path = os.path.join(out_dir, name)
        size += os.path.getsize(path)
        if name.endswith(".pdf") and shutil.which("pdfinfo"):
            pages += pdf_pages(path)
    return pages, size, len(files)


def corpus(size, work):
    """Generates bench-SIZE.{yaml,html,md} once (the generator is deterministic)."""
    base = os.path.join(work, "bench-%d" % size)
    generator = os.path.join(HERE, "corpus.py")
    if not os.path.exists(base + ".md") or os.path.getmtime(base + ".md") < os.path.getmtime(generator):
        subprocess.run([sys.executable, generator, str(size), work], check=True)
    return base


def row(rows, size, tool, what, figures, out_dir):
    wall, cpu, peak, runs = figures
    pages, size_bytes, _ = outputs(out_dir)
    rows.append({"size": size, "tool": tool, "what": what, "wall": wall, "cpu": cpu,
                 "peak": peak, "pages": pages, "bytes": size_bytes, "runs": runs})
    print("  %-10s %-5s %7.2f s wall %7.2f s cpu %6.0f MB %6s pages %6.1f MB%s" % (
        tool, what, wall, cpu, peak, pages or "-", size_bytes / 1e6,
        "" if runs > 1 else "  (1 run)"), flush=True)


def bench_size(size, args, rows, floors):
    work = args.work
    base = corpus(size, work)
    out = os.path.join(work, "out-%d" % size)
    print("bench-%d:" % size, flush=True)
    exe = os.path.join(args.build, "broadsheet")
    for what in ("pdf", "epub", "both"):
        argv = [exe, "build", base + ".yaml", "--out", out, "--format", what, "--timestamp", TIMESTAMP, "-q"]
        if args.jobs:
            argv += ["--jobs", str(args.jobs)]
        row(rows, size, "broadsheet", what, median_run(argv, work, out, args.runs), out)
    if size > args.peer_max:
        return
    if shutil.which("htmldoc"):
        argv = ["htmldoc", "--webpage", "--quiet", "-f", os.path.join(out, "h.pdf"), base + ".html"]
        row(rows, size, "htmldoc", "pdf", median_run(argv, work, out, args.runs), out)
    if shutil.which("pandoc"):
        argv = ["pandoc", base + ".md", "-o", os.path.join(out, "p.epub")]
        row(rows, size, "pandoc", "epub", median_run(argv, work, out, args.runs), out)
    floor = os.path.join(args.build, "haru_floor")
    if os.path.exists(floor):
        # The styles as built (each style's CSS is made from styles/css at build time).
        styles = os.path.join(args.build, "styles")
        cpus = []
        for _ in range(args.runs):
            r = subprocess.run([floor, base + ".yaml", styles], capture_output=True, text=True, check=True)
            pages, size_bytes, cpu, wall = r.stdout.split()
            cpus.append((float(cpu), float(wall)))
        floors[size] = (statistics.median(c for c, _ in cpus), statistics.median(w for _, w in cpus))
        print("  %-10s %-5s %7.2f s wall %7.2f s cpu (draw + save only) %s pages" % (
            "libharu", "floor", floors[size][1], floors[size][0], pages), flush=True)


def find(rows, size, tool, what):
    for r in rows:
        if (r["size"], r["tool"], r["what"]) == (size, tool, what):
            return r
    return None


def print_table(rows):
    print("\n| articles | tool | output | wall s | CPU s | peak MB | pages | MB |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| %s | %s | %s | %.2f | %.2f | %.0f | %s | %.1f |" % (
            "{:,}".format(r["size"]), r["tool"], r["what"] + ("" if r["runs"] > 1 else " (1 run)"),
            r["wall"], r["cpu"], r["peak"], r["pages"] or "–", r["bytes"] / 1e6))


def print_ratios(rows, floors, sizes):
    print("\n| articles | both ÷ htmldoc PDF (wall) | EPUB ÷ pandoc (wall) | PDF ÷ libharu floor (CPU) |")
    print("|---:|---:|---:|---:|")
    for size in sizes:
        both, pdf, epub = (find(rows, size, "broadsheet", w) for w in ("both", "pdf", "epub"))
        htmldoc, pandoc = find(rows, size, "htmldoc", "pdf"), find(rows, size, "pandoc", "epub")
        cells = [
            "%.2f" % (both["wall"] / htmldoc["wall"]) if htmldoc else "–",
            "%.3f" % (epub["wall"] / pandoc["wall"]) if pandoc else "–",
            "%.2f" % (pdf["cpu"] / floors[size][0]) if size in floors else "–",
        ]
        print("| %s | %s |" % ("{:,}".format(size), " | ".join(cells)))
    small, big = find(rows, 1000, "broadsheet", "both"), find(rows, 10000, "broadsheet", "both")
    if small and big:
        print("\ngrowth, 10,000 articles (ten days) ÷ 1,000 (one day), both formats: "
              "%.1f× wall, %.1f× CPU" % (big["wall"] / small["wall"], big["cpu"] / small["cpu"]))


def bench_send(args):
    """The issue's delivery figure: 1,000 subscribers in 20 variants of a
    100-article day, sent over SMTP (one connection, one transaction each) to a
    sink on loopback that reads and discards; a fresh journal every run."""
    base = corpus(100, args.work)
    out = os.path.join(args.work, "out-send")
    subscribers = os.path.join(args.work, "send-subscribers.yaml")
    exe = os.path.join(args.build, "broadsheet")
    argv = [exe, "send", base + ".yaml", "--subscribers", subscribers, "--out", out,
            "--journal", os.path.join(out, "journal.sqlite"), "--verbose"]
    env = dict(os.environ, SOURCE_DATE_EPOCH=TIMESTAMP)
    report = os.path.join(args.work, "send-report.txt")
    print("send, bench-100 to %d subscribers in %d variants:" % (SEND_SUBSCRIBERS, len(SEND_VARIANTS)), flush=True)
    with smtp_sink.Sink() as sink:
        write_subscribers(subscribers, sink.port)
        samples = []
        for _ in range(args.runs):
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            before, sink_before = sink.counts(), own_cpu()
            wall, cpu, peak, status = measure(argv, args.work, env, report)
            messages, size = (a - b for a, b in zip(sink.counts(), before))
            sink_cpu = own_cpu() - sink_before
            with open(report, encoding="utf-8") as f:
                text = f.read()
            if status != 0 or messages != SEND_SUBSCRIBERS:
                sys.exit("bench: send failed (status %d, %d messages):\n%s" % (status, messages, text[-2000:]))
            builds = int(text.rsplit("variants built: ", 1)[1].split()[0])
            samples.append((wall, cpu, peak, sink_cpu, builds, size))
    wall, cpu, peak, sink_cpu = (statistics.median(s[i] for s in samples) for i in range(4))
    builds, size = samples[0][4], samples[0][5]
    print("  %d messages, %.1f MB on the wire, %d builds: %.2f s wall %.2f s cpu %.0f MB peak, "
          "%.1f messages/s (the sink: %.2f s cpu)%s" % (
              SEND_SUBSCRIBERS, size / 1e6, builds, wall, cpu, peak, SEND_SUBSCRIBERS / wall, sink_cpu,
              "" if len(samples) > 1 else "  (1 run)"), flush=True)
    print("\n| subscribers | variants | builds | messages | MB sent | wall s | CPU s | messages/s | peak MB | sink CPU s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("| {:,} | {} | {} | {:,} | {:.0f} | {:.2f} | {:.2f} | {:.1f} | {:.0f} | {:.2f} |".format(
        SEND_SUBSCRIBERS, len(SEND_VARIANTS), builds, SEND_SUBSCRIBERS, size / 1e6, wall, cpu,
        SEND_SUBSCRIBERS / wall, peak, sink_cpu))


def bench_variants(args):
    """Issue #20's "many variants in one process": the twenty variants of the
    send row, one subscriber each, built by one `send --dry-run` (every variant
    built and its message composed; nothing sent or journaled), against one
    `build` of the same day (both formats), runs interleaved."""
    base = corpus(100, args.work)
    out = os.path.join(args.work, "out-variants")
    subscribers = os.path.join(args.work, "variants-subscribers.yaml")
    write_subscribers(subscribers, 25, len(SEND_VARIANTS))  # dry run: the port is never dialled
    exe = os.path.join(args.build, "broadsheet")
    env = dict(os.environ, SOURCE_DATE_EPOCH=TIMESTAMP)
    argv = {"one build": [exe, "build", base + ".yaml", "--out", out, "-q"],
            "%d variants" % len(SEND_VARIANTS): [
                exe, "send", base + ".yaml", "--subscribers", subscribers, "--out", out,
                "--journal", os.path.join(out, "journal.sqlite"), "--dry-run", "-q"]}
    print("variants, bench-100:", flush=True)
    samples = {name: [] for name in argv}
    for _ in range(args.runs):
        for name, command in argv.items():
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            wall, cpu, peak, status = measure(command, args.work, env)
            if status != 0:
                sys.exit("bench: failed (status %d): %s" % (status, " ".join(command)))
            samples[name].append((wall, cpu, peak))
    medians = {name: [statistics.median(s[i] for s in runs) for i in range(3)] for name, runs in samples.items()}
    (one, many) = medians.values()
    print("\n| articles | work | wall s | CPU s | peak MB |")
    print("|---:|---|---:|---:|---:|")
    for name, (wall, cpu, peak) in medians.items():
        print("| 100 | %s | %.2f | %.2f | %.0f |" % (name, wall, cpu, peak))
    print("\n%d variants ÷ one build: %.1f× wall, %.1f× CPU, %.1f× peak memory" % (
        len(SEND_VARIANTS), many[0] / one[0], many[1] / one[1], many[2] / one[2]), flush=True)


def own_cpu():
    """This process's CPU seconds so far (the sink's threads run in it)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# What the subscribers of the send row ask for: twenty distinct variants
# (formats, style, sections, languages, a device), dealt round-robin.
SEND_SUBSCRIBERS = 1000
SECTIONS = ["World", "Business", "Science", "Culture", "Sport", "Opinion"]
SEND_VARIANTS = (
    ["formats: [pdf]", "formats: [epub]", "formats: [pdf, epub]", "formats: [pdf]\n    style: newspaper",
     "device: kindle", "formats: [pdf]\n    languages: [en]", "formats: [epub]\n    languages: [ru]",
     "formats: [pdf]\n    sections: [World, Business]"]
    + ["formats: [pdf]\n    sections: [%s]" % s for s in SECTIONS]
    + ["formats: [epub]\n    sections: [%s]" % s for s in SECTIONS])


def write_subscribers(path, port, count=SEND_SUBSCRIBERS):
    lines = ['from: "Bench Daily <daily@example.org>"', "transport:",
             "  url: smtp://127.0.0.1:%d" % port, "  tls: none", "  max_message_bytes: 100MB",
             "subscribers:"]
    for i in range(count):
        lines += ["  - email: reader%04d@example.org" % i, "    " + SEND_VARIANTS[i % len(SEND_VARIANTS)]]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def pdf_sizes(args):
    """The PDF bytes that travel by mail (#20): each day of the sample (`make
    digest`) and the 10-article day, in every shipped style."""
    src = os.path.dirname(HERE)
    editions = [("sample", os.path.join(src, "examples", "world-brief.yaml")),
                ("bench-10", corpus(10, args.work) + ".yaml")]
    print("\n| edition | day | " + " | ".join(STYLES) + " |")
    print("|---|---|" + "---:|" * len(STYLES))
    sizes = {}
    for name, digest in editions:
        for style in STYLES:
            out = os.path.join(args.work, "sizes-%s-%s" % (name, style))
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([os.path.join(args.build, "broadsheet"), "build", digest, "--out", out, "--style", style,
                            "--format", "pdf", "--timestamp", TIMESTAMP, "-q"], check=True)
            for pdf in sorted(f for f in os.listdir(out) if f.endswith(".pdf")):
                sizes.setdefault((name, pdf[:-4]), {})[style] = os.path.getsize(os.path.join(out, pdf))
    for (name, day), by_style in sizes.items():
        print("| %s | %s | %s |" % (name, day, " | ".join("%.1f KB" % (by_style[s] / 1e3) for s in STYLES)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="broadsheet --jobs (default: its own)")
    parser.add_argument("--peer-max", type=int, default=1000, help="largest size htmldoc and pandoc run on")
    parser.add_argument("--work", default=None)
    parser.add_argument("--rows", default="build,variants,send,sizes",
                        help="which benchmarks, comma-separated: build (the corpus sizes and the peers), "
                             "variants (twenty variants of a day against one build), send, "
                             "sizes (the PDF bytes of the sample's days and the 10-article day)")
    args = parser.parse_args()
    args.build = os.path.abspath(args.build)
    args.work = os.path.abspath(args.work or os.path.join(args.build, "bench"))
    os.makedirs(args.work, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    print("machine: %d cores, load average %.1f at start" % (os.cpu_count(), os.getloadavg()[0]))
    wanted = args.rows.split(",")
    if "build" in wanted:
        rows, floors = [], {}
        for size in sizes:
            bench_size(size, args, rows, floors)
        print_table(rows)
        print_ratios(rows, floors, sizes)
    if "variants" in wanted:
        bench_variants(args)
    if "send" in wanted:
        bench_send(args)
    if "sizes" in wanted:
        pdf_sizes(args)
    print("\nload average %.1f at the end" % os.getloadavg()[0])


if __name__ == "__main__":
    main()
