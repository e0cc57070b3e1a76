from django.core.management.base import BaseCommand

from nastavnik.meetings.reminders import reminders_plan


class Command(BaseCommand):
    help = (
        "Plan meeting reminders and nudges to pairs that have not met (idempotent: run it as "
        "often as you like, e.g. every 5 minutes); the task worker sends them."
    )

    def handle(self, *args, **options) -> None:
        reminders, nudges, retried = reminders_plan()
        self.stdout.write(
            f"Planned {reminders} reminder(s) and {nudges} nudge(s); retried {retried}."
        )
