"""What the request and relationship services share: errors, checks, the event log, telling people."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User
from nastavnik.notifications.services import notify, user_language
from nastavnik.relationships.models import Event, MentorshipRequest, Relationship


class ConflictError(ValidationError):
    """The action clashes with the current state (a 409 in the API, a form error on pages)."""


class MentorUnavailableError(ConflictError):
    """The mentor is full, not accepting requests or not listed."""


def log_event(
    *,
    actor: User | None,
    action: str,
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    request: MentorshipRequest | None = None,
    relationship: Relationship | None = None,
    now: datetime | None = None,
) -> Event:
    return Event.objects.create(
        request=request,
        relationship=relationship,
        actor=actor,
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        created_at=now or timezone.now(),
    )


def tell(
    *, user: User, kind: str, title: str, body: str = "", url: str = "", **params: object
) -> None:
    """Notify a person in their own language; title and body are lazy texts with %(name)s params."""
    with translation.override(user_language(user=user)):
        values = {key: str(value) for key, value in params.items()}
        notify(
            user=user,
            kind=kind,
            title=str(title) % values,
            body=str(body) % values if body else "",
            url=url,
        )


def requests_url() -> str:
    return reverse("relationships:request_list")


def relationship_url(relationship: Relationship) -> str:
    return reverse("relationships:detail", args=[relationship.pk])


def become_mentor_url() -> str:
    """The mentor profile form, where a finished mentee can pass it on."""
    try:
        return reverse("profiles:mentor")
    except NoReverseMatch:  # if the profile pages rename it, their dashboard still links to it
        return reverse("profiles:dashboard")


def require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied(_("You cannot do this."))


def require_open(request: MentorshipRequest) -> None:
    if not request.is_open:
        raise ConflictError(
            _("This request is already %(status)s.") % {"status": request.get_status_display()},
            code="request_closed",
        )


def require_active(relationship: Relationship) -> None:
    if not relationship.is_active:
        raise ConflictError(_("This mentorship has ended."), code="relationship_ended")


def require_member(relationship: Relationship, user: User) -> None:
    require(user.pk in (relationship.mentor_id, relationship.mentee_id))
