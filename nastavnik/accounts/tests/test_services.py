import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from nastavnik.accounts.models import User
from nastavnik.accounts.services import (
    LoginPaused,
    user_authenticate,
    user_create,
    user_token_get_or_create,
    user_update,
)
from nastavnik.accounts.tests.factories import PASSWORD, UserFactory

NEW_PASSWORD = "violet-lantern-orbit-42"


def test_user_create_stores_the_email_in_lower_case(db):
    user = user_create(email="  Nina@Example.ORG ", password=NEW_PASSWORD, name=" Nina ")

    assert (user.email, user.name) == ("nina@example.org", "Nina")


def test_user_create_reports_every_bad_field_at_once(db):
    with pytest.raises(ValidationError) as caught:
        user_create(email="nope", password="123", name="")

    assert set(caught.value.message_dict) == {"email", "password", "name"}
    assert not User.objects.exists()


def test_user_create_refuses_a_password_too_like_the_name(db):
    with pytest.raises(ValidationError) as caught:
        user_create(email="nina.novikova@example.org", password="nina.novikova", name="Nina")

    assert "password" in caught.value.message_dict


def test_database_refuses_two_emails_that_differ_only_in_capitals(outsider):
    with pytest.raises(IntegrityError):
        UserFactory(email="OUTSIDER@example.org")


def test_user_authenticate_pauses_after_the_limit_of_failures(outsider, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _attempt in range(2):
        assert user_authenticate(request=None, email="outsider@example.org", password="x") is None

    with pytest.raises(LoginPaused):
        user_authenticate(request=None, email="outsider@example.org", password=PASSWORD)


def test_a_successful_login_clears_earlier_failures(outsider, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    user_authenticate(request=None, email="outsider@example.org", password="x")
    assert user_authenticate(request=None, email="outsider@example.org", password=PASSWORD)

    user_authenticate(request=None, email="outsider@example.org", password="x")

    assert user_authenticate(request=None, email="outsider@example.org", password=PASSWORD)


def test_inactive_users_cannot_authenticate(db):
    UserFactory(email="gone@example.org", is_active=False)

    assert user_authenticate(request=None, email="gone@example.org", password=PASSWORD) is None


def test_user_update_leaves_the_user_unchanged_when_one_value_is_bad(outsider):
    with pytest.raises(ValidationError) as caught:
        user_update(user=outsider, name="New Name", timezone="Nowhere/City")

    assert list(caught.value.message_dict) == ["timezone"]
    assert outsider.name == "Olga Outsider"
    outsider.refresh_from_db()
    assert outsider.name == "Olga Outsider"


def test_user_update_with_nothing_given_changes_nothing(outsider, django_assert_num_queries):
    with django_assert_num_queries(0):
        user_update(user=outsider)


def test_user_token_is_made_once_and_reused(outsider):
    assert user_token_get_or_create(user=outsider) == user_token_get_or_create(user=outsider)
