import pytest
from django.core.exceptions import ValidationError

from nastavnik.skills.models import Skill
from nastavnik.skills.selectors import taxonomy_get
from nastavnik.skills.services import skill_resolve_or_create, skills_resolve, skills_sync
from nastavnik.skills.tests.factories import CustomSkillFactory, sync_taxonomy


@pytest.mark.django_db
def test_sync_loads_every_taxonomy_skill_with_both_names():
    result = sync_taxonomy()

    taxonomy = taxonomy_get()
    assert result.created == len(taxonomy.skills) >= 300
    skill = Skill.objects.get(slug="data-analysis")
    assert (skill.name_en, skill.name_ru, skill.category) == (
        "Data analysis",
        "Анализ данных",
        "data",
    )
    assert not skill.is_custom
    assert "|анализ данных|" in skill.search_text
    assert "|data analytics|" in skill.search_text


@pytest.mark.django_db
def test_sync_twice_changes_nothing_the_second_time():
    sync_taxonomy()
    before = dict(Skill.objects.values_list("slug", "updated_at"))

    second = sync_taxonomy()

    assert (second.created, second.updated) == (0, 0)
    assert second.unchanged == len(before)
    assert dict(Skill.objects.values_list("slug", "updated_at")) == before


@pytest.mark.django_db
def test_sync_keeps_user_added_skills_and_repairs_edited_taxonomy_names():
    custom = CustomSkillFactory(name_en="Beekeeping")
    sync_taxonomy()
    Skill.objects.filter(slug="data-analysis").update(name_en="Something else")

    result = sync_taxonomy()

    assert result.updated == 1
    assert Skill.objects.get(slug="data-analysis").name_en == "Data analysis"
    assert Skill.objects.filter(pk=custom.pk, is_custom=True).exists()


@pytest.mark.django_db
def test_sync_with_no_entries_deletes_nothing():
    sync_taxonomy()
    count = Skill.objects.count()

    skills_sync(entries=[])

    assert Skill.objects.count() == count


@pytest.mark.parametrize(
    "name",
    [
        "Data analysis",
        "анализ данных",
        "Анализ Данных",
        "аналитика",
        "анализа данных",
        "DATA ANALYTICS",
    ],
)
def test_names_in_either_language_resolve_to_the_same_taxonomy_skill(
    taxonomy_skills, outsider, name
):
    skill = skill_resolve_or_create(name=name, user=outsider)

    assert skill.slug == "data-analysis"
    assert Skill.objects.filter(is_custom=True).count() == 0


def test_resolving_a_taxonomy_name_works_before_sync_skills_ran(db, outsider):
    skill = skill_resolve_or_create(name="анализ данных", user=outsider)

    assert (skill.slug, skill.name_en, skill.is_custom) == ("data-analysis", "Data analysis", False)


def test_an_unknown_name_becomes_a_custom_skill_of_the_user(taxonomy_skills, outsider):
    skill = skill_resolve_or_create(name="  Разведение  пчёл ", user=outsider)

    assert skill.is_custom
    assert skill.name_en == skill.name_ru == "Разведение пчёл"
    assert skill.created_by == outsider
    assert skill.slug.startswith("custom-")


def test_the_same_custom_name_is_reused_whatever_its_case_or_yo(taxonomy_skills, outsider, mentor):
    first = skill_resolve_or_create(name="Разведение пчёл", user=outsider)

    again = skill_resolve_or_create(name="разведение пчел", user=mentor)

    assert again == first
    assert Skill.objects.filter(is_custom=True).count() == 1


@pytest.mark.parametrize("name", ["", "   ", "x" * 121])
def test_blank_or_too_long_names_are_rejected(taxonomy_skills, outsider, name):
    with pytest.raises(ValidationError):
        skill_resolve_or_create(name=name, user=outsider)

    assert not Skill.objects.filter(is_custom=True).exists()


def test_resolving_a_list_drops_duplicates_in_either_language(taxonomy_skills, outsider):
    skills = skills_resolve(names=["SQL", "Анализ данных", "data analysis", "sql"], user=outsider)

    assert [skill.slug for skill in skills] == ["sql", "data-analysis"]
