"""Dated geography: which area a municipality belongs to on a given day."""

from datetime import date

import pytest

from kotoplan.geography.models import Area, Municipality
from kotoplan.geography.selectors import area_of, authority_area_of, municipalities_in_area
from kotoplan.geography.services import reference_data_load


@pytest.mark.parametrize(
    ("day", "name_fi", "kind"),
    [
        (date(2025, 6, 1), "Uudenmaan ELY-keskus", Area.Kind.ELY_CENTRE),
        (date(2025, 12, 31), "Uudenmaan ELY-keskus", Area.Kind.ELY_CENTRE),
        (date(2026, 1, 1), "Uudenmaan elinvoimakeskus", Area.Kind.VITALITY_CENTRE),
        (date(2026, 6, 1), "Uudenmaan elinvoimakeskus", Area.Kind.VITALITY_CENTRE),
    ],
)
def test_authority_area_of_follows_the_reform__committed_files(db, day, name_fi, kind):
    """Helsinki is supervised by the ELY centre until 2025 and by the EVK from 2026."""
    reference_data_load()
    helsinki = Municipality.objects.get(code="091")

    area = authority_area_of(municipality=helsinki, on=day)

    assert (area.name_fi, area.kind) == (name_fi, kind)


def test_authority_area_of_uses_today__no_day_given(
    municipality_a, ely_centre, vitality_centre, clock
):
    """Without a day the selector answers for today as the application's clock sees it."""
    assert authority_area_of(municipality=municipality_a) == vitality_centre

    clock.day = date(2025, 6, 1)

    assert authority_area_of(municipality=municipality_a) == ely_centre


def test_area_of_finds_wellbeing_county__membership_valid(municipality_a, wellbeing_county):
    """The wellbeing services county of a municipality is found by kind."""
    found = area_of(municipality=municipality_a, kind=Area.Kind.WELLBEING_COUNTY)

    assert found == wellbeing_county


def test_area_of_finds_nothing__before_the_area_existed(municipality_a, vitality_centre):
    """The EVK does not cover anybody before 2026-01-01."""
    found = area_of(
        municipality=municipality_a, kind=Area.Kind.VITALITY_CENTRE, on=date(2025, 12, 31)
    )

    assert found is None


def test_municipalities_in_area_leaves_out_aland__outside_act_scope(
    municipality_a, aland_municipality, vitality_centre
):
    """An area lists only its municipalities under the Integration Act."""
    assert list(municipalities_in_area(area=vitality_centre, on=date(2026, 6, 1))) == [
        municipality_a
    ]
    assert list(municipalities_in_area(area=vitality_centre, on=date(2025, 6, 1))) == []
