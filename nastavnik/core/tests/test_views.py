def test_health_answers_ok_when_the_database_answers(client, db):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_home_page_is_russian_by_default_and_english_when_the_browser_asks(client, db):
    russian = client.get("/", headers={"accept-language": "ru"})
    english = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})

    assert "Найдите" in russian.content.decode()
    assert "Find the right mentor" in english.content.decode()
