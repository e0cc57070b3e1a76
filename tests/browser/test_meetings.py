"""Issue 5's scenario in a real browser: the mentor schedules a weekly meeting, moves one
occurrence, sees it in the upcoming meetings, writes a private note, and the mentee cannot see it.

Fields are found by name and elements by their place, since the Russian wording arrives with the
translation pass.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nastavnik.accounts.tests.factories import PASSWORD
from nastavnik.meetings.models import Meeting
from nastavnik.relationships.services import request_accept, request_create

pytestmark = pytest.mark.browser


def log_in(page, user) -> None:
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_a_recurring_meeting_is_scheduled_moved_and_its_private_note_stays_private(
    page, browser, live_server, mentor, mentee
):
    request = request_create(mentee=mentee, mentor=mentor, message="Помогите с SQL.")
    relationship = request_accept(request=request, by=mentor)
    first = timezone.localdate() + datetime.timedelta(days=7)

    log_in(page, mentor)
    page.goto(f"/relationships/{relationship.pk}/meetings/new/")
    page.locator("input[name=title]").fill("Еженедельная встреча")
    page.locator("input[name=start]").fill(f"{first.isoformat()}T18:00")
    page.locator("select[name=recurrence]").select_option("weekly")
    page.locator("input[name=location]").fill("https://meet.example.org/sql")
    page.locator("main > form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/meetings/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Еженедельная встреча")
    meeting = Meeting.objects.get()
    assert meeting.rrule == "FREQ=WEEKLY"

    second_row = page.locator("#occurrences ~ table tr").nth(1)
    second_row.locator("summary").click()
    moved_to = first + datetime.timedelta(days=8)
    second_row.locator("input[name=new_start]").fill(f"{moved_to.isoformat()}T09:30")
    second_row.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert meeting.exceptions.get().new_start.date() == moved_to

    page.goto("/meetings/")
    rows = page.locator("main table tbody tr")
    expect(rows.locator("mark")).to_have_count(1)
    expect(rows.filter(has=page.locator("mark"))).to_contain_text("Еженедельная встреча")

    page.goto(f"/meetings/{meeting.pk}/")
    page.locator("textarea[name=text]").fill("Личное: не торопить, дать больше практики")
    page.locator("textarea[name=text]").locator("xpath=ancestor::form").locator(
        "button[type=submit]"
    ).click()
    expect(page.locator("textarea[name=text]")).to_have_value(
        "Личное: не торопить, дать больше практики"
    )

    other = browser.new_context(base_url=live_server.url, locale="ru-RU")
    mentee_page = other.new_page()
    log_in(mentee_page, mentee)
    mentee_page.goto(f"/meetings/{meeting.pk}/")
    expect(mentee_page.get_by_role("heading", level=1)).to_have_text("Еженедельная встреча")
    expect(mentee_page.locator("textarea[name=text]")).to_have_value("")
    expect(mentee_page.locator("main")).not_to_contain_text("не торопить")
    other.close()
