from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from nastavnik.accounts.models import User
from nastavnik.notifications.models import Notification


def notifications_for_user(*, user: User) -> QuerySet[Notification]:
    """The person's notifications, newest first."""
    return Notification.objects.filter(user=user)


def unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user).unread().count()


def notification_get_for_user(*, user: User, notification_id: int) -> Notification:
    """One of the person's own notifications; 404 for anyone else's."""
    return get_object_or_404(Notification, pk=notification_id, user=user)
