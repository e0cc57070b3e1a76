"""Reading a pair's message thread and what is unread, scoped through the relationship selectors."""

from django.db.models import Count, QuerySet

from nastavnik.accounts.models import User
from nastavnik.messaging.models import EmailFrequency, Message, MessagingPreference
from nastavnik.relationships.models import Relationship


def messages_for_relationship(*, relationship: Relationship) -> QuerySet[Message]:
    """The thread, oldest first."""
    return relationship.messages.select_related("author")


def unread_count(*, user: User) -> int:
    """Messages to the user, in any of their relationships, that they have not opened."""
    return Message.objects.unread_by(user).count()


def unread_counts_by_relationship(*, user: User) -> dict[int, int]:
    rows = (
        Message.objects.unread_by(user).values("relationship_id").annotate(n=Count("pk")).order_by()
    )
    return {row["relationship_id"]: row["n"] for row in rows}


def email_frequency_for(*, user: User) -> str:
    """The user's choice, or the default (a daily digest) when they never chose."""
    preference = MessagingPreference.objects.filter(user=user).first()
    return preference.email_frequency if preference else EmailFrequency.DAILY
