from django_tasks import task

from nastavnik.messaging.services import message_email_send


@task()
def send_message_email(*, message_id: int) -> None:
    message_email_send(message_id=message_id)
