URL = "/skills/autocomplete/"


def test_htmx_autocomplete_returns_only_the_suggestions_partial(taxonomy_skills, client):
    response = client.get(
        URL,
        {"q": "анализ данных", "field": "skills_wanted", "picker": "id_skills_wanted"},
        HTTP_HX_REQUEST="true",
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'name="add" value="Анализ данных"' in html
    assert "field=skills_wanted&amp;picker=id_skills_wanted" in html
    assert 'hx-target="#id_skills_wanted-chosen"' in html


def test_autocomplete_suggests_the_same_skill_for_an_english_query(taxonomy_skills, client):
    response = client.get(
        URL, {"q": "data analysis"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert 'name="add" value="Data analysis"' in html
    assert "as a new skill" not in html


def test_autocomplete_offers_to_add_a_skill_the_taxonomy_lacks(taxonomy_skills, client):
    response = client.get(
        URL, {"q": "Beekeeping"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert 'name="add" value="Beekeeping"' in html
    assert "Add “Beekeeping” as a new skill" in html


def test_autocomplete_ignores_an_unknown_field_name(taxonomy_skills, client):
    response = client.get(
        URL,
        {"q": "sql", "field": "password", "picker": '"><script>'},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert "password" not in html
    assert "<script>" not in html
    assert "field=skills&amp;picker=id_skills" in html


def test_autocomplete_without_htmx_is_a_whole_page(taxonomy_skills, client):
    response = client.get(URL, {"q": "sql"})

    assert response.status_code == 200
    assert "<html" in response.content.decode()


def test_clicking_a_suggestion_returns_a_ticked_box_for_the_picker(client):
    response = client.get(
        URL, {"add": "  Анализ   данных ", "field": "skills_wanted"}, HTTP_HX_REQUEST="true"
    )

    html = response.content.decode().strip()
    assert html.startswith("<label>")
    assert 'name="skills_wanted" value="Анализ данных" checked' in html
