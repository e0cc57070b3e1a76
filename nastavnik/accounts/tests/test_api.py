import pytest
from rest_framework.authtoken.models import Token

from nastavnik.accounts.models import User
from nastavnik.accounts.tests.factories import PASSWORD

TOKEN_URL = "/api/v1/auth/token/"
REGISTER_URL = "/api/v1/auth/register/"
ME_URL = "/api/v1/me/"
NEW_PASSWORD = "violet-lantern-orbit-42"


@pytest.fixture
def english(settings):
    """API error messages in English, whatever the default language."""
    settings.LANGUAGE_CODE = "en"


# Token


def test_token_is_issued_for_the_right_email_and_password(api_client, outsider):
    response = api_client.post(
        TOKEN_URL, {"email": "Outsider@example.org", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 200
    assert response.json() == {"token": Token.objects.get(user=outsider).key}


def test_issued_token_authenticates_later_calls(api_client, outsider):
    token = api_client.post(
        TOKEN_URL, {"email": "outsider@example.org", "password": PASSWORD}, format="json"
    ).json()["token"]

    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    assert api_client.get(ME_URL).json()["email"] == "outsider@example.org"


def test_token_with_a_wrong_password_is_a_400_naming_the_password(api_client, outsider, english):
    response = api_client.post(
        TOKEN_URL, {"email": "outsider@example.org", "password": "wrong"}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {"password": ["The email and password do not match an account."]}


def test_token_without_an_email_is_a_400_naming_the_email(api_client, db):
    response = api_client.post(TOKEN_URL, {"password": "whatever"}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["email"]


def test_token_with_malformed_json_is_a_400_with_a_json_body(api_client, db):
    response = api_client.post(
        TOKEN_URL, data='{"email": "outsider@', content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_token_requests_are_throttled_by_the_token_rate(api_client, outsider, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "2/minute", "register": "10/hour"},
    }
    body = {"email": "outsider@example.org", "password": PASSWORD}

    statuses = [api_client.post(TOKEN_URL, body, format="json").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_repeated_wrong_passwords_pause_token_requests(api_client, outsider, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    wrong = {"email": "outsider@example.org", "password": "guess"}
    for _attempt in range(2):
        api_client.post(TOKEN_URL, wrong, format="json")

    response = api_client.post(
        TOKEN_URL, {"email": "outsider@example.org", "password": PASSWORD}, format="json"
    )

    assert response.status_code == 429
    assert "token" not in response.json()


# Register


def test_register_creates_an_account_and_returns_it_with_a_token(api_client, db):
    response = api_client.post(
        REGISTER_URL,
        {"email": "Nina@Example.org", "password": NEW_PASSWORD, "name": "Nina Novikova"},
        format="json",
    )

    assert response.status_code == 201
    user = User.objects.get(email="nina@example.org")
    assert response.json() == {
        "user": {
            "id": user.pk,
            "email": "nina@example.org",
            "name": "Nina Novikova",
            "timezone": "Europe/Moscow",
            "language": "",
        },
        "token": Token.objects.get(user=user).key,
    }
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"email": "nope", "name": "N"}, "email", "Enter a valid email address."),
        ({"email": "n@example.org", "name": "N", "password": "k3y!"}, "password", "too short"),
        ({"email": "n@example.org", "name": "N", "password": "12345678901"}, "password", "numeric"),
        ({"email": "OUTSIDER@example.org", "name": "N"}, "email", "already exists"),
        ({"email": "n@example.org", "name": ""}, "name", "may not be blank"),
        ({"email": "n@example.org", "password": NEW_PASSWORD}, "name", "required"),
    ],
)
def test_register_with_bad_input_is_a_400_naming_the_field(
    api_client, outsider, english, body, field, message
):
    response = api_client.post(REGISTER_URL, {"password": NEW_PASSWORD, **body}, format="json")

    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert User.objects.count() == 1  # only the outsider


def test_register_lists_every_bad_field_in_one_response(api_client, outsider, english):
    response = api_client.post(
        REGISTER_URL,
        {"email": "outsider@example.org", "password": "123", "name": "N"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "email": ["An account with this email already exists."],
        "password": [
            "This password is too short. It must contain at least 8 characters.",
            "This password is too common.",
            "This password is entirely numeric.",
        ],
    }


def test_register_is_rate_limited(api_client, db, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "30/minute", "register": "2/hour"},
    }

    statuses = [
        api_client.post(
            REGISTER_URL,
            {"email": f"p{n}@example.org", "password": NEW_PASSWORD, "name": f"P {n}"},
            format="json",
        ).status_code
        for n in range(3)
    ]

    assert statuses == [201, 201, 429]
    assert User.objects.count() == 2


# Me


def test_me_needs_authentication(api_client, db):
    assert api_client.get(ME_URL).status_code == 401


def test_me_shows_the_callers_own_account(api_client_for, outsider):
    response = api_client_for(outsider).get(ME_URL)

    assert response.json() == {
        "id": outsider.pk,
        "email": "outsider@example.org",
        "name": "Olga Outsider",
        "timezone": "Europe/Moscow",
        "language": "",
    }


def test_me_patch_changes_name_time_zone_and_language(api_client_for, outsider):
    response = api_client_for(outsider).patch(
        ME_URL, {"name": "Olga O.", "timezone": "Asia/Tokyo", "language": "en"}, format="json"
    )

    assert response.status_code == 200
    outsider.refresh_from_db()
    assert (outsider.name, outsider.timezone, outsider.language) == ("Olga O.", "Asia/Tokyo", "en")


def test_me_patch_cannot_change_the_email_or_id(api_client_for, outsider):
    response = api_client_for(outsider).patch(
        ME_URL, {"email": "new@example.org", "id": 999}, format="json"
    )

    assert response.status_code == 200
    outsider.refresh_from_db()
    assert outsider.email == "outsider@example.org"
    assert response.json()["id"] == outsider.pk


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"language": "de"}, "language"),
        ({"name": ""}, "name"),
    ],
)
def test_me_patch_with_bad_values_is_a_400_naming_the_field_and_saves_nothing(
    api_client_for, outsider, body, field
):
    response = api_client_for(outsider).patch(ME_URL, {"name": "Changed", **body}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    outsider.refresh_from_db()
    assert outsider.name == "Olga Outsider"


def test_me_with_malformed_json_is_a_400_with_a_json_body(api_client_for, outsider):
    response = api_client_for(outsider).patch(
        ME_URL, data="{name: Olga}", content_type="application/json"
    )

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_me_is_always_the_caller_so_an_outsider_cannot_patch_another_user(
    api_client_for, outsider, mentor
):
    for path in (f"/api/v1/users/{mentor.pk}/", f"{ME_URL}{mentor.pk}/"):
        assert api_client_for(outsider).patch(path, {"name": "X"}, format="json").status_code == 404

    api_client_for(outsider).patch(ME_URL, {"name": "Not Maria", "id": mentor.pk}, format="json")

    mentor.refresh_from_db()
    outsider.refresh_from_db()
    assert mentor.name == "Мария Менторова"
    assert outsider.name == "Not Maria"


def test_me_does_not_allow_put_or_delete(api_client_for, outsider):
    client = api_client_for(outsider)

    assert client.put(ME_URL, {"name": "X"}, format="json").status_code == 405
    assert client.delete(ME_URL).status_code == 405
    assert User.objects.filter(pk=outsider.pk).exists()


# Schema


def test_schema_documents_the_account_request_and_response_bodies(api_client, db):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    token = schema["paths"]["/api/v1/auth/token/"]["post"]
    register = schema["paths"]["/api/v1/auth/register/"]["post"]
    me = schema["paths"]["/api/v1/me/"]
    assert token["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/CredentialsRequest"
    )
    assert "200" in token["responses"]
    assert "201" in register["responses"]
    assert set(me) >= {"get", "patch"}
    assert "put" not in me
    components = schema["components"]["schemas"]
    assert set(components["Me"]["properties"]) == {"id", "email", "name", "timezone", "language"}
    assert set(components["RegisterRequest"]["required"]) == {"email", "password", "name"}


def test_token_callers_get_errors_in_their_chosen_language(api_client_for, outsider):
    outsider.language = "ru"
    outsider.save(update_fields=["language"])

    response = api_client_for(outsider).patch(
        "/api/v1/me/", {"timezone": "Mars/Olympus"}, format="json"
    )

    assert response.status_code == 400
    assert response.headers["Content-Language"] == "ru"
