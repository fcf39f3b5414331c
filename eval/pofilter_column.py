#!/usr/bin/env python3
"""factcheck and pofilter's numbers test on the very same evaluation cases.

`factcheck eval --cases FILE` writes every case it measures: a sentence pair of a
corpus with its Vietnamese side (or, for one rewrite, its English side) changed by a
plain pattern on the raw text, whether the change must be caught or must stay quiet,
and whether factcheck did so.  This script runs translate-toolkit's numbers test
(`pofilter --test=numbers`, in-process: `StandardChecker.numbers`) on the same pairs,
before and after the change, and prints both tools' rates side by side.

The rule is the same for both tools: a change is caught when the tool says something
about the changed pair that it did not say about the unchanged one (for factcheck: a
warning or error code more often on that line; for pofilter, whose only message is
"Different numbers": a failure where the unchanged pair passed).  An equivalent
rewrite is quiet when it is not caught in that sense.

It also lists the exceptions: cases pofilter catches and factcheck misses.

`--split` groups the cases by the project's development / held-out split instead of by
corpus: the check was changed while reading the cases of ted-tst2012 and of bbc-mt lines
1-3400 (development); ted-tst2013 and bbc-mt lines 3401 on were only scored (held out).

How to run, from the repository root::

    cargo build --release
    python3 -m pip install translate-toolkit==3.20.4      # once
    python3 eval/pofilter_column.py ../shared/corpora/*
    python3 eval/pofilter_column.py --json ../shared/corpora/ted-tst2012
    python3 eval/pofilter_column.py --exceptions exceptions.jsonl ../shared/corpora/*

Only the standard library and translate-toolkit are used; nothing is written except
a temporary file and, with --exceptions, the file named.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import OrderedDict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def die(msg: str) -> None:
    print(f"pofilter_column: {msg}", file=sys.stderr)
    sys.exit(2)


def checker():
    try:
        from translate.filters.checks import CheckerConfig, FilterFailure, StandardChecker
    except ImportError:
        die("translate-toolkit is not installed: python3 -m pip install translate-toolkit==3.20.4")
    c = StandardChecker(CheckerConfig(targetlanguage="vi"))

    def fails(en: str, vi: str) -> bool:
        try:
            return not c.numbers(en, vi)
        except FilterFailure:
            return True

    return fails


# The cases read while the check was being changed; the rest are held out.
DEV_BBC_LAST_LINE = 3400


def split_of(case: dict) -> str:
    dev = case["corpus"] == "ted-tst2012" or (
        case["corpus"] == "bbc-mt" and case["line"] <= DEV_BBC_LAST_LINE)
    return "development (ted-tst2012, bbc-mt 1-3400)" if dev else \
        "held out (ted-tst2013, bbc-mt 3401-)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="+", type=Path, help="corpus directories (en.txt, vi.txt)")
    ap.add_argument("--factcheck", type=Path, default=REPO / "target" / "release" / "factcheck")
    ap.add_argument("--known-errors", type=Path, default=REPO / "eval" / "known-errors")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--exceptions", type=Path, help="write the exceptions (JSON Lines) here")
    ap.add_argument("--split", action="store_true",
                    help="group by development / held-out cases instead of by corpus")
    args = ap.parse_args()
    if not args.factcheck.is_file():
        die(f"no factcheck binary at {args.factcheck}: run `cargo build --release` first")
    fails = checker()

    with tempfile.TemporaryDirectory() as tmp:
        cases_path = Path(tmp) / "cases.jsonl"
        cmd = [str(args.factcheck), "eval", "--format", "json", "--seed", str(args.seed),
               "--known-errors", str(args.known_errors), "--cases", str(cases_path)]
        cmd += [str(c) for c in args.corpora]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            die(f"factcheck eval failed: {run.stderr.strip()}")
        cases = [json.loads(l) for l in cases_path.read_text(encoding="utf-8").splitlines()]
    # The kinds in factcheck's order: its changes, then its equivalents.
    order = {}
    for report in json.loads(run.stdout):
        for t in report["perturbations"] + report["equivalents"]:
            order.setdefault(t["kind"], len(order))
    cases.sort(key=lambda c: (c["corpus"], order.get(c["kind"], len(order))))

    # corpus -> kind -> tallies, in factcheck's order of kinds.
    table: "OrderedDict[str, OrderedDict[str, dict]]" = OrderedDict()
    exceptions = []
    for c in cases:
        en, vi = c["en"], c["vi"]
        before = fails(en, vi)
        after = fails(en, c["after"]) if c["side"] == "vi" else fails(c["after"], vi)
        pofilter_loud = after and not before
        pofilter_ok = pofilter_loud if c["expect"] == "caught" else not pofilter_loud
        group = split_of(c) if args.split else c["corpus"]
        t = table.setdefault(group, OrderedDict()).setdefault(
            c["kind"], {"expect": c["expect"], "applied": 0, "factcheck": 0, "pofilter": 0,
                        "pofilter_only": 0, "pofilter_loud_before": 0})
        t["applied"] += 1
        t["factcheck"] += int(c["factcheck"])
        t["pofilter"] += int(pofilter_ok)
        t["pofilter_loud_before"] += int(before)
        if pofilter_ok and not c["factcheck"]:
            t["pofilter_only"] += 1
            exceptions.append(c)

    if args.exceptions:
        with args.exceptions.open("w", encoding="utf-8") as f:
            for c in exceptions:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")

    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return
    pct = lambda n, d: f"{100.0 * n / d:5.1f}%" if d else "    -"
    for corpus, kinds in table.items():
        print(f"{corpus}")
        print(f"  {'kind':<34} {'expect':>6} {'cases':>6} {'factcheck':>9} {'pofilter':>9} "
              f"{'pofilter only':>13}")
        for kind, t in kinds.items():
            print(f"  {kind:<34} {t['expect']:>6} {t['applied']:>6} "
                  f"{pct(t['factcheck'], t['applied']):>9} {pct(t['pofilter'], t['applied']):>9} "
                  f"{t['pofilter_only']:>13}")
    print(f"\nexceptions (pofilter right, factcheck wrong): {len(exceptions)}"
          + (f", written to {args.exceptions}" if args.exceptions else ""))


if __name__ == "__main__":
    main()
