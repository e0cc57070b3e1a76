"""Functions that read accounts."""

import zoneinfo
from datetime import datetime

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User

# IANA areas people live in, in the order a select shows them; legacy aliases such as "US/Eastern"
# or "Etc/GMT+3" stay valid for the API but are not offered.
TIMEZONE_AREAS: dict[str, Promise] = {
    "Europe": _("Europe"),
    "Asia": _("Asia"),
    "America": _("America"),
    "Africa": _("Africa"),
    "Australia": _("Australia"),
    "Pacific": _("Pacific"),
    "Atlantic": _("Atlantic"),
    "Indian": _("Indian Ocean"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
}


def user_email_taken(*, email: str) -> bool:
    """Whether an account already uses this address, whatever its capitalisation."""
    return User.objects.filter(email__iexact=email.strip()).exists()


def _utc_offset(zone: str, now: datetime) -> str:
    offset = now.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def timezone_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """IANA time zones grouped by area for a select, each labelled with its city and current offset.

    The offset is today's (it moves with summer time), which is what a person choosing needs.
    """
    now = timezone.now()
    grouped: dict[str, list[tuple[str, str]]] = {area: [] for area in TIMEZONE_AREAS}
    for zone in zoneinfo.available_timezones():
        area, _slash, place = zone.partition("/")
        if area in grouped and place:
            label = f"{place.replace('_', ' ').replace('/', ' / ')} ({_utc_offset(zone, now)})"
            grouped[area].append((zone, label))
    choices: list[tuple[str, list[tuple[str, str]]]] = [
        (str(TIMEZONE_AREAS[area]), sorted(zones, key=lambda choice: choice[1]))
        for area, zones in grouped.items()
        if zones
    ]
    choices.append((str(_("Universal")), [("UTC", "UTC")]))
    return choices
