from django.core.management.base import BaseCommand

from nastavnik.relationships.services import requests_expire


class Command(BaseCommand):
    help = "Remind mentors of requests that expire within a day and expire overdue requests."

    def handle(self, *args, **options) -> None:
        reminded, expired = requests_expire()
        self.stdout.write(f"Reminded {reminded}, expired {expired} request(s).")
