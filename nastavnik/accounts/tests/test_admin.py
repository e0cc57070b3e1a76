from django.urls import reverse

from nastavnik.accounts.models import User

EN = {"accept-language": "en"}


def test_staff_see_users_by_email_and_name_in_the_admin(client, staff_user, outsider):
    client.force_login(staff_user)

    response = client.get(reverse("admin:accounts_user_changelist"), {"q": "outsider"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "outsider@example.org" in content
    assert "staff@example.org" not in content


def test_staff_add_a_user_with_an_email_and_password_in_the_admin(client, staff_user):
    client.force_login(staff_user)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "Added@Example.org",
            "name": "Added Person",
            "usable_password": "true",
            "password1": "violet-lantern-orbit-42",
            "password2": "violet-lantern-orbit-42",
        },
    )

    assert response.status_code == 302
    added = User.objects.get(email="added@example.org")
    assert added.check_password("violet-lantern-orbit-42")


def test_admin_refuses_an_email_that_differs_only_in_capitals(client, staff_user, outsider):
    client.force_login(staff_user)

    response = client.post(
        reverse("admin:accounts_user_add"),
        {"email": "OUTSIDER@example.org", "name": "Copy", "usable_password": "false"},
        headers=EN,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == [
        "An account with this email already exists."
    ]


def test_staff_change_a_users_time_zone_in_the_admin(client, staff_user, outsider):
    client.force_login(staff_user)
    url = reverse("admin:accounts_user_change", args=[outsider.pk])
    page = client.get(url)
    assert page.status_code == 200

    response = client.post(
        url,
        {
            "email": "outsider@example.org",
            "name": "Olga Outsider",
            "timezone": "Asia/Yekaterinburg",
            "language": "ru",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )

    assert response.status_code == 302
    outsider.refresh_from_db()
    assert (outsider.timezone, outsider.language) == ("Asia/Yekaterinburg", "ru")


def test_user_admin_labels_are_translated(client, staff_user):
    client.force_login(staff_user)

    response = client.get(reverse("admin:accounts_user_add"), headers={"accept-language": "ru"})

    content = response.content.decode()
    assert "Добавить" in content
    assert "Пароль" in content
