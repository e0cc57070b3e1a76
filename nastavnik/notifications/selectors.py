from django.db.models import QuerySet

from nastavnik.accounts.models import User
from nastavnik.notifications.models import Notification


def notifications_for_user(*, user: User) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(user=user)


def unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user).unread().count()
