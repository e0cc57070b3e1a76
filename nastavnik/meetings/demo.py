"""Demo meetings and office hours, through the services: a weekly series for every active demo
pair, and a few weeks of office hours for the demo mentor. Idempotent: nothing when meetings exist."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from nastavnik.accounts.models import User
from nastavnik.meetings.models import Meeting, Recurrence
from nastavnik.meetings.office_hours import slot_publish_weekly
from nastavnik.meetings.services import agenda_template, meeting_schedule
from nastavnik.relationships.models import Relationship

PLACES = ["https://meet.jit.si/nastavnik-demo", "Zoom", "Кофейня у метро «Маяковская»"]
RECURRENCES = [Recurrence.WEEKLY, Recurrence.BIWEEKLY, Recurrence.MONTHLY]


@transaction.atomic
def meetings_demo_create(*, seed: int = 2025, office_hours_mentor: User | None = None) -> int:
    """Schedule demo meetings for active relationships; returns how many were created."""
    if Meeting.objects.exists():
        return 0
    rng = random.Random(seed)
    created = 0
    today = timezone.localdate()
    for relationship in Relationship.objects.active().select_related("mentor", "mentee"):
        day = today + datetime.timedelta(days=rng.randint(1, 6))
        start = datetime.datetime.combine(day, datetime.time(rng.choice([9, 12, 18, 19]), 0))
        zone = timezone.get_default_timezone()
        meeting_schedule(
            relationship=relationship,
            by=relationship.mentor,
            start=start.replace(tzinfo=zone),
            duration_minutes=rng.choice([45, 60]),
            recurrence=rng.choice(RECURRENCES),
            title="Встреча наставника и менти",
            agenda=agenda_template(),
            location=rng.choice(PLACES),
        )
        created += 1
    if office_hours_mentor is not None:
        slot_publish_weekly(
            mentor=office_hours_mentor,
            weekday=2,
            start=datetime.time(18, 0),
            duration_minutes=30,
            count=2,
            weeks=4,
        )
    return created
