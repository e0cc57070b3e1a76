"""Writing to the pair's thread, reading it, and telling the other side by email.

Email follows each recipient's choice: immediately (a task per message), a daily digest (the
`send_message_digests` command) or never. A message is emailed at most once, and not at all once
it was read in the app.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nastavnik.accounts.models import User
from nastavnik.messaging.models import EmailFrequency, Message, MessagingPreference
from nastavnik.messaging.selectors import email_frequency_for
from nastavnik.relationships.models import Relationship

BODY_MAX_LENGTH = 10000


def message_send(*, relationship: Relationship, by: User, body: str) -> Message:
    """Add a message to the thread for the other side; emailed now if they asked for that."""
    if not relationship.is_active:
        raise PermissionDenied(
            _("This mentorship has ended: its messages can be read but not added.")
        )
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write a message.")})
    message = Message(
        relationship=relationship, author=by, recipient=relationship.other_side(by), body=body
    )
    message.full_clean()
    message.save()
    if email_frequency_for(user=message.recipient) == EmailFrequency.IMMEDIATELY:
        from nastavnik.messaging.tasks import send_message_email

        # The database task backend stores the task in this transaction: no email for a
        # message that was rolled back.
        send_message_email.enqueue(message_id=message.pk)
    return message


def messages_mark_read(*, relationship: Relationship, user: User) -> int:
    """Mark everything the other side wrote to the user in this thread as read."""
    return (
        Message.objects.unread_by(user)
        .filter(relationship=relationship)
        .update(read_at=timezone.now())
    )


def messaging_preference_set(*, user: User, email_frequency: str) -> MessagingPreference:
    """Choose how often to hear of new messages by email."""
    preference = MessagingPreference.objects.filter(user=user).first() or MessagingPreference(
        user=user
    )
    preference.email_frequency = email_frequency
    preference.full_clean()
    preference.save()
    return preference


def _language_of(user: User) -> str:
    # The person's own language when they are not looking, else the site's.
    return user.language or settings.LANGUAGE_CODE


def _thread_link(relationship_id: int) -> str:
    return settings.SITE_URL + reverse("messaging:thread", args=[relationship_id])


def _claim(messages: QuerySet[Message]) -> list[Message]:
    """Lock and mark unread, not yet emailed messages as emailed; only what this call claimed
    is sent, so a second run (or a concurrent one) sends nothing twice."""
    claimed = list(
        messages.filter(read_at__isnull=True, emailed_at__isnull=True)
        .select_for_update()
        .select_related("author", "relationship")
        .order_by("created_at", "pk")
    )
    Message.objects.filter(pk__in=[m.pk for m in claimed]).update(emailed_at=timezone.now())
    return claimed


@transaction.atomic
def message_email_send(*, message_id: int) -> bool:
    """Email one new message to its recipient unless it was read or emailed already."""
    claimed = _claim(Message.objects.filter(pk=message_id))
    if not claimed:
        return False
    message = claimed[0]
    recipient = User.objects.get(pk=message.recipient_id)
    if not recipient.is_active:
        return False
    with translation.override(_language_of(recipient)):
        subject = _("New message from %(name)s") % {"name": message.author}
        body = render_to_string(
            "messaging/email/new_message.txt",
            {
                "recipient": recipient,
                "message": message,
                "link": _thread_link(message.relationship_id),
            },
        )
    send_mail(subject, body, None, [recipient.email])
    return True


def message_digests_send() -> int:
    """Send each daily-digest reader one email listing their unread, not yet emailed messages.

    Idempotent: messages are marked emailed in the same transaction as their digest is sent.
    Returns the number of emails sent.
    """
    other_choices = MessagingPreference.objects.exclude(
        email_frequency=EmailFrequency.DAILY
    ).values("user_id")
    recipient_ids = (
        Message.objects.filter(read_at__isnull=True, emailed_at__isnull=True)
        .exclude(recipient_id__in=other_choices)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by()
    )
    sent = 0
    for recipient in User.objects.filter(pk__in=list(recipient_ids), is_active=True):
        sent += _digest_send(recipient=recipient)
    return sent


@transaction.atomic
def _digest_send(*, recipient: User) -> int:
    messages = _claim(Message.objects.filter(recipient=recipient))
    if not messages:
        return 0
    threads: dict[int, list[Message]] = {}
    for message in messages:
        threads.setdefault(message.relationship_id, []).append(message)
    with translation.override(_language_of(recipient)):
        subject = ngettext(
            "%(count)d new message on Nastavnik",
            "%(count)d new messages on Nastavnik",
            len(messages),
        ) % {"count": len(messages)}
        body = render_to_string(
            "messaging/email/digest.txt",
            {
                "recipient": recipient,
                "threads": [
                    {"author": items[0].author, "messages": items, "link": _thread_link(pk)}
                    for pk, items in threads.items()
                ],
            },
        )
    send_mail(subject, body, None, [recipient.email])
    return 1
