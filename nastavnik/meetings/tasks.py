from django_tasks import task

from nastavnik.accounts.models import User
from nastavnik.meetings.models import Meeting
from nastavnik.meetings.reminders import reminder_send
from nastavnik.meetings.services import meeting_invitation_send


@task()
def send_meeting_invitation(*, meeting_id: int, user_id: int, method: str, kind: str) -> None:
    meeting = Meeting.objects.select_related("organizer").filter(pk=meeting_id).first()
    user = User.objects.filter(pk=user_id).first()
    if meeting is not None and user is not None:  # deleted before the worker got to it
        meeting_invitation_send(meeting=meeting, user=user, method=method, kind=kind)


@task()
def send_reminder(*, reminder_id: int) -> None:
    reminder_send(reminder_id=reminder_id)
