"""Dates and times as people in Finland write them, in each interface language."""

from datetime import date, datetime

import pytest
from django import forms
from django.utils import formats, translation


@pytest.mark.parametrize(
    ("language", "short_date", "time", "long_date"),
    [
        ("fi", "30.11.2026", "16.00", "30. marraskuuta 2026"),
        ("sv", "30.11.2026", "16.00", "30 november 2026"),
        ("en", "30 Nov 2026", "16:00", "30 November 2026"),
    ],
)
def test_dates_and_times__finnish_conventions_in_every_language(
    language, short_date, time, long_date
):
    moment = datetime(2026, 11, 30, 16, 0)
    with translation.override(language):
        assert formats.date_format(date(2026, 11, 30), "SHORT_DATE_FORMAT") == short_date
        assert formats.time_format(moment.time(), "TIME_FORMAT") == time
        assert formats.date_format(date(2026, 11, 30), "DATE_FORMAT") == long_date
        assert "p.m." not in formats.date_format(moment, "SHORT_DATETIME_FORMAT")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_date_input__finnish_style_accepted_in_every_language(language):
    with translation.override(language):
        field = forms.DateField()
        assert field.clean("30.11.2026") == date(2026, 11, 30)
        assert field.clean("2026-11-30") == date(2026, 11, 30)
