"""Counts the security and robustness tests report (URLs × roles, payloads tried and executed,
conflicting saves and lost updates), printed in the summary at the end of the run."""

import pytest

_lines: list[str] = []


def add(name: str, text: str) -> None:
    _lines.append(f"{name}: {text}")


@pytest.fixture
def report_count():
    """`report_count("XSS", "41 payloads, 456 fields tried, 0 executed")`."""
    return add


def pytest_terminal_summary(terminalreporter):
    if _lines:
        terminalreporter.section("Kotoplan counts")
        for line in _lines:
            terminalreporter.write_line(line)
