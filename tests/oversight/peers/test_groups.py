"""The comparison group: banding from the configuration file, the default group, the user's
changes (size, share, scope, hand-picked) and the group in words."""

from decimal import Decimal

import pytest
from django.utils import translation

from kotoplan.core.clock import today
from kotoplan.oversight.peers.selectors import (
    ANY,
    SCOPE_AREA,
    SCOPE_COUNTY,
    GroupChoice,
    band_of,
    peer_bands,
    peer_group,
    share_label,
    size_label,
)
from kotoplan.oversight.peers.selectors import groups as groups_module


def _names(group) -> list[str]:
    return [m.name_fi for m in group.peers]


def test_bands__read_from_the_data_file_lower_bound_included():
    bands = peer_bands()
    assert band_of(bands.size, 19999).key == "10000-20000"
    assert band_of(bands.size, 20000).key == "20000-50000"
    assert band_of(bands.size, 250000).key == "100000-"  # the last class has no upper limit
    assert band_of(bands.share, Decimal("4.9")).key == "2-5"
    assert band_of(bands.share, Decimal("5.0")).key == "5-10"
    assert band_of(bands.size, None) is None


def test_bands__another_file_changes_the_classes_without_code(tmp_path, settings):
    path = tmp_path / "groups.toml"
    path.write_text(
        '[[size]]\nkey = "small"\nfrom = 0\nto = 40000\n[[size]]\nkey = "big"\nfrom = 40000\n'
        '[[share]]\nkey = "all"\nfrom = 0\n',
        encoding="utf-8",
    )
    settings.KOTOPLAN_PEER_GROUPS = str(path)
    bands = peer_bands()
    assert [b.key for b in bands.size] == ["small", "big"]
    assert band_of(bands.size, 45000).key == "big"
    groups_module._load.cache_clear()


@pytest.mark.parametrize(
    ("language", "size", "share"),
    [
        ("fi", "20\xa0000–50\xa0000 inhabitants", "5–10\xa0%"),
        ("en", "20,000–50,000 inhabitants", "5–10%"),
    ],
)
def test_band_labels__numbers_written_for_people(language, size, share):
    bands = peer_bands()
    with translation.override(language):
        assert (
            size_label(bands.size[4])
            .replace("asukasta", "inhabitants")
            .startswith(size.split(" ")[0])
        )
        assert share_label(bands.share[2]).endswith(share)


def test_default_group__same_size_class_and_share_band_in_the_whole_country(world, municipality_a):
    group = peer_group(subject=municipality_a, choice=GroupChoice(), on=today())
    assert _names(group) == ["Jyväskylä", "Kauniainen"]  # Vantaa too big, Porvoo share too high
    assert group.size.key == "20000-50000"
    assert group.share.key == "5-10"
    assert group.description == (
        "2 municipalities with 20,000–50,000 inhabitants (2022) and a foreign-language share "
        "of 5–10% (2025) in the whole country"
    )


def test_group__changed_by_the_user(world, municipality_a):
    def names(**choice):
        return _names(peer_group(subject=municipality_a, choice=GroupChoice(**choice), on=today()))

    assert names(scope=SCOPE_AREA) == ["Kauniainen"]  # Jyväskylä is in another area
    assert names(scope=SCOPE_COUNTY) == ["Kauniainen"]
    assert names(size=ANY) == ["Jyväskylä", "Kauniainen", "Vantaa"]
    assert names(share=ANY) == ["Jyväskylä", "Kauniainen", "Porvoo"]
    assert names(size=ANY, share=ANY) == ["Jyväskylä", "Kauniainen", "Porvoo", "Vantaa"]
    assert names(size="50000-100000") == ["Vantaa"]
    assert names(size="no-such-class") == ["Jyväskylä", "Kauniainen"]  # falls back to its own
    picked = (world["porvoo"].pk, municipality_a.pk)
    group = peer_group(subject=municipality_a, choice=GroupChoice(picked=picked), on=today())
    assert _names(group) == ["Porvoo"]  # never the subject itself
    assert group.description == "1 hand-picked municipality"


def test_group__described_with_the_area_and_without_criteria(world, municipality_a):
    group = peer_group(
        subject=municipality_a,
        choice=GroupChoice(size=ANY, share=ANY, scope=SCOPE_AREA),
        on=today(),
    )
    assert group.description == (
        "3 municipalities of any size and foreign-language share in Uusimaa Economic "
        "Development Centre"
    )


def test_group__aland_and_municipalities_without_statistics_stay_out(
    world, municipality_a, aland_municipality
):
    from tests.oversight.peers.conftest import profile

    profile(aland_municipality, 30000, "7.0")
    group = peer_group(subject=municipality_a, choice=GroupChoice(), on=today())
    assert "Maarianhamina" not in _names(group)
