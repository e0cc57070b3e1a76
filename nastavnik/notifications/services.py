"""Telling people about what happened: an in-app notification, and an email unless they opted out."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from nastavnik.accounts.models import User
from nastavnik.notifications.models import Notification, NotificationSettings


def user_language(*, user: User) -> str:
    """The language to write to a person in when they are not looking: theirs, else the site's."""
    return user.language or settings.LANGUAGE_CODE


def email_enabled(*, user: User) -> bool:
    prefs = NotificationSettings.objects.filter(user=user).first()
    return prefs.email_enabled if prefs else True


def notification_settings_update(*, user: User, email_enabled: bool) -> NotificationSettings:
    """Switch the notification emails of a person on or off."""
    prefs, _created = NotificationSettings.objects.update_or_create(
        user=user, defaults={"email_enabled": email_enabled}
    )
    return prefs


def notify(
    *, user: User, kind: str, title: str, body: str = "", url: str = "", email: bool = True
) -> Notification:
    """Store an in-app notification and queue its email when the person wants emails.

    The email is queued as a task in the same transaction (the database task backend), so it is
    sent only if what it tells about was committed.
    """
    notification = Notification(
        user=user, kind=kind, title=str(title)[:200], body=str(body), url=url
    )
    notification.full_clean()
    notification.save()
    if email and user.is_active and email_enabled(user=user):
        from nastavnik.notifications.tasks import send_notification_email

        send_notification_email.enqueue(notification_id=notification.pk)
    return notification


def notification_email_send(*, notification: Notification) -> None:
    """Send a notification by email: plain text with an HTML alternative, in the person's language."""
    user = notification.user
    with translation.override(user_language(user=user)):
        context = {
            "notification": notification,
            "user": user,
            "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
            "settings_link": f"{settings.SITE_URL}/notifications/",
            "site_url": settings.SITE_URL,
        }
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(subject=notification.title, body=text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark the person's notifications read (all unread ones, or only the given ids)."""
    unread: QuerySet[Notification] = Notification.objects.filter(user=user).unread()
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
