import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from nastavnik.accounts.models import User
from nastavnik.accounts.tests.factories import PASSWORD, UserFactory

EN = {"accept-language": "en"}
NEW_PASSWORD = "violet-lantern-orbit-42"


@pytest.fixture
def signed_in(client, outsider):
    client.force_login(outsider)
    return client


# Sign-up


def test_sign_up_creates_the_account_signs_in_and_lands_on_the_profile_page(client, db):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "New.Person@Example.org", "name": "Nina Novikova", "password": NEW_PASSWORD},
        headers=EN,
    )

    assert response.status_code == 302
    assert response.url == reverse("profiles:dashboard")
    user = User.objects.get()
    assert user.email == "new.person@example.org"
    assert user.name == "Nina Novikova"
    assert user.check_password(NEW_PASSWORD)
    assert client.get(reverse("profiles:dashboard")).status_code == 200


def test_sign_up_with_a_bad_email_shows_an_error_on_the_email_field(client, db):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "not-an-email", "name": "Nina", "password": NEW_PASSWORD},
        headers=EN,
    )

    assert response.status_code == 200
    assert "Enter a valid email address." in response.context["form"].errors["email"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_with_a_short_password_says_it_is_too_short(client, db):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "nina@example.org", "name": "Nina", "password": "k3y!"},
        headers=EN,
    )

    errors = response.context["form"].errors["password"]
    assert any("too short" in error for error in errors)
    assert "too short" in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_with_an_email_registered_in_other_capitals_is_refused(client, outsider):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "OUTSIDER@example.org", "name": "Someone", "password": NEW_PASSWORD},
        headers=EN,
    )

    assert response.context["form"].errors["email"] == [
        "An account with this email already exists."
    ]
    assert User.objects.filter(email__iexact="outsider@example.org").count() == 1


def test_sign_up_shows_the_email_and_the_password_problems_at_once(client, outsider):
    response = client.post(
        reverse("accounts:signup"),
        {"email": "outsider@example.org", "name": "Olga", "password": "olga1"},
        headers=EN,
    )

    errors = response.context["form"].errors
    assert errors["email"] == ["An account with this email already exists."]
    assert any("too short" in error for error in errors["password"])


def test_an_empty_sign_up_form_names_every_missing_field(client, db):
    response = client.post(reverse("accounts:signup"), {}, headers=EN)

    assert set(response.context["form"].errors) == {"email", "name", "password"}


def test_sign_up_page_sends_a_signed_in_user_to_their_profile(signed_in):
    response = signed_in.get(reverse("accounts:signup"))

    assert response.status_code == 302
    assert response.url == reverse("profiles:dashboard")


# Log in and out


def test_log_in_with_email_in_any_capitals_and_password(client, outsider):
    response = client.post(
        reverse("accounts:login"), {"username": "Outsider@Example.ORG", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(outsider.pk)


def test_log_in_with_a_wrong_password_shows_an_error_and_does_not_sign_in(client, outsider):
    response = client.post(
        reverse("accounts:login"),
        {"username": "outsider@example.org", "password": "wrong"},
        headers=EN,
    )

    assert response.status_code == 200
    assert "The email and password do not match an account." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failed_logins_pause_sign_in_even_with_the_right_password(
    client, outsider, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    url = reverse("accounts:login")
    for _attempt in range(3):
        client.post(url, {"username": "outsider@example.org", "password": "guess"})

    response = client.post(
        url, {"username": "outsider@example.org", "password": PASSWORD}, headers=EN
    )

    assert "Too many failed attempts to log in. Try again in 15 minutes." in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_failed_logins_from_another_address_do_not_lock_the_owner_out(client, outsider, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    url = reverse("accounts:login")
    for _attempt in range(5):
        client.post(
            url, {"username": "outsider@example.org", "password": "guess"}, REMOTE_ADDR="10.0.0.9"
        )

    client.post(url, {"username": "outsider@example.org", "password": PASSWORD})

    assert client.session["_auth_user_id"] == str(outsider.pk)


def test_log_out_is_a_post_and_ends_the_session(signed_in):
    assert signed_in.get(reverse("accounts:logout")).status_code == 405

    response = signed_in.post(reverse("accounts:logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in signed_in.session


# Settings


def test_settings_need_a_signed_in_user(client, db):
    response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_settings_save_name_time_zone_and_language(signed_in, outsider):
    response = signed_in.post(
        reverse("accounts:settings"),
        {"name": "Olga O.", "timezone": "Asia/Vladivostok", "language": "en"},
    )

    assert response.status_code == 302
    outsider.refresh_from_db()
    assert (outsider.name, outsider.timezone, outsider.language) == (
        "Olga O.",
        "Asia/Vladivostok",
        "en",
    )


def test_settings_offer_time_zones_grouped_by_area(signed_in):
    content = signed_in.get(reverse("accounts:settings"), headers=EN).content.decode()

    assert '<optgroup label="Europe">' in content
    assert '<option value="Europe/Moscow" selected>' in content
    assert '<option value="Asia/Vladivostok">' in content


def test_settings_refuse_an_unknown_time_zone_with_a_field_error(signed_in, outsider):
    response = signed_in.post(
        reverse("accounts:settings"),
        {"name": "Olga", "timezone": "Mars/Olympus_Mons", "language": ""},
        headers=EN,
    )

    assert response.status_code == 200
    assert response.context["form"].errors["timezone"]
    assert re.search(r'<select name="timezone"[^>]* aria-invalid="true"', response.content.decode())
    outsider.refresh_from_db()
    assert outsider.timezone == "Europe/Moscow"


def test_times_on_pages_are_shown_in_the_users_time_zone(client, db):
    user = UserFactory(
        timezone="Asia/Vladivostok", date_joined=datetime(2026, 1, 15, 23, 30, tzinfo=UTC)
    )
    client.force_login(user)

    content = client.get(reverse("accounts:settings"), headers=EN).content.decode()

    # 23:30 UTC is 09:30 the next morning in Vladivostok (UTC+10).
    assert "Asia/Vladivostok" in content
    assert "Jan. 16, 2026, 9:30 a.m." in content


def test_choosing_follow_the_browser_forgets_the_language_cookie(signed_in, outsider):
    signed_in.post(reverse("accounts:language"), {"language": "en", "next": "/"})

    response = signed_in.post(
        reverse("accounts:settings"), {"name": "Olga", "timezone": "Europe/Moscow", "language": ""}
    )

    assert response.cookies["django_language"].value == ""
    outsider.refresh_from_db()
    assert outsider.language == ""
    russian = signed_in.get("/", headers={"accept-language": "ru"})
    assert russian.headers["Content-Language"] == "ru"


# Language


def test_language_switch_is_remembered_on_the_account_across_sessions(client, outsider):
    client.force_login(outsider)
    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})
    client.logout()

    fresh = type(client)()
    fresh.post(
        reverse("accounts:login"), {"username": "outsider@example.org", "password": PASSWORD}
    )
    response = fresh.get("/", headers={"accept-language": "ru"})

    outsider.refresh_from_db()
    assert outsider.language == "en"
    assert response.headers["Content-Language"] == "en"
    assert "Find the right mentor" in response.content.decode()


def test_language_switch_of_an_anonymous_visitor_lasts_without_an_account(client, db):
    client.post(reverse("accounts:language"), {"language": "en", "next": "/"})

    response = client.get("/", headers={"accept-language": "ru"})

    assert response.headers["Content-Language"] == "en"


def test_anonymous_visitors_get_the_language_their_browser_asks_for(client, db):
    english = client.get(reverse("accounts:login"), headers={"accept-language": "en-US,en;q=0.8"})
    russian = client.get(reverse("accounts:login"), headers={"accept-language": "ru-RU,ru;q=0.9"})

    assert english.headers["Content-Language"] == "en"
    assert russian.headers["Content-Language"] == "ru"


def test_a_users_own_language_wins_over_the_browser(client, db):
    client.force_login(UserFactory(language="en"))

    response = client.get("/", headers={"accept-language": "ru"})

    assert response.headers["Content-Language"] == "en"


# Password change


def test_a_signed_in_user_changes_their_password_and_stays_signed_in(signed_in, outsider):
    response = signed_in.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.url == reverse("accounts:password_change_done")
    outsider.refresh_from_db()
    assert outsider.check_password(NEW_PASSWORD)
    assert signed_in.get(reverse("accounts:settings")).status_code == 200


def test_password_change_needs_the_old_password(signed_in, outsider):
    response = signed_in.post(
        reverse("accounts:password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        headers=EN,
    )

    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    outsider.refresh_from_db()
    assert outsider.check_password(PASSWORD)
