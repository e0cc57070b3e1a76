import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from nastavnik.core.periodic import jobs_from_settings


class Command(BaseCommand):
    help = (
        "Runs the periodic jobs (PERIODIC_JOBS: request expiry, meeting reminders, message digests) "
        "whenever they are due, for installs without cron. `make run` starts it beside the worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run every job once now and exit (e.g. from cron)."
        )
        parser.add_argument(
            "--interval", type=int, default=30, help="Seconds between checks (default 30)."
        )

    def handle(self, *args: object, **options: object) -> None:
        jobs = jobs_from_settings(settings.PERIODIC_JOBS)
        if options["once"]:
            for job in jobs:
                call_command(job.command, stdout=self.stdout)
            return
        last_runs: dict[str, object] = {}
        while True:
            now = timezone.localtime()
            for job in jobs:
                if job.is_due(now=now, last_run=last_runs.get(job.command)):
                    call_command(job.command, stdout=self.stdout)
                    last_runs[job.command] = now
            time.sleep(options["interval"])
