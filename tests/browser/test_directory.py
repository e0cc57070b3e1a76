"""The mentor directory in a real browser: htmx search by word form, filters, the mentor page."""

import re

import pytest
from playwright.sync_api import expect

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.services import mentor_profile_refresh_search
from nastavnik.profiles.tests.factories import MentorProfileFactory

pytestmark = pytest.mark.browser


def make_mentor(*, name: str, **fields):
    profile = MentorProfileFactory(user=UserFactory(name=name), **fields)
    mentor_profile_refresh_search(profile=profile)
    return profile


def test_typing_a_russian_word_form_updates_the_results_and_the_address(page):
    make_mentor(name="Анна Аналитикова", headline="Продуктовый аналитик")
    make_mentor(name="Борис Дизайнеров", headline="Дизайнер интерфейсов", bio="", current_role="")

    page.goto("/mentors/")
    results = page.locator("#results")
    expect(results).to_contain_text("Борис Дизайнеров")
    page.get_by_role("searchbox").fill("аналитика")

    expect(results).not_to_contain_text("Борис Дизайнеров")
    expect(results).to_contain_text("Анна Аналитикова")
    expect(page).to_have_url(re.compile(r"/mentors/\?.*q=%D0%B0%D0%BD%D0%B0"))


def test_accepting_only_filter_and_the_mentor_page(page):
    make_mentor(name="Open Olga", accepting_requests=True, approach="Weekly calls")
    make_mentor(name="Closed Carl", accepting_requests=False)

    page.goto("/mentors/")
    # The query parameter is the contract; the label text changes with the translation pass.
    page.locator("input[name=accepting]").check()

    results = page.locator("#results")
    expect(results).not_to_contain_text("Closed Carl")
    page.get_by_role("link", name="Open Olga", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open Olga")
    expect(page.get_by_text("Weekly calls")).to_be_visible()
