from django.core.management.base import BaseCommand

from nastavnik.messaging.services import message_digests_send


class Command(BaseCommand):
    help = "Email each daily-digest reader their unread messages (safe to run more than once)."

    def handle(self, *args, **options) -> None:
        sent = message_digests_send()
        self.stdout.write(f"Sent {sent} message digest(s).")
