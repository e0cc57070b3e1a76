from nastavnik.skills.models import Skill


def test_staff_find_skills_in_the_admin_by_russian_name(taxonomy_skills, client, staff_user):
    client.force_login(staff_user)

    response = client.get("/admin/skills/skill/", {"q": "Анализ данных"})

    assert response.status_code == 200
    assert "data-analysis" in response.content.decode()


def test_editing_a_skill_in_the_admin_updates_its_search_text(taxonomy_skills, client, staff_user):
    skill = Skill.objects.get(slug="sql")
    client.force_login(staff_user)

    response = client.post(
        f"/admin/skills/skill/{skill.pk}/change/",
        {
            "name_en": "SQL",
            "name_ru": "Язык запросов SQL",
            "slug": "sql",
            "category": "data",
            "synonyms": "[]",
            "related": "[]",
            "is_custom": "",
        },
    )

    assert response.status_code == 302
    skill.refresh_from_db()
    assert "|язык запросов sql|" in skill.search_text
