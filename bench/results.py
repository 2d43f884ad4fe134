#!/usr/bin/env python3
"""Writes bench/RESULTS.md (on stdout) from the runs of bench/run: each RUN_DIR holds
bench.json (crosscheck_bench --json), time.txt (/usr/bin/time -v), stats.json and stamp
(bench/generate.py).

    results.py [--keep RESULTS.md] RUN_DIR...

The reading of the figures is written by hand: with --keep, everything from the line
READING of the given file on is carried over unchanged (check it still holds)."""

import datetime
import json
import os
import platform
import re
import subprocess
import sys


def sh(*cmd, cwd=None):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, check=False).stdout.strip()
    except OSError:
        return ""


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_gb():
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0


def max_rss_mb(path):
    try:
        with open(path) as fh:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", fh.read())
            return int(m.group(1)) / 1024 if m else None
    except OSError:
        return None


def load(run):
    with open(os.path.join(run, "bench.json")) as fh:
        b = json.load(fh)
    stats = {}
    if os.path.exists(os.path.join(run, "stats.json")):
        with open(os.path.join(run, "stats.json")) as fh:
            stats = json.load(fh)
    stamp = ""
    if os.path.exists(os.path.join(run, "stamp")):
        with open(os.path.join(run, "stamp")) as fh:
            stamp = fh.read().strip()
    if os.path.exists(os.path.join(run, "commit")):
        with open(os.path.join(run, "commit")) as fh:
            b["commit"] = fh.read().strip()
    if os.path.exists(os.path.join(run, "process.json")):
        with open(os.path.join(run, "process.json")) as fh:
            b["process"] = json.load(fh)
    if os.path.exists(os.path.join(run, "draft.json")):
        with open(os.path.join(run, "draft.json")) as fh:
            b["draft"] = json.load(fh)
    return b, stats, stamp, max_rss_mb(os.path.join(run, "time.txt"))


def phase(b, name):
    for p in b["phases"]:
        if p["name"] == name:
            return p
    return None


def ratio(x, base):
    return f"{x / base:.2f}" if base else ""


READING = "## Reading (by hand)"


def kept_reading(path):
    try:
        with open(path) as fh:
            text = fh.read()
    except OSError:
        return ""
    at = text.find(READING)
    return text[at:].rstrip("\n") if at >= 0 else ""


def main():
    args = sys.argv[1:]
    reading = ""
    if args[:1] == ["--keep"]:
        reading = kept_reading(args[1])
        args = args[2:]
    runs = sorted((load(r) for r in args), key=lambda r: (r[0]["facts"], r[0]["label"]))
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    commit = sh("git", "rev-parse", "--short", "HEAD", cwd=root)
    dirty = " (with uncommitted changes)" if sh("git", "status", "--porcelain", "--", "src", "bench", "CMakeLists.txt",
                                                      ":!bench/RESULTS.md", cwd=root) else ""
    compiler = sh("c++", "--version").splitlines()[0] if sh("c++", "--version") else "unknown"
    out = []
    w = out.append
    w("# Benchmark results")
    w("")
    w("Written by `bench/run` (see `bench/README.md` for how to read it); do not edit by hand, "
      "except the reading at the end, which is carried over.")
    w("")
    def utc(t):
        return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    times = [os.path.getmtime(os.path.join(r, "bench.json")) for r in args]
    w(f"- date: measured between {utc(min(times))} and {utc(max(times))} (each run's end)")
    w(f"- machine: {os.cpu_count()} cores (`nproc`: {sh('nproc')}), {cpu_model()}, "
      f"{mem_total_gb():.0f} GB, {platform.system()} {platform.release()}")
    measured = ", ".join(f"{b['label']}: {b.get('commit', '?')}" for b, _, _, _ in runs)
    w(f"- build: Release, {compiler}; measured at commit {measured} (now {commit}{dirty})")
    loads = [f"{b['label']}: {b.get('load_average_start', 0):.1f}→{b.get('load_average_end', 0):.1f}"
             for b, _, _, _ in runs]
    w(f"- load average (1 min) at the start and end of each run: {', '.join(loads)}. "
      "Where it is above the number of cores, other work shared the machine: wall-clock "
      "seconds are then inflated and the CPU seconds are the better measure.")
    bases = "; ".join(f"{b['label']}: `{s}`" for b, _, s, _ in runs)
    w(f"- fact bases: {bases}")
    w("")
    w("## Summary")
    w("")
    w("Seconds are wall-clock (CPU seconds in parentheses); × is the ratio of CPU seconds to "
      "those of the bare parse (yaml-cpp event API, no-op handler, one thread, same files). "
      "The loader runs on 2 threads, the rest on one. Peak RSS is crosscheck's own maximum "
      "resident set size over the whole run (`getrusage`), step-by-step second check included; "
      "`/usr/bin/time -v`'s figure, in parentheses, is the largest of the process and its "
      "children, and the one child is Graphviz drawing graph.svg (not a default format) until "
      "its 30 s limit.")
    w("")
    w("| fact base | facts | sources | YAML MB | bare parse s | load s | × | check s | × | of which solve s | × "
      "| report s | × | peak RSS MB | findings | planted | found | findings without a plant |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for b, stats, _, rss in runs:
        bp, ld, ck, rp = (phase(b, n) for n in ("bare parse yaml-cpp", "load", "check", "report"))
        sv = phase(b, "  solve")
        base = bp["cpu_seconds"]
        pl = b.get("planted", {})
        rss_text = f"{b['peak_rss_mb']:,.0f}" + ("" if rss is None else f" ({rss:,.0f})")
        solve_text = (f"{sv['seconds']:.2f} ({sv['cpu_seconds']:.2f}) | {ratio(sv['cpu_seconds'], base)}"
                      if sv else "| ")
        w(f"| {b['label']} | {b['facts']:,} | {b['sources']:,} | {b['yaml_bytes'] / 1e6:.1f} "
          f"| {bp['seconds']:.2f} ({bp['cpu_seconds']:.2f}) "
          f"| {ld['seconds']:.2f} ({ld['cpu_seconds']:.2f}) | {ratio(ld['cpu_seconds'], base)} "
          f"| {ck['seconds']:.2f} ({ck['cpu_seconds']:.2f}) | {ratio(ck['cpu_seconds'], base)} "
          f"| {solve_text} "
          f"| {rp['seconds']:.2f} ({rp['cpu_seconds']:.2f}) | {ratio(rp['cpu_seconds'], base)} "
          f"| {rss_text} | {b['findings']['total']} | {pl.get('planted', '')} "
          f"| {pl.get('found', '')} | {pl.get('findings_without_plant', '')} |")
    timed = [b for b, _, _, _ in runs if "process" in b]
    if timed:
        w("")
        w("The whole commands, as a user runs them (`bench/run`, PROCESS=1), each its own process "
          "under `/usr/bin/time` in the same sitting: `crosscheck_bench --parse-only` (the bare "
          "yaml-cpp parse, one thread), `crosscheck lint` and `crosscheck check --format json` "
          "(default threads). Seconds are CPU (wall-clock in parentheses); × is the ratio of CPU "
          "seconds to those of the bare parse; peak RSS is the process's maximum resident set.")
        w("")
        w("| fact base | facts | bare parse s | lint s | × | lint peak RSS MB | check s | × "
          "| check peak RSS MB | check peak RSS ÷ YAML |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for b in timed:
            pr = b["process"]
            parse, lint, check = pr.get("parse"), pr.get("lint"), pr.get("check")
            base = parse["cpu_seconds"] if parse else 0

            def cell(p):
                return f"{p['cpu_seconds']:.2f} ({p['seconds']:.2f})" if p else ""

            def times(p):
                return ratio(p["cpu_seconds"], base) if p else ""

            def rss(p):
                return f"{p['peak_rss_mb']:,.0f}" if p else ""

            per_yaml = (f"{check['peak_rss_mb'] * 2**20 / b['yaml_bytes']:.2f}"
                        if check and b.get("yaml_bytes") else "")
            w(f"| {b['label']} | {b['facts']:,} | {cell(parse)} | {cell(lint)} | {times(lint)} "
              f"| {rss(lint)} | {cell(check)} | {times(check)} | {rss(check)} | {per_yaml} |")
    drafts = [b for b, _, _, _ in runs if "draft" in b]
    if drafts:
        w("")
        w("`check --draft FILE --format json` (`bench/run`, DRAFT; default threads), one fact file "
          "as the draft, three runs of each of four ways, in turn: **first**, with no cache beside the out "
          "folder (the rest derived, built and solved where the draft touches it); **warm**, the "
          "same again (the rest's ids and the untouched components' outcomes from the cache); "
          "**after a check**, the file new to the fact base, checked as the draft after a `check` "
          "without it (the rest's ids and every component's outcome from the entry that check "
          "left); **a file read**, the file checked as the draft after a `check` of the whole "
          "fact base (that check's outcomes of the components the draft leaves alone; the rest "
          "derived and solved where the draft touches it). Wall-clock seconds, median and "
          "range (CPU seconds' median in parentheses); peak RSS the largest of the three runs.")
        w("")
        w("| fact base | draft | first s | warm s | after a check s | a file read s "
          "| peak RSS MB: first, warm, after, read |")
        w("|---|---|---:|---:|---:|---:|---:|")
        for b in drafts:
            d = b["draft"]

            def runs_of(way):
                return [v for k, v in d.items() if k.startswith(way + " ") and isinstance(v, dict)]

            def cell(way):
                rs = runs_of(way)
                if not rs:
                    return ""
                wall = sorted(r["seconds"] for r in rs)
                cpu = sorted(r["cpu_seconds"] for r in rs)
                return (f"{wall[len(wall) // 2]:.2f} ({cpu[len(cpu) // 2]:.2f}), "
                        f"{wall[0]:.2f}–{wall[-1]:.2f}")

            def peak(way):
                rs = runs_of(way)
                return f"{max(r['peak_rss_mb'] for r in rs):,.0f}" if rs else ""

            peaks = ", ".join(peak(way) for way in ("first", "warm", "after", "read"))
            w(f"| {b['label']} | {d.get('file', '')} | {cell('first')} | {cell('warm')} "
              f"| {cell('after')} | {cell('read')} | {peaks} |")
    if any(phase(b, "one fixpoint, traced") for b, _, _, _ in runs):
        w("")
        w("The solve phase (`cc::solve`, timed in the step-by-step check) against one propagation of "
          "every component to its fixpoint with the facts set aside left out (the solver's last run, "
          "timed on its own through `Propagator::run`): a component with k contradictions is "
          "propagated k + 1 times afresh, besides the probe runs that pick the culprit and shrink "
          "each conflict to a minimal set. The slowest component is the one whose solver took the "
          "longest (`SolveOptions::component_solved`, one thread; the slip checks, made after "
          "every component, are not in its time).")
        w("")
        w("| fact base | components | largest (constraints) | contradictions | in the largest "
          "| most in one | one fixpoint s | solve ÷ one fixpoint | slowest to solve (constraints) "
          "| its contradictions | its solve s | its fixpoint s | its solve ÷ its fixpoint |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for b, _, _, _ in runs:
            fx, sv = phase(b, "one fixpoint, traced"), phase(b, "  solve")
            if not fx or not sv:
                continue
            g, so = b["graph"], b.get("solve", {})
            size = so.get("slowest_component_constraints")  # None: no component was solved
            slow_fx = None
            if size is not None:
                name = ("  the largest component" if size == g["largest_component_constraints"]
                        else "  the slowest to solve")
                slow_fx = phase(b, f"{name} ({size})")
            slow_s = so.get("slowest_component_seconds", 0)
            cells = [b["label"], f"{g['components']:,}", f"{g['largest_component_constraints']:,}",
                     so.get("conflicts", ""), so.get("conflicts_in_largest_component", ""),
                     so.get("most_conflicts_in_a_component", ""), f"{fx['cpu_seconds']:.3f}",
                     ratio(sv["cpu_seconds"], fx["cpu_seconds"]),
                     "?" if size is None else f"{size:,}",
                     "?" if size is None else so.get("conflicts_in_slowest_component", ""),
                     f"{slow_s:.2f}",
                     f"{slow_fx['cpu_seconds']:.3f}" if slow_fx else "?",
                     ratio(slow_s, slow_fx["cpu_seconds"]) if slow_fx else "?"]
            w("| " + " | ".join(str(c) for c in cells) + " |")
    for b, stats, stamp, rss in runs:
        w("")
        w(f"## {b['label']}: {b['facts']:,} facts")
        w("")
        w(f"{b['sources']:,} sources, {b['keys']:,} keys; {b['yaml_files']:,} YAML files ({b['yaml_bytes'] / 1e6:.1f} MB), "
          f"{b['articles']:,} articles ({b['article_bytes'] / 1e6:.1f} MB); loader threads: {b['threads']}.")
        w("")
        base = b["bare_parse_cpu_seconds"]
        wall_base = b["bare_parse_seconds"]
        w("| phase | wall s | CPU s | ÷ parse (wall) | ÷ parse (CPU) | peak RSS MB | held RSS MB | heap MB | what |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for p in b["phases"]:
            name = p["name"].strip()
            if p["detail"]:
                name = "&nbsp;&nbsp;" + name
            w(f"| {name} | {p['seconds']:.3f} | {p['cpu_seconds']:.3f} | {ratio(p['seconds'], wall_base)} "
              f"| {ratio(p['cpu_seconds'], base)} | {p['peak_rss_mb']:.0f} | {p['held_rss_mb']:.0f} "
              f"| {p.get('heap_mb', 0):.0f} | {p['what']} |")
        g = b["graph"]
        w("")
        w(f"- graph: {g['variables']:,} variables, {g['constraints']:,} constraints, {g['components']:,} components; "
          f"the largest holds {g['largest_component_constraints']:,} constraints ({g['largest_component_facts']:,} facts).")
        if "max_variable_degree" in g:
            hubs = "; ".join(f"{h['quantity']}: {h['constraints']} ({h['statements']} statements)"
                             for h in g.get("most_constrained", [])[:3])
            w(f"- shape: constraints bind at most {g['max_constraint_vars']} variables (Σ arity² "
              f"{g['sum_constraint_vars_squared']:,.0f}); a variable is in at most {g['max_variable_degree']} "
              f"constraints (Σ degree² {g['sum_variable_degree_squared']:,.0f}), a shared constant in "
              f"{g['max_constant_degree']}; the most constrained: {hubs}.")
        if "implied_bound_bits" in g:
            bb = g["implied_bound_bits"]
            w(f"- exact bounds of the implied intervals: {bb['mean']:.0f} bits on average (numerator and "
              f"denominator), p99 {bb['p99']}, max {bb['max']}.")
        f = b["findings"]
        rules = ", ".join(f"{k} {v}" for k, v in sorted(f["by_rule"].items()))
        w(f"- findings: {f['total']} ({f['error']} errors, {f['warning']} warnings, {f['accepted']} accepted): {rules}; "
          f"{f['set_aside']} facts set aside.")
        so = b.get("solve")
        if so:
            w(f"- solve: {so['conflicts']} contradictions in {so['components_with_conflicts']} components; "
              f"{so['conflicts_in_largest_component']} in the largest, at most {so['most_conflicts_in_a_component']} "
              f"in one component; the slowest component to solve took {so['slowest_component_seconds']:.2f} s "
              f"({so.get('slowest_component_facts', 0):,} facts).")
        for n in f.get("notices", []):
            w(f"- notice: {n}")
        pl = b.get("planted")
        if pl:
            w(f"- planted: {pl['planted']}, found in a finding: {pl['found']}, findings with no planted fact: "
              f"{pl['findings_without_plant']} (must be 0: the rest of the base is consistent by construction).")
            if "doubt_planted" in pl:
                w(f"- diagnosis: findings whose doubted fact is a planted one: {pl['doubt_planted']}; "
                  f"findings that doubt a fact nobody planted: {pl['doubt_not_planted']} (aim: 0).")
                for ex in pl.get("examples_wrong_doubt", []):
                    w(f"  - wrong doubt: `{ex}`")
            w("")
            w("  | planted as | planted | found | found as |")
            w("  |---|---:|---:|---|")
            for rule, e in sorted(pl["by_rule"].items()):
                as_ = ", ".join(f"{k} {v}" for k, v in sorted(e["found_as"].items()))
                w(f"  | {rule} | {e['planted']} | {e['found']} | {as_} |")
            if pl["missed"]:
                w("")
                w(f"  missed: {', '.join(pl['missed'])}")
            for ex in pl["examples_without_plant"]:
                w(f"  - without a plant: `{ex}`")
        rb = b.get("report_bytes", {})
        if rb:
            w(f"- report sizes: {', '.join(f'{k} {v / 1e6:.1f} MB' for k, v in sorted(rb.items()))}")
        if stats:
            kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(stats.get("kinds", {}).items()))
            forms = ", ".join(f"{k} {v:,}" for k, v in sorted(stats.get("forms", {}).items()))
            w(f"- generated: {kinds}; values written as: {forms}; {stats.get('records', 0)} honest record claims.")
    w("")
    if reading:
        w(reading)
        w("")
    print("\n".join(out).rstrip("\n"))


if __name__ == "__main__":
    main()
