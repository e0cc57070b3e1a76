from django_tasks import task

from nastavnik.notifications.models import Notification
from nastavnik.notifications.services import notification_email_send


@task()
def send_notification_email(*, notification_id: int) -> None:
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is not None:  # deleted with its user before the worker got to it
        notification_email_send(notification=notification)
