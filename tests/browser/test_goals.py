"""Issue 4's scenario in a real browser, through the pages a pair uses: the mentee asks the mentor
from the mentor's public page with a personal message, the mentor accepts it under "My requests",
the mentee writes a SMART goal (first refused for the missing due date, then accepted), adds
milestones and completes one, and both the mentee and the mentor see the progress.

Each person has a browser of their own and reaches every page by clicking, starting from the
mentor's public page and the login page. Both browsers use English, chosen explicitly (the mentee
with the language switch, the mentor's browser by its locale), so that links and buttons are found
by their names whatever the site's default language.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from nastavnik.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser

GOAL = "Подготовить резюме и портфолио"
ASK = "Хочу перейти из маркетинга в аналитику данных за год."


def log_in(page: Page, user) -> None:
    """Fills the login form the page shows and waits to be let in."""
    expect(page.get_by_role("heading", name="Log in", level=1)).to_be_visible()
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def in_days(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def progress_of(scope, title: str):
    return scope.get_by_role("progressbar", name=f"Progress of {title}")


def mentee_sends_a_request(page: Page, *, mentor, mentee) -> None:
    page.goto(f"/mentors/{mentor.mentor_profile.pk}/")
    page.locator("#language-switch").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(mentor.name)

    page.get_by_role("button", name="Request mentorship").click()
    log_in(page, mentee)  # the request form asks a visitor to log in first, then comes back
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Ask {mentor.name} to be your mentor"
    )
    page.get_by_label("What I want to achieve").fill(ASK)
    page.get_by_label("What I can offer in return").fill("Свежий взгляд на маркетинг продукта.")
    page.get_by_label("How much time I can give").fill("Час раз в две недели и домашние задания.")
    page.get_by_label("Personal message").fill("Помогите перейти в аналитику.")
    page.get_by_role("button", name="Send the request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("My requests")
    sent = page.locator("#outgoing article").filter(has_text=mentor.name)
    expect(sent).to_contain_text("Waiting for the mentor")
    expect(sent).to_contain_text(ASK)


def mentor_accepts(page: Page, *, mentor, mentee) -> None:
    page.goto("/")
    page.get_by_role("link", name="Log in", exact=True).click()
    log_in(page, mentor)
    page.get_by_role("link", name="Requests", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My requests")
    request = page.locator("#incoming article").filter(has_text=mentee.name)
    expect(request).to_contain_text(ASK)
    request.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{mentor.name} mentors {mentee.name}"
    )


def mentee_sets_a_goal_with_milestones(page: Page, *, mentor, mentee) -> None:
    page.get_by_role("link", name="Mentorships", exact=True).click()
    page.get_by_role("link", name=mentor.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{mentor.name} mentors {mentee.name}"
    )
    page.locator("#goals").get_by_role("link", name="Set a goal").click()

    form = page.locator("#goal-form")
    form.get_by_label("Specific: what is the goal?").fill(GOAL)
    form.get_by_label("Specific: describe it").fill(
        "Собрать резюме аналитика данных и три проекта в портфолио на GitHub."
    )
    form.get_by_label("Measurable: success criteria").fill(
        "Ментор одобрил резюме, три проекта с README."
    )
    form.get_by_label("Achievable: why is it realistic?").fill(
        "Пять часов в неделю, два проекта начаты."
    )
    form.get_by_label("Relevant: why does it matter now?").fill(
        "Без портфолио меня не зовут на собеседования."
    )
    form.get_by_label("Category").select_option("career_planning")
    form.get_by_role("button", name="Set the goal").click()

    due_date = page.get_by_label("Time-bound: due date")
    expect(page.locator("#id_due_date_error")).to_have_text(
        "Time-bound: set a due date for the goal."
    )
    expect(due_date).to_have_attribute("aria-invalid", "true")
    due_date.fill(in_days(60))
    page.locator("#goal-form").get_by_role("button", name="Set the goal").click()
    expect(page).to_have_url(re.compile(r"/relationships/\d+/goals/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(GOAL)

    milestones = page.locator("#milestones")
    for title, days in [("Черновик резюме", 14), ("Три проекта в портфолио", 45)]:
        milestones.get_by_label("Milestone").fill(title)
        milestones.get_by_label("Due date").fill(in_days(days))
        milestones.get_by_role("button", name="Add a milestone").click()
        expect(milestones.get_by_role("button", name=title)).to_be_visible()

    milestones.get_by_role("button", name="Черновик резюме").click()
    expect(milestones.get_by_role("button", name="Черновик резюме")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(progress_of(page.locator("#goal-progress"), GOAL)).to_have_attribute("value", "50")


def sees_the_progress_on_the_dashboard(page: Page, *, section: str) -> None:
    """From a goal's page, through the space's menu, to the mentorship dashboard."""
    space_menu = page.get_by_role("navigation", name="Mentorship space")
    space_menu.get_by_role("link", name="Mentorship", exact=True).click()
    card = page.locator(f"{section} article")
    expect(card).to_contain_text(GOAL)
    expect(progress_of(card, GOAL)).to_have_attribute("value", "50")
    expect(card).to_contain_text("Next milestone: Три проекта в портфолио")


def test_a_mentee_requests_a_mentor_who_accepts_and_both_see_their_smart_goals_progress(
    page, browser, live_server, mentor, mentee
):
    mentee_sends_a_request(page, mentor=mentor, mentee=mentee)

    mentor_context = browser.new_context(base_url=live_server.url, locale="en-US")
    mentor_context.set_default_timeout(10_000)
    mentor_page = mentor_context.new_page()
    try:
        mentor_accepts(mentor_page, mentor=mentor, mentee=mentee)

        mentee_sets_a_goal_with_milestones(page, mentor=mentor, mentee=mentee)
        sees_the_progress_on_the_dashboard(page, section="#my-mentorship")

        # The mentor is still in the shared space opened by accepting; a reload shows the goal.
        mentor_page.reload()
        goals = mentor_page.locator("#goals")
        expect(progress_of(goals, GOAL)).to_have_attribute("value", "50")
        goals.get_by_role("link", name=GOAL).click()
        expect(mentor_page.get_by_role("heading", level=1)).to_have_text(GOAL)
        expect(progress_of(mentor_page.locator("#goal-progress"), GOAL)).to_have_attribute(
            "value", "50"
        )
        sees_the_progress_on_the_dashboard(mentor_page, section="#my-mentees")
    finally:
        mentor_context.close()
