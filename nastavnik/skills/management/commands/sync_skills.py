from django.core.management.base import BaseCommand

from nastavnik.skills.selectors import taxonomy_get
from nastavnik.skills.services import skills_sync


class Command(BaseCommand):
    help = "Loads the shipped bilingual skills taxonomy into the database (safe to repeat)."

    def handle(self, *args: object, **options: object) -> None:
        taxonomy = taxonomy_get()
        result = skills_sync(entries=taxonomy.skills)
        self.stdout.write(
            f"Skills from {taxonomy.path}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
