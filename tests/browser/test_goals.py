"""Issue 4's scenario in a real browser: after the mentor accepts the mentee's request, the mentee
writes a SMART goal (first refused for the missing due date, then accepted), adds milestones and
completes one, and the mentor sees the progress on the dashboard.

Fields are found by name and buttons by their place, since the Russian wording arrives with the
translation pass.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nastavnik.accounts.tests.factories import PASSWORD
from nastavnik.relationships.services import request_accept, request_create

pytestmark = pytest.mark.browser


def log_in(page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_a_pair_sets_a_smart_goal_and_both_see_its_progress(
    page, browser, live_server, mentor, mentee
):
    request = request_create(mentee=mentee, mentor=mentor, message="Помогите перейти в аналитику.")
    relationship = request_accept(request=request, by=mentor)

    log_in(page, mentee)
    page.goto(f"/relationships/{relationship.pk}/goals/new/")
    form = page.locator("#goal-form")
    form.locator("input[name=title]").fill("Подготовить резюме и портфолио")
    form.locator("textarea[name=description]").fill(
        "Собрать резюме аналитика данных и три проекта в портфолио на GitHub."
    )
    form.locator("textarea[name=success_criteria]").fill(
        "Ментор одобрил резюме, три проекта с README."
    )
    form.locator("textarea[name=achievability]").fill("Пять часов в неделю, два проекта начаты.")
    form.locator("textarea[name=relevance]").fill("Без портфолио меня не зовут на собеседования.")
    form.locator("select[name=category]").select_option("career_planning")
    form.locator("button[type=submit]").click()

    expect(page.locator("#id_due_date_error")).to_be_visible()
    expect(page.locator("input[name=due_date]")).to_have_attribute("aria-invalid", "true")

    due = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()
    page.locator("input[name=due_date]").fill(due)
    page.locator("#goal-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/relationships/{relationship.pk}/goals/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Подготовить резюме и портфолио")

    milestones = page.locator("#milestones")
    for title, days in [("Черновик резюме", 14), ("Три проекта в портфолио", 45)]:
        milestones.locator("input[name=title]").fill(title)
        milestones.locator("input[name=due_date]").fill(
            (timezone.localdate() + datetime.timedelta(days=days)).isoformat()
        )
        milestones.locator("form:has(input[name=title]) button[type=submit]").click()
        expect(page.locator("#milestones")).to_contain_text(title)

    page.locator("#milestones button[aria-pressed=false]", has_text="Черновик резюме").click()
    expect(page.locator("#goal-progress progress")).to_have_attribute("value", "50")

    mentor_context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    mentor_page = mentor_context.new_page()
    try:
        log_in(mentor_page, mentor)
        mentor_page.goto("/mentorship/")
        card = mentor_page.locator("#my-mentees article")
        expect(card).to_contain_text("Подготовить резюме и портфолио")
        expect(card.locator("progress")).to_have_attribute("value", "50")
        expect(card).to_contain_text("Три проекта в портфолио")  # the next milestone
    finally:
        mentor_context.close()
