import pytest

from nastavnik.relationships.services import request_accept, request_create


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Test users get passwords; a fast hasher keeps the suite quick on a shared machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Run tasks (notification emails) at once so that tests see the mail they cause."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def open_request(mentor, mentee):
    return request_create(mentee=mentee, mentor=mentor, message="Please help me with SQL.")


@pytest.fixture
def relationship(open_request, mentor):
    return request_accept(request=open_request, by=mentor)
