from nastavnik.skills.selectors import skill_find_by_name, skills_search
from nastavnik.skills.tests.factories import CustomSkillFactory


def test_russian_and_english_queries_find_the_same_skill_first(taxonomy_skills):
    russian = list(skills_search(query="анализ данных")[:3])
    english = list(skills_search(query="data analysis")[:3])

    assert russian[0].slug == english[0].slug == "data-analysis"


def test_a_synonym_or_another_word_form_finds_the_skill(taxonomy_skills):
    assert "data-analysis" in {s.slug for s in skills_search(query="аналитика данных")}
    assert "data-analysis" in {s.slug for s in skills_search(query="анализа данных")}
    assert "data-analysis" in {s.slug for s in skills_search(query="Data Analytics")}


def test_a_prefix_finds_skills_starting_with_it(taxonomy_skills):
    slugs = [s.slug for s in skills_search(query="анал")[:20]]

    assert "data-analysis" in slugs


def test_nonsense_finds_nothing(taxonomy_skills):
    assert not skills_search(query="qqqzzzxxx").exists()


def test_custom_skills_are_found_after_taxonomy_ones(taxonomy_skills):
    custom = CustomSkillFactory(name_en="SQL tuning for fun")

    found = list(skills_search(query="sql"))

    assert found[0].slug == "sql"
    assert custom in found
    assert found.index(custom) > 0


def test_find_by_name_ignores_case_and_yo(db):
    custom = CustomSkillFactory(name_en="Ёлочные игрушки")

    assert skill_find_by_name(name="елочные ИГРУШКИ") == custom
    assert skill_find_by_name(name="елочные") is None


def test_a_custom_skill_with_the_exact_query_does_not_push_taxonomy_skills_aside(taxonomy_skills):
    CustomSkillFactory(name_en="анализ")

    found = list(skills_search(query="анализ")[:5])

    assert not found[0].is_custom
    assert "data-analysis" in {skill.slug for skill in found}
