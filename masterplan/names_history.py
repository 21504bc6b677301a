"""The names each agency and program had in the builds before the last one (``build/.names.json``).

W419 tells a text still naming an agency by the name it had before (Disperindag, now Diskopumdag). The old name came
from the last build's open data, or the published version a revision started from; a draft build under the same
version replaced that open data, and the old name was forgotten after one build (the preview builds on every save).
Each build now keeps, beside its output, every name the build before it had for each id, added to those kept
before: a name an agency carried once is known for as long as ``build/`` is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from masterplan import plan_json, published_plan

FILE = ".names.json"  #: in the output folder, kept through the staging folder as the baseline is
KINDS = ("agencies", "programs")


def names_in(document: dict[str, Any], kind: str) -> dict[str, list[str]]:
    """id → the short name (an agency's) and the names, in every language, of each of a plan.json's ``kind``."""
    items = document.get(kind)
    found: dict[str, list[str]] = {}
    for item in items if isinstance(items, list) else []:  # a damaged file gives no hint, not a crash
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            name = item.get("name")
            names = [item.get("short_name"), *(name.values() if isinstance(name, dict) else [name])]
            found[item["id"]] = [text.strip() for text in names if isinstance(text, str) and text.strip()]
    return found


def kept(build_dir: Path) -> dict[str, dict[str, list[str]]]:
    """kind → id → every name kept for it; empty without a file, or with a damaged one."""
    try:
        data = json.loads((build_dir / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {kind: {str(id_): [str(n) for n in names if isinstance(n, str)] for id_, names in data[kind].items()
                   if isinstance(names, list)}
            for kind in KINDS if isinstance(data, dict) and isinstance(data.get(kind), dict)}


def keep(build_dir: Path, staging: Path) -> None:
    """Write into ``staging`` the names kept so far and those of the last build's open data, for the next build."""
    history = kept(build_dir)
    try:
        with open(build_dir / published_plan.LAST, encoding="utf-8") as handle:
            last = dict(plan_json.checked(json.load(handle)))
    except (OSError, ValueError):
        last = {}
    for kind in KINDS:
        for id_, names in names_in(last, kind).items():
            history.setdefault(kind, {})[id_] = list(dict.fromkeys([*history.get(kind, {}).get(id_, []), *names]))
    if history:
        (staging / FILE).write_text(json.dumps(history, ensure_ascii=False), encoding="utf-8")
