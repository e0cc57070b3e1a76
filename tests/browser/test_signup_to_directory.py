"""Issue 2's end-to-end scenario: sign up, fill a mentor profile in Russian, find that mentor in
the directory by another Russian word form, then switch the interface to English.

Form fields are found by their names (the forms' contract, shared with the API) and buttons by
role, because the Russian wording of labels arrives with the translation pass.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NAME = "Светлана Браузерова"


def submit(page) -> None:
    page.locator("main form[method=post] > button[type=submit]").click()


def test_a_new_mentor_is_found_by_a_russian_word_form_and_the_ui_switches_to_english(page):
    page.goto("/accounts/signup/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.locator("input[name=email]").fill("svetlana@example.org")
    page.locator("input[name=name]").fill(NAME)
    page.locator("input[name=password]").fill("a-long-and-unusual-passphrase")
    submit(page)
    expect(page).to_have_url(re.compile(r"/profile/$"))

    page.goto("/profile/mentor/")
    page.locator("input[name=headline]").fill("Продуктовый аналитик в финтехе")
    page.locator("input[name=current_role]").fill("Ведущий аналитик")
    page.locator("input[name=company]").fill("Пример Банк")
    page.locator("textarea[name=bio]").fill("Помогаю перейти в аналитику из маркетинга.")
    page.locator("input[name=formats][value=one_to_one]").check()
    page.locator("select[name=languages]").select_option(["ru", "en"])
    submit(page)
    expect(page).to_have_url(re.compile(r"/profile/mentor/$"))
    expect(page.locator("input[name=headline]")).to_have_value("Продуктовый аналитик в финтехе")

    page.goto("/mentors/")
    page.get_by_role("searchbox").fill("аналитика")
    results = page.locator("#results")
    expect(results).to_contain_text(NAME)
    expect(results).to_contain_text("Продуктовый аналитик в финтехе")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Find a mentor")).to_be_visible()
    expect(page.get_by_role("link", name="Mentors", exact=True)).to_be_visible()
