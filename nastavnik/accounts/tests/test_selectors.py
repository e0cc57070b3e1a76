import zoneinfo

from django.utils import translation

from nastavnik.accounts.selectors import timezone_choices, user_email_taken


def test_time_zone_choices_are_grouped_by_area_with_offsets():
    with translation.override("en"):
        groups = dict(timezone_choices())

    assert list(groups)[:3] == ["Europe", "Asia", "America"]
    assert ("Europe/Moscow", "Moscow (UTC+03:00)") in groups["Europe"]
    assert ("America/Argentina/Buenos_Aires", "Argentina / Buenos Aires (UTC-03:00)") in groups[
        "America"
    ]


def test_time_zone_choices_offer_only_real_iana_zones_and_no_legacy_aliases():
    zones = [zone for _area, choices in timezone_choices() for zone, _label in choices]

    assert set(zones) <= zoneinfo.available_timezones()
    assert "US/Eastern" not in zones
    assert "Etc/GMT+3" not in zones
    assert len(zones) > 300


def test_email_is_taken_whatever_its_capitals(outsider):
    assert user_email_taken(email=" OutSider@example.org")
    assert not user_email_taken(email="insider@example.org")
