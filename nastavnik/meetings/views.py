"""Meeting pages and the private calendar feed."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nastavnik.meetings import selectors
from nastavnik.meetings.ics import feed_calendar


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The ICS feed a calendar app subscribes to; the secret token is the only credential."""
    user = selectors.calendar_feed_owner(token=token)
    meetings = selectors.meetings_for_user(user=user).prefetch_related("participants__user")
    body = feed_calendar(meetings=meetings, name=_("Nastavnik meetings"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nastavnik.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
