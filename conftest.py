"""The named people every test can use, and shared clients.

The mentor and the mentee are strangers to each other until a test connects them; the outsider is a
signed-up user with no part in what a test looks at; staff manage everything in the admin.
"""

import email
import email.policy
import socket

import pytest
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from nastavnik.accounts.models import User
from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.models import MenteeProfile, MentorProfile
from nastavnik.profiles.tests.factories import MenteeProfileFactory, MentorProfileFactory

# Tests read English unless they ask for another language: Russian is the site's default, and tests
# of Russian pages say so with an Accept-Language header or translation.override("ru").
ENGLISH = {"accept-language": "en"}


@pytest.fixture(autouse=True)
def _english_outside_requests():
    with translation.override("en"):
        yield


@pytest.fixture
def client() -> Client:
    return Client(headers=ENGLISH)


@pytest.fixture
def mentor(db) -> User:
    user = UserFactory(email="mentor@example.org", name="Мария Менторова")
    MentorProfileFactory(user=user)
    return user


@pytest.fixture
def mentee(db) -> User:
    user = UserFactory(email="mentee@example.org", name="Ivan Menteev")
    MenteeProfileFactory(user=user)
    return user


@pytest.fixture
def outsider(db) -> User:
    return UserFactory(email="outsider@example.org", name="Olga Outsider")


@pytest.fixture
def staff_user(db) -> User:
    return UserFactory(
        email="staff@example.org", name="Staff Person", is_staff=True, is_superuser=True
    )


@pytest.fixture
def api_client() -> APIClient:
    return APIClient(headers=ENGLISH)


@pytest.fixture
def api_client_for():
    """An API client authenticated as the given user with a real token."""
    from rest_framework.authtoken.models import Token

    def make(user: User) -> APIClient:
        client = APIClient(headers=ENGLISH)
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return make


class ReceivedMail:
    """Messages an SMTP test server accepted, parsed with the standard library."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's handler hook
        self.messages.append(
            email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free loopback port that Django sends mail to.

    Yields the ReceivedMail whose `messages` list holds what was delivered.
    """
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    received = ReceivedMail()
    controller = Controller(received, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    try:
        yield received
    finally:
        controller.stop()


__all__ = ["MenteeProfile", "MentorProfile"]
