import factory

from nastavnik.skills.models import Skill
from nastavnik.skills.selectors import taxonomy_get
from nastavnik.skills.services import SyncResult, skills_sync
from nastavnik.skills.wordforms import search_text


class CustomSkillFactory(factory.django.DjangoModelFactory):
    """A skill a user added (not in the shipped taxonomy)."""

    class Meta:
        model = Skill

    slug = factory.Sequence(lambda n: f"custom-skill-{n}")
    name_en = factory.Sequence(lambda n: f"Custom skill {n}")
    name_ru = factory.SelfAttribute("name_en")
    is_custom = True
    search_text = factory.LazyAttribute(lambda skill: search_text([skill.name_en, skill.name_ru]))


def sync_taxonomy() -> SyncResult:
    """Loads the real shipped taxonomy into the test database."""
    return skills_sync(entries=taxonomy_get().skills)
