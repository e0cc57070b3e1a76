import re

from django.urls import reverse

from nastavnik.accounts.tests.factories import PASSWORD

NEW_PASSWORD = "amber-quarry-nightjar-17"


def _reset_link(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"http://testserver(/accounts/reset/\S+/)", body).group(1)


def test_forgotten_password_is_reset_through_a_link_delivered_by_smtp(
    client, outsider, smtp_server
):
    response = client.post(
        reverse("accounts:password_reset"),
        {"email": "Outsider@Example.org"},
        headers={"accept-language": "en"},
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")

    [message] = smtp_server.messages
    assert message["To"] == "outsider@example.org"
    assert message["Subject"] == "Reset your Nastavnik password"
    link = _reset_link(message)

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    assert done.url == reverse("accounts:password_reset_complete")

    client.post(
        reverse("accounts:login"), {"username": "outsider@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    client.post(
        reverse("accounts:login"), {"username": "outsider@example.org", "password": NEW_PASSWORD}
    )
    assert client.session["_auth_user_id"] == str(outsider.pk)


def test_reset_email_follows_the_language_of_the_request(client, outsider, smtp_server):
    client.post(
        reverse("accounts:password_reset"),
        {"email": "outsider@example.org"},
        headers={"accept-language": "en"},
    )

    [message] = smtp_server.messages
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Hello, Olga!" in body
    assert "If you did not ask for this" in body


def test_reset_for_an_unknown_address_sends_nothing_and_looks_the_same(client, db, smtp_server):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert smtp_server.messages == []


def test_a_used_reset_link_no_longer_works(client, outsider, smtp_server):
    client.post(reverse("accounts:password_reset"), {"email": "outsider@example.org"})
    link = _reset_link(smtp_server.messages[0])
    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    again = client.get(link, follow=True, headers={"accept-language": "en"})

    assert not again.context["validlink"]
    assert "This link is invalid or has already been used." in again.content.decode()


def test_a_too_short_new_password_is_refused_with_a_field_error(client, outsider, smtp_server):
    client.post(reverse("accounts:password_reset"), {"email": "outsider@example.org"})
    page = client.get(_reset_link(smtp_server.messages[0]), follow=True)

    response = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "x1!", "new_password2": "x1!"},
        headers={"accept-language": "en"},
    )

    assert response.status_code == 200
    assert "too short" in " ".join(response.context["form"].errors["new_password2"])
    outsider.refresh_from_db()
    assert outsider.check_password(PASSWORD)
