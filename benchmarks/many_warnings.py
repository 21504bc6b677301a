"""What ``masterplan validate`` prints, and what it takes, for plans whose files hold thousands of one warning.

The sample plan with fifty agencies that support nothing, and files of programs naming all fifty as partners (W406
each time): "fuzz", the fuzzer's one file of 2,600 programs (refused by E107 since, but its warnings still told);
"within", sixty files of 40 such programs, every limit kept (2,000 partnerships a file); and "half", the sample with
Diskominfotik's supports deleted, a plan half synchronised. Each is validated as text and as JSON; printed: lines,
megabytes, seconds and peak memory. Usage::

    python benchmarks/many_warnings.py [--work FOLDER]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import PYTHON, measure  # a sibling module, not a package

from masterplan.project import scaffold

PARTNERS = [f"opd{number:02d}" for number in range(50)]
#: the plans: (files, programs in each); None: the sample, half synchronised
PLANS = {"fuzz": (1, 2_600), "within": (60, 40), "half": None}


def hostile(root: Path, files: int, programs: int) -> Path:
    """The sample with ``files`` agency files of ``programs`` programs naming fifty agencies that do not list them."""
    scaffold(root)
    agencies = root / "content" / "agencies"
    for number, agency in enumerate(PARTNERS):
        (agencies / f"{agency}.yml").write_text(f"id: {agency}\nname: Dinas Urusan Nomor {number}\n"
                                                f"short_name: Opd{number}\nkind: dinas\n", encoding="utf-8")
    count = 0
    for file in range(files):
        lines = [f"id: besar{file}", f"name: Badan Besar {file}", f"short_name: Besar{file}", "kind: badan", "programs:"]
        for _ in range(programs):
            lines.append(f"  - {{id: ECO-{1000 + count}, name: Program Bersama {count}, pillar: economy, "
                         "sub_element: transaksi_keuangan, period: {start: 2026, end: 2026}, missions: [m2], "
                         f"partners: [{', '.join(PARTNERS)}]}}")
            count += 1
        (agencies / f"besar{file}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def half(root: Path) -> Path:
    """The sample with Diskominfotik's ``supports`` emptied: its partners' programs each name it one-sidedly."""
    scaffold(root)
    agency = root / "content" / "agencies" / "diskominfotik.yml"
    agency.write_text(re.sub(r"supports:\n(  - .*\n)+", "supports: []\n", agency.read_text(encoding="utf-8")),
                      encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="validate on plans of thousands of one warning")
    parser.add_argument("--work", type=Path, default=None, help="folder for the generated plans (default: a temp dir)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="many-warnings-"))
    print("| plan | output | lines | MB printed | seconds | peak MB |\n|---|---|---|---|---|---|")
    for name, size in PLANS.items():
        root = hostile(work / name, *size) if size else half(work / name)
        for output in ("text", "json"):
            run = measure([*PYTHON, "validate", str(root), "--format", output], exit_codes=(0, 1))
            print(f"| {name} | {output} | {run.output.count(chr(10)):,} | {len(run.output.encode()) / 1e6:.1f} | "
                  f"{run.seconds:.1f} | {run.peak_mb:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
