"""BENCHMARKS.md holds one section per benchmark; each script replaces only its own section."""

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"


def write_section(title: str, body: str, path: Path = RESULTS) -> None:
    """Replace (or append) the `## title` section of the results file with `body`.

    `body` starts with its own `## title` line."""
    heading = f"## {title}"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    section = body.strip("\n") + "\n\n"
    if pattern.search(current):
        current = pattern.sub(lambda _match: section, current)
    else:
        current = current.rstrip("\n") + "\n\n" + section
    path.write_text(current.rstrip("\n") + "\n", encoding="utf-8")
    print(f"{title}: written to {path.name}")
