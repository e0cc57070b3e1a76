import json
import re

import pytest

from matchmaker.taxonomy import CATEGORIES, load_taxonomy
from matchmaker.text import normalise


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


def test_taxonomy_has_at_least_300_skills_with_unique_well_formed_slugs(taxonomy):
    slugs = [skill.slug for skill in taxonomy.skills]
    assert len(slugs) >= 300
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)


def test_every_category_is_present_and_no_other(taxonomy):
    assert {skill.category for skill in taxonomy.skills} == set(CATEGORIES)


def test_related_slugs_exist_and_are_not_the_skill_itself(taxonomy):
    for skill in taxonomy.skills:
        for related in skill.related:
            assert related in taxonomy.by_slug, (skill.slug, related)
            assert related != skill.slug


def test_every_skill_has_names_in_both_languages(taxonomy):
    for skill in taxonomy.skills:
        assert skill.en.strip(), skill.slug
        assert skill.ru.strip(), skill.slug


def test_no_name_or_synonym_belongs_to_two_skills(taxonomy):
    owners: dict[str, str] = {}
    for skill in taxonomy.skills:
        for name in skill.all_names():
            key = normalise(name)
            assert owners.setdefault(key, skill.slug) == skill.slug, (name, owners[key], skill.slug)


def test_every_name_and_synonym_resolves_to_its_own_skill(taxonomy):
    for skill in taxonomy.skills:
        for name in skill.all_names():
            assert taxonomy.resolve(name) == skill, name


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("анализа данных", "data-analysis"),
        ("Аналитикой данных", "data-analysis"),
        ("DATA ANALYTICS", "data-analysis"),
        ("data-analysis", "data-analysis"),
        ("машинного обучения", "machine-learning"),
        ("питоне", "python"),
        ("переговоров о зарплате", "salary-negotiation"),
        ("negotiating salary", "salary-negotiation"),
        ("подготовке к собеседованию", "interview-preparation"),
        ("job interviews", "interview-preparation"),
        ("смене профессии", "career-change"),
        ("career switch", "career-change"),
        ("публичных выступлений", "public-speaking"),
        ("управлению проектами", "project-management"),
        ("UX-дизайна", "ux-design"),
        ("вёрстка", "html-css"),
        ("верстка", "html-css"),
        ("c++", "cpp"),
        ("C#", "csharp"),
        ("CI/CD", "ci-cd"),
        ("  Portfolio  ", "portfolio"),
    ],
)
def test_resolve_understands_word_forms_and_synonyms_in_both_languages(taxonomy, name, slug):
    assert taxonomy.resolve(name).slug == slug


@pytest.mark.parametrize("name", ["", "   ", "basket weaving", "вышивание крестиком"])
def test_resolve_returns_none_for_unknown_names(taxonomy, name):
    assert taxonomy.resolve(name) is None


def test_taxonomy_path_points_to_the_json_file_the_web_app_reads(taxonomy):
    document = json.loads(taxonomy.path.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert [raw["slug"] for raw in document["skills"]] == [s.slug for s in taxonomy.skills]


def test_load_taxonomy_is_cached(taxonomy):
    assert load_taxonomy() is taxonomy
