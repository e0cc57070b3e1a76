URL = "/skills/autocomplete/"


def test_htmx_autocomplete_returns_only_the_suggestions_partial(taxonomy_skills, client):
    response = client.get(
        URL, {"q": "анализ данных", "field": "skills_wanted"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'name="skills_wanted"' in html
    assert "Анализ данных" in html


def test_autocomplete_suggests_the_same_skill_for_an_english_query(taxonomy_skills, client):
    response = client.get(
        URL, {"q": "data analysis"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert 'value="Data analysis"' in html
    assert "Add “data analysis” as a new skill" not in html


def test_autocomplete_offers_to_add_a_skill_the_taxonomy_lacks(taxonomy_skills, client):
    response = client.get(
        URL, {"q": "Beekeeping"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert 'name="skills" value="Beekeeping"' in html
    assert "as a new skill" in html


def test_autocomplete_ignores_an_unknown_field_name(taxonomy_skills, client):
    response = client.get(URL, {"q": "sql", "field": "password"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert 'name="password"' not in html
    assert 'name="skills"' in html


def test_autocomplete_without_htmx_is_a_whole_page(taxonomy_skills, client):
    response = client.get(URL, {"q": "sql"})

    assert response.status_code == 200
    assert "<html" in response.content.decode()
