#!/usr/bin/env python3
"""factcheck vs pofilter's numbers test, on the same sentence pairs, in one run.

What it measures
----------------
The line-aligned corpora ``SHARED/corpora/{ted-tst2012,ted-tst2013,bbc-mt}/{en.txt,vi.txt}``
are read (HTML entities decoded with ``html.unescape`` applied twice, lines stripped, pairs
with an empty side skipped), and the pairs are repeated ``--repeat`` times (6 by default:
about 58,000 pairs, 17 MB).  From these pairs, in a temporary directory:

* articles for factcheck: the pairs grouped ``--pairs`` (12 by default) to an article (in corpus order, repetition
  after repetition); each file ``NNNNNN.txt`` holds the Vietnamese lines, then the
  English lines (the seed layout without a summary);
* ``in.po`` for pofilter: one unit per pair (msgid = English, msgstr = Vietnamese), with a
  header entry and a unique ``msgctxt`` per unit (the repetitions would otherwise be
  duplicate msgids).

Then each of these is timed ``--runs`` times (3 by default) and the median is reported:

* ``factcheck``: ``FACTCHECK --threads 1 --isolated --format json ARTICLES > /dev/null``,
  the whole check, whole process.
* ``pofilter CLI``: ``pofilter --progress=none --language=vi --test=numbers -i in.po -o out.po``
  (translate-toolkit's numbers test only), whole process: start-up, PO parsing, the test,
  writing the failing units.
* ``pofilter numbers()``: in-process, ``StandardChecker(CheckerConfig(targetlanguage="vi"))
  .numbers(english, vietnamese)`` on every pair, catching ``FilterFailure``; only the loop
  is timed (no start-up, no PO parsing, no NFC normalisation, which the CLI adds).
* ``wc -w`` and ``wc -l`` over the article files: floors.  ``wc -w`` (run with
  ``LC_ALL=C.UTF-8``, so it decodes UTF-8) is about the least work that looks at every
  character; ``wc -l`` is a plain byte scan (memchr for newlines).

Columns
-------
``CPU s``     user+sys CPU seconds, median over the runs: for the subprocesses, the
              ``resource.getrusage(RUSAGE_CHILDREN)`` delta across the run; for the
              in-process loop, the ``time.process_time()`` delta.
``wall s``    elapsed seconds (``time.perf_counter()``), median over the runs.
``MB``        megabytes (10^6 bytes) processed; which bytes are counted is printed under
              the table: for factcheck and wc, the total size of the article files (UTF-8,
              newlines included); for pofilter, the UTF-8 size of the English + Vietnamese
              strings only (no PO syntax, no newlines).
``MB/s/core`` MB / CPU s (each measured program runs on one core).
``flagged``   pairs reported by pofilter's numbers test (for the CLI: units in out.po).

Ratios printed below the table: pofilter CPU / factcheck CPU (CLI and in-process), and
factcheck MB/s/core as a fraction of each floor's.

How to run
----------
From the repository root, after ``cargo build --release``::

    python3 -m pip install translate-toolkit==3.20.4     # once; tested with 3.20.4
    python3 benches/vs_pofilter.py                       # table
    python3 benches/vs_pofilter.py --json                # JSON object instead of the table
    python3 benches/vs_pofilter.py --factcheck PATH --shared DIR --repeat 6 --pairs 40 --runs 3

Only the Python standard library and translate-toolkit are used; nothing is installed or
written outside a temporary directory.  Progress goes to standard error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TESTED_TRANSLATE_TOOLKIT = "3.20.4"
CORPORA = ("ted-tst2012", "ted-tst2013", "bbc-mt")
PAIRS_PER_ARTICLE = 12  # the default of --pairs
# Characters that would split a line for a line-oriented reader; replaced by a space.
LINE_BREAKERS = dict.fromkeys(map(ord, "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")

REPO = Path(__file__).resolve().parent.parent


class BenchError(Exception):
    """A one-line error: printed, then exit 2."""


def die(msg: str) -> None:
    print(f"vs_pofilter: error: {msg}", file=sys.stderr)
    sys.exit(2)


def log(msg: str) -> None:
    print(f"[vs_pofilter] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# Inputs


def clean(line: str) -> str:
    return html.unescape(html.unescape(line)).translate(LINE_BREAKERS).strip()


def read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise BenchError(f"cannot read {path}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise BenchError(f"{path} is not UTF-8: {e}") from e
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def load_pairs(shared: Path) -> list[tuple[str, str]]:
    """(english, vietnamese) pairs of all corpora, in corpus order."""
    pairs: list[tuple[str, str]] = []
    for name in CORPORA:
        d = shared / "corpora" / name
        en, vi = read_lines(d / "en.txt"), read_lines(d / "vi.txt")
        if len(en) != len(vi):
            raise BenchError(f"{d}: en.txt has {len(en)} lines, vi.txt {len(vi)}: not line-aligned")
        for e, v in zip(en, vi):
            e, v = clean(e), clean(v)
            if e and v:
                pairs.append((e, v))
    if not pairs:
        raise BenchError(f"no sentence pairs under {shared / 'corpora'}")
    return pairs


def po_quote(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    out = out.replace("\r", "\\r").replace("\n", "\\n")
    return f'"{out}"'


def write_articles(pairs: list[tuple[str, str]], outdir: Path, per_article: int) -> tuple[int, int]:
    """Writes the article files; returns (number of files, total bytes)."""
    outdir.mkdir()
    total = 0
    n = 0
    for start in range(0, len(pairs), per_article):
        group = pairs[start : start + per_article]
        body = "".join(v + "\n" for _, v in group) + "".join(e + "\n" for e, _ in group)
        data = body.encode("utf-8")
        n += 1
        (outdir / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
    return n, total


def write_po(pairs: list[tuple[str, str]], path: Path) -> int:
    """Writes the PO file; returns the UTF-8 size of all source+target strings."""
    strings_bytes = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(
            'msgid ""\nmsgstr ""\n'
            '"Project-Id-Version: factcheck-bench\\n"\n'
            '"Language: vi\\n"\n'
            '"MIME-Version: 1.0\\n"\n'
            '"Content-Type: text/plain; charset=UTF-8\\n"\n'
            '"Content-Transfer-Encoding: 8bit\\n"\n'
            '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        )
        for i, (en, vi) in enumerate(pairs, 1):
            f.write(f'msgctxt "pair {i}"\nmsgid {po_quote(en)}\nmsgstr {po_quote(vi)}\n\n')
            strings_bytes += len(en.encode("utf-8")) + len(vi.encode("utf-8"))
    return strings_bytes


def count_po_units(path: Path) -> int:
    """Units in a PO file written by pofilter, header excluded."""
    n = 0
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("msgid "):
                    n += 1
    except OSError as e:
        raise BenchError(f"cannot read pofilter's output {path}: {e.strerror or e}") from e
    return max(n - 1, 0)


# ---------------------------------------------------------------------------------------
# Timing


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_child(
    argv: list[str], ok_codes: tuple[int, ...], cwd: Path | None = None, env: dict | None = None
) -> tuple[float, float]:
    """Runs one process with stdout to /dev/null; returns (CPU s, wall s)."""
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    try:
        p = subprocess.run(
            argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    except OSError as e:
        raise BenchError(f"cannot run {argv[0]}: {e.strerror or e}") from e
    wall = time.perf_counter() - t0
    cpu = children_cpu() - cpu0
    if p.returncode not in ok_codes:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = err[-1] if err else "(no message)"
        raise BenchError(f"{' '.join(argv[:2])}… exited {p.returncode}: {tail}")
    return cpu, wall


def time_numbers_loop(pairs: list[tuple[str, str]]) -> tuple[float, float, int]:
    """The in-process numbers test over all pairs; returns (CPU s, wall s, failures)."""
    from translate.filters import checks

    checker = checks.StandardChecker(checks.CheckerConfig(targetlanguage="vi"))
    numbers = checker.numbers
    failure = checks.FilterFailure
    failed = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for en, vi in pairs:
        try:
            numbers(en, vi)
        except failure:
            failed += 1
    wall = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return cpu, wall, failed


# ---------------------------------------------------------------------------------------
# Versions and tools


def factcheck_version(exe: Path) -> str:
    try:
        p = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise BenchError(f"cannot run {exe} --version: {e}") from e
    if p.returncode != 0:
        raise BenchError(f"{exe} --version exited {p.returncode}")
    return p.stdout.strip()


def pofilter_argv() -> list[str]:
    """The pofilter entry point of this interpreter's translate-toolkit.

    The console script installed next to this interpreter is preferred (a version-manager
    shim on PATH would add its own start-up to the measurement); failing that, the same
    main() through ``python -m``.
    """
    script = Path(sys.executable).parent / "pofilter"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "translate.filters.pofilter"]


# ---------------------------------------------------------------------------------------
# Report


def fmt(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:,.{digits}f}"


def render_table(res: dict) -> str:
    rows = res["measurements"]
    head = ["measurement", "CPU s", "wall s", "MB", "MB/s/core", "flagged"]
    body = [
        [
            r["name"], fmt(r["cpu_s"], 3), fmt(r["wall_s"], 3), fmt(r["mb"], 2),
            fmt(r["mb_per_cpu_s"], 2), "-" if r.get("flagged") is None else f"{r['flagged']:,}",
        ]
        for r in rows
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *body)]
    line = lambda cells: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
    )
    inp = res["input"]
    out = [
        f"factcheck vs pofilter's numbers test — {res['date_utc']}",
        f"machine: os.cpu_count()={res['cpu_count']}, {res['platform']}, Python {res['python']}",
        f"versions: {res['factcheck_version']} ({res['factcheck']}); "
        f"translate-toolkit {res['translate_toolkit_version']}",
        f"input: {inp['pairs']:,} pairs ({inp['distinct_pairs']:,} × {inp['repeat']} repetitions of "
        f"{', '.join(CORPORA)}), {inp['articles']:,} articles of {inp['pairs_per_article']} pairs; "
        f"median of {res['runs']} runs",
        "",
        line(head),
        line(["-" * w for w in widths]),
        *(line(b) for b in body),
        "",
        "MB = 10^6 bytes. factcheck, wc -w, wc -l: total size of the article files "
        f"({inp['article_bytes']:,} bytes: UTF-8 Vietnamese + English lines with their newlines).",
        "pofilter CLI and numbers(): UTF-8 size of the English + Vietnamese strings only "
        f"({inp['po_string_bytes']:,} bytes; in.po itself is {inp['po_file_bytes']:,} bytes with PO syntax).",
        "CPU s = user+sys of the child process (getrusage RUSAGE_CHILDREN delta), or "
        "time.process_time() of the in-process loop.",
        "",
        "ratios:",
    ]
    for k, v in res["ratios"].items():
        out.append(f"  {k:<44} {fmt(v, 3)}")
    out.append("")
    out.append("commands:")
    for k, v in res["commands"].items():
        out.append(f"  {k:<20} {v}")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(
        description="Time factcheck against translate-toolkit's pofilter numbers test on the same pairs.",
    )
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared",
                    help="directory holding corpora/ (default: ../shared beside the repository)")
    ap.add_argument("--factcheck", type=Path, default=REPO / "target" / "release" / "factcheck",
                    help="factcheck binary (default: target/release/factcheck)")
    ap.add_argument("--repeat", type=int, default=6, help="repetitions of the corpora pairs (default 6)")
    ap.add_argument("--pairs", type=int, default=PAIRS_PER_ARTICLE,
                    help=f"sentence pairs per article (default {PAIRS_PER_ARTICLE})")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement; the median is reported (default 3)")
    ap.add_argument("--json", action="store_true", help="print a JSON object instead of the table")
    args = ap.parse_args()

    if args.repeat < 1:
        die("--repeat must be at least 1")
    if args.pairs < 1:
        die("--pairs must be at least 1")
    if args.runs < 1:
        die("--runs must be at least 1")
    exe = args.factcheck.resolve() if args.factcheck.exists() else args.factcheck
    if not exe.is_file() or not os.access(exe, os.X_OK):
        die(f"no factcheck binary at {args.factcheck}: build it with `cargo build --release` "
            "(from the repository root) or pass --factcheck PATH")
    try:
        import translate.__version__ as tv
        from translate.filters import checks  # noqa: F401
    except ImportError:
        die("translate-toolkit is not installed: "
            f"python3 -m pip install translate-toolkit=={TESTED_TRANSLATE_TOOLKIT}")
    tt_version = tv.sver

    try:
        res = run(args, exe, tt_version)
    except BenchError as e:
        die(str(e))
    except KeyboardInterrupt:
        die("interrupted")
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        print(render_table(res))


def run(args: argparse.Namespace, exe: Path, tt_version: str) -> dict:
    fc_version = factcheck_version(exe)
    started = _dt.datetime.now(_dt.timezone.utc)
    if tt_version != TESTED_TRANSLATE_TOOLKIT:
        log(f"note: tested with translate-toolkit {TESTED_TRANSLATE_TOOLKIT}, found {tt_version}")

    base = load_pairs(args.shared)
    pairs = base * args.repeat
    log(f"{len(base):,} pairs × {args.repeat} = {len(pairs):,} pairs")

    with tempfile.TemporaryDirectory(prefix="vs_pofilter-") as tmp:
        tmp = Path(tmp)
        art_dir = tmp / "articles"
        n_articles, art_bytes = write_articles(pairs, art_dir, args.pairs)
        po_in, po_out = tmp / "in.po", tmp / "out.po"
        po_strings = write_po(pairs, po_in)
        po_file_bytes = po_in.stat().st_size
        names = sorted(p.name for p in art_dir.iterdir())
        log(f"{n_articles:,} articles, {art_bytes / 1e6:.2f} MB; in.po {po_file_bytes / 1e6:.2f} MB")

        wc_env = dict(os.environ, LC_ALL="C.UTF-8")
        fc_argv = [str(exe), "--threads", "1", "--isolated", "--format", "json", str(art_dir)]
        po_argv = [*pofilter_argv(), "--progress=none", "--language=vi", "--test=numbers",
                   "-i", str(po_in), "-o", str(po_out)]

        def measure(label: str, fn) -> tuple[float, float, object]:
            cpus, walls, extra = [], [], None
            for i in range(args.runs):
                cpu, wall, extra = fn()
                cpus.append(cpu)
                walls.append(wall)
                log(f"{label}: run {i + 1}/{args.runs}: {cpu:.3f} s CPU, {wall:.3f} s wall")
            return statistics.median(cpus), statistics.median(walls), extra

        def fc():
            # exit 1 = findings at or above --fail-on: a normal outcome here.
            return (*run_child(fc_argv, (0, 1)), None)

        def po_cli():
            if po_out.exists():
                po_out.unlink()
            cpu, wall = run_child(po_argv, (0,), cwd=tmp)
            return cpu, wall, count_po_units(po_out)

        def wc(flag):
            return lambda: (*run_child(["wc", flag, *names], (0,), cwd=art_dir, env=wc_env), None)

        fc_cpu, fc_wall, _ = measure("factcheck", fc)
        pc_cpu, pc_wall, pc_flagged = measure("pofilter CLI", po_cli)
        pn_cpu, pn_wall, pn_flagged = measure("pofilter numbers()", lambda: time_numbers_loop(pairs))
        ww_cpu, ww_wall, _ = measure("wc -w", wc("-w"))
        wl_cpu, wl_wall, _ = measure("wc -l", wc("-l"))

    art_mb, po_mb = art_bytes / 1e6, po_strings / 1e6

    def row(name, cpu, wall, mb, flagged=None):
        return {
            "name": name, "cpu_s": cpu, "wall_s": wall, "mb": mb,
            "mb_per_cpu_s": mb / cpu if cpu > 0 else None, "flagged": flagged,
        }

    rows = [
        row("factcheck (whole check)", fc_cpu, fc_wall, art_mb),
        row("pofilter CLI --test=numbers", pc_cpu, pc_wall, po_mb, pc_flagged),
        row("pofilter numbers() in-process", pn_cpu, pn_wall, po_mb, pn_flagged),
        row("floor: wc -w", ww_cpu, ww_wall, art_mb),
        row("floor: wc -l (byte scan)", wl_cpu, wl_wall, art_mb),
    ]
    speed = {r["name"]: r["mb_per_cpu_s"] for r in rows}
    fc_speed = speed["factcheck (whole check)"]

    def ratio(a, b):
        return a / b if a is not None and b else None

    ratios = {
        "pofilter CLI CPU / factcheck CPU": ratio(pc_cpu, fc_cpu),
        "pofilter numbers() CPU / factcheck CPU": ratio(pn_cpu, fc_cpu),
        "factcheck MB/s/core / wc -w MB/s/core": ratio(fc_speed, speed["floor: wc -w"]),
        "factcheck MB/s/core / wc -l MB/s/core": ratio(fc_speed, speed["floor: wc -l (byte scan)"]),
    }
    return {
        "date_utc": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cpu_count": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "factcheck": str(exe),
        "factcheck_version": fc_version,
        "translate_toolkit_version": tt_version,
        "runs": args.runs,
        "statistic": "median",
        "input": {
            "shared": str(args.shared),
            "corpora": list(CORPORA),
            "distinct_pairs": len(base),
            "repeat": args.repeat,
            "pairs": len(pairs),
            "articles": n_articles,
            "pairs_per_article": args.pairs,
            "article_bytes": art_bytes,
            "po_string_bytes": po_strings,
            "po_file_bytes": po_file_bytes,
        },
        "bytes_counted": {
            "factcheck, wc": "total size of the article files (UTF-8, newlines included)",
            "pofilter": "UTF-8 size of the English + Vietnamese strings (no PO syntax, no newlines)",
        },
        "commands": {
            "factcheck": " ".join(fc_argv[:-1]) + " ARTICLES > /dev/null",
            "pofilter CLI": " ".join(po_argv[:-4]) + " -i in.po -o out.po",
            "pofilter numbers()": 'StandardChecker(CheckerConfig(targetlanguage="vi")).numbers(en, vi) per pair',
            "wc -w": "LC_ALL=C.UTF-8 wc -w ARTICLES/*.txt",
            "wc -l": "LC_ALL=C.UTF-8 wc -l ARTICLES/*.txt",
        },
        "measurements": rows,
        "ratios": ratios,
    }


if __name__ == "__main__":
    main()
