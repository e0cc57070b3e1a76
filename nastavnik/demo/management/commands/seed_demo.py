import random
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nastavnik.demo.people import demo_accounts_ensure, demo_data_load, demo_featured_pair
from nastavnik.goals.demo import relationship_demo_fill
from nastavnik.meetings.demo import meetings_demo_create
from nastavnik.relationships.demo import mentorships_demo_create
from nastavnik.skills.models import Skill


class Command(BaseCommand):
    help = (
        "Loads bilingual demo mentors and mentees plus demo accounts with known passwords. "
        "Idempotent: people that already exist (by demo email) are left untouched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mentors", type=int, default=320, help="Demo mentors (default 320).")
        parser.add_argument(
            "--mentees", type=int, default=1050, help="Demo mentees (default 1050)."
        )
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (the demo accounts have published passwords).",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates accounts whose passwords are published; "
                "run it with DEBUG=1 (as `make run` does) or pass --force."
            )
        if options["mentors"] < 0 or options["mentees"] < 0:
            raise CommandError("--mentors and --mentees cannot be negative.")
        started = time.monotonic()
        if not Skill.objects.exists():
            self.stdout.write("The skills table is empty: loading the taxonomy first.")
            call_command("sync_skills", stdout=self.stdout)
        result = demo_data_load(
            mentors=options["mentors"], mentees=options["mentees"], seed=options["seed"]
        )
        accounts = demo_accounts_ensure()
        rng = random.Random(options["seed"])
        mentorships = mentorships_demo_create(
            seed=options["seed"],
            featured_pair=demo_featured_pair(),
            on_started=lambda relationship: relationship_demo_fill(
                relationship=relationship, rng=rng
            ),
        )
        self.stdout.write(
            f"Demo data: {result.mentors_created} mentor profiles, "
            f"{result.mentees_created} mentee profiles and {result.windows_created} availability "
            f"windows created in {time.monotonic() - started:.1f} s"
            + ("" if result.mentors_created or result.mentees_created else " (already loaded)")
            + "."
        )
        featured = demo_featured_pair()
        meetings = meetings_demo_create(
            seed=options["seed"], office_hours_mentor=featured[0] if featured else None
        )
        if meetings:
            self.stdout.write(
                f"Demo meetings: {meetings} recurring meetings and office hours of the demo mentor."
            )
        if mentorships.relationships:
            self.stdout.write(
                f"Demo mentorships: {mentorships.relationships} relationships in every stage "
                f"(with goals, milestones, check-ins and messages) and {mentorships.requests} requests."
            )
        for line in accounts:
            self.stdout.write(line)
        if not accounts:
            self.stdout.write("Demo accounts already exist (see docs/directory.md).")
