"""Mentorship requests: asking, deciding, the question-and-answer thread and expiry."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User
from nastavnik.profiles.models import MentorProfile
from nastavnik.relationships.checklists import STAGE_STEPS
from nastavnik.relationships.models import (
    STAGE_ORDER,
    Agreement,
    ChecklistItem,
    MentorshipRequest,
    NoteKind,
    Relationship,
    RequestNote,
    RequestStatus,
)
from nastavnik.relationships.services.checks import (
    ConflictError,
    MentorUnavailableError,
    log_event,
    relationship_url,
    requests_url,
    require,
    require_open,
    tell,
)


def mentor_unavailable_reason(*, mentor: User) -> str | None:
    """Why the mentor cannot be requested now, or None if they can."""
    from nastavnik.relationships.selectors import mentor_capacity_left

    profile = MentorProfile.objects.filter(user=mentor).first()
    if profile is None or not profile.is_published or not mentor.is_active:
        return str(_("This person is not a listed mentor."))
    if not profile.accepting_requests:
        return str(_("This mentor is not accepting requests at the moment."))
    if mentor_capacity_left(mentor=mentor) <= 0:
        return str(_("This mentor has no free places at the moment."))
    return None


def request_create(
    *,
    mentee: User,
    mentor: User,
    message: str,
    goals: str = "",
    offer: str = "",
    time_commitment: str = "",
    collective: bool = False,
    now: datetime | None = None,
) -> MentorshipRequest:
    """A mentee asks a mentor; the mentor is told. The request expires after REQUEST_EXPIRY_DAYS."""
    now = now or timezone.now()
    if mentee.pk == mentor.pk:
        raise ValidationError({"mentor": _("You cannot ask yourself to be your mentor.")})
    reason = mentor_unavailable_reason(mentor=mentor)
    if reason:
        raise MentorUnavailableError({"mentor": reason}, code="mentor_unavailable")
    if MentorshipRequest.objects.open().filter(mentee=mentee, mentor=mentor).exists():
        raise ConflictError({"mentor": _("You already have an open request to this mentor.")})
    if Relationship.objects.active().filter(mentee=mentee, mentor=mentor).exists():
        raise ConflictError({"mentor": _("You already work with this mentor.")})
    request = MentorshipRequest(
        mentee=mentee,
        mentor=mentor,
        message=message,
        goals=goals,
        offer=offer,
        time_commitment=time_commitment,
        collective=collective,
        expires_at=now + timedelta(days=settings.REQUEST_EXPIRY_DAYS),
    )
    # The constraints are checked by the final save; two identical submissions racing lose here.
    request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
            log_event(
                request=request,
                actor=mentee,
                action="request_created",
                to_state=request.status,
                now=now,
            )
            tell(
                user=mentor,
                kind="request_received",
                title=_("%(mentee)s asks you to be their mentor"),
                body=_("Read the request and accept or decline it within %(days)s days."),
                url=requests_url(),
                mentee=mentee,
                days=settings.REQUEST_EXPIRY_DAYS,
            )
    except IntegrityError:
        raise ConflictError(
            {"mentor": _("You already have an open request to this mentor.")}
        ) from None
    return request


def _free_seat(*, mentor: User) -> int:
    """Lock the mentor's profile row and pick the lowest free seat; raise when all are taken.

    The lock serialises accepts of one mentor; the unique (mentor, seat) constraint is the guard
    that holds even without it.
    """
    profile = MentorProfile.objects.select_for_update().filter(user=mentor).first()
    capacity = profile.capacity if profile else 0
    taken = set(Relationship.objects.active().filter(mentor=mentor).values_list("seat", flat=True))
    for seat in range(1, capacity + 1):
        if seat not in taken:
            return seat
    raise MentorUnavailableError(
        _("You have no free places: end a mentorship or raise your capacity first."),
        code="mentor_full",
    )


def _checklist_create(relationship: Relationship) -> None:
    items = [
        ChecklistItem(relationship=relationship, stage=stage, key=key, position=position)
        for position, (stage, key) in enumerate(
            (stage, key) for stage in STAGE_ORDER for key, _label in STAGE_STEPS[stage]
        )
    ]
    ChecklistItem.objects.bulk_create(items)


def _request_status_set(
    *,
    request: MentorshipRequest,
    status: str,
    by: User | None,
    action: str,
    now: datetime,
    note: str = "",
    fields: tuple[str, ...] = (),
) -> None:
    """Moves a request to a new status, saving `fields` too, and records the change in the log."""
    previous = request.status
    request.status = status
    if status not in (RequestStatus.PENDING, RequestStatus.INFO_REQUESTED):
        request.decided_at = now
        fields = (*fields, "decided_at")
    request.save(update_fields=["status", *fields, "updated_at"])
    log_event(
        request=request,
        actor=by,
        action=action,
        from_state=previous,
        to_state=status,
        note=note,
        now=now,
    )


@transaction.atomic
def request_accept(
    *, request: MentorshipRequest, by: User, now: datetime | None = None
) -> Relationship:
    """The mentor accepts: the pair gets a relationship holding one of the mentor's seats.

    The mentee's other open requests are withdrawn (and their mentors told) unless this request
    was collective. Raises MentorUnavailableError when no seat is free, even under a race.
    """
    now = now or timezone.now()
    require(by.pk == request.mentor_id)
    seat = _free_seat(mentor=request.mentor)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    require_open(request)
    if request.expires_at <= now:
        raise ConflictError(_("This request has expired."), code="request_expired")
    try:
        with transaction.atomic():
            relationship = Relationship.objects.create(
                mentor_id=request.mentor_id,
                mentee_id=request.mentee_id,
                request=request,
                seat=seat,
                started_at=now,
            )
    except IntegrityError:
        # Another accept took the seat (or the pair already works together) in the meantime.
        raise MentorUnavailableError(
            _("You have no free places: end a mentorship or raise your capacity first."),
            code="mentor_full",
        ) from None
    _request_status_set(
        request=request, status=RequestStatus.ACCEPTED, by=by, action="request_accepted", now=now
    )
    log_event(
        relationship=relationship,
        actor=by,
        action="relationship_started",
        to_state=relationship.stage,
        now=now,
    )
    _checklist_create(relationship)
    Agreement.objects.create(relationship=relationship)
    url = relationship_url(relationship)
    tell(
        user=request.mentee,
        kind="request_accepted",
        url=url,
        title=_("%(mentor)s accepted your request"),
        body=_("Your mentorship has started. Begin with introductions and an agreement."),
        mentor=request.mentor,
    )
    tell(
        user=request.mentor,
        kind="relationship_started",
        url=url,
        title=_("Your mentorship with %(mentee)s has started"),
        body=_("Begin with introductions and an agreement."),
        mentee=request.mentee,
    )
    if not request.collective:
        _withdraw_other_requests(request=request, now=now)
    return relationship


def _withdraw_other_requests(*, request: MentorshipRequest, now: datetime) -> None:
    others = (
        MentorshipRequest.objects.open().filter(mentee_id=request.mentee_id).exclude(pk=request.pk)
    )
    for other in others.select_related("mentor", "mentee"):
        _request_status_set(
            request=other,
            status=RequestStatus.WITHDRAWN,
            by=None,
            action="request_withdrawn",
            now=now,
            note=str(_("The mentee started a mentorship with another mentor.")),
        )
        tell(
            user=other.mentor,
            kind="request_withdrawn",
            url=requests_url(),
            title=_("%(mentee)s withdrew their request"),
            body=_("They started a mentorship with another mentor. Thank you for your time."),
            mentee=other.mentee,
        )


@transaction.atomic
def request_decline(
    *,
    request: MentorshipRequest,
    by: User,
    reason: str = "",
    suggested_mentor: User | None = None,
    now: datetime | None = None,
) -> MentorshipRequest:
    """The mentor declines, optionally saying why and suggesting another mentor."""
    now = now or timezone.now()
    require(by.pk == request.mentor_id)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    require_open(request)
    if suggested_mentor is not None and suggested_mentor.pk in (
        request.mentor_id,
        request.mentee_id,
    ):
        raise ValidationError(
            {"suggested_mentor": _("Suggest someone other than yourself and the mentee.")}
        )
    request.decline_reason = reason
    request.suggested_mentor = suggested_mentor
    request.full_clean(validate_constraints=False)
    _request_status_set(
        request=request,
        status=RequestStatus.DECLINED,
        by=by,
        action="request_declined",
        now=now,
        note=reason,
        fields=("decline_reason", "suggested_mentor"),
    )
    if suggested_mentor is None:
        body = _("Reason: %(reason)s") if reason else ""
    elif reason:
        body = _("Reason: %(reason)s\nThey suggest you ask %(suggested)s.")
    else:
        body = _("They suggest you ask %(suggested)s.")
    tell(
        user=request.mentee,
        kind="request_declined",
        url=requests_url(),
        title=_("%(mentor)s declined your request"),
        body=body,
        mentor=request.mentor,
        reason=reason or "—",
        suggested=suggested_mentor or "",
    )
    return request


@transaction.atomic
def request_withdraw(
    *, request: MentorshipRequest, by: User, now: datetime | None = None
) -> MentorshipRequest:
    """The mentee takes the request back; the mentor is told."""
    now = now or timezone.now()
    require(by.pk == request.mentee_id)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    require_open(request)
    _request_status_set(
        request=request, status=RequestStatus.WITHDRAWN, by=by, action="request_withdrawn", now=now
    )
    tell(
        user=request.mentor,
        kind="request_withdrawn",
        url=requests_url(),
        title=_("%(mentee)s withdrew their request"),
        mentee=request.mentee,
    )
    return request


def _note_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write something first.")})
    return text


@transaction.atomic
def request_ask_info(
    *, request: MentorshipRequest, by: User, text: str, now: datetime | None = None
) -> RequestNote:
    """Before deciding, the mentor asks the mentee for more information."""
    now = now or timezone.now()
    require(by.pk == request.mentor_id)
    text = _note_text(text)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    require_open(request)
    note = RequestNote(
        request=request, author=by, kind=NoteKind.QUESTION, text=text, created_at=now
    )
    note.full_clean()
    note.save()
    _request_status_set(
        request=request,
        status=RequestStatus.INFO_REQUESTED,
        by=by,
        action="info_requested",
        now=now,
        note=text,
    )
    tell(
        user=request.mentee,
        kind="info_requested",
        url=requests_url(),
        title=_("%(mentor)s asks for more information"),
        body=text,
        mentor=request.mentor,
    )
    return note


@transaction.atomic
def request_answer_info(
    *, request: MentorshipRequest, by: User, text: str, now: datetime | None = None
) -> RequestNote:
    """The mentee answers the mentor's question; the request waits for a decision again.

    The mentor gets at least a full day more to decide, so an answer never lands on an expired
    request.
    """
    now = now or timezone.now()
    require(by.pk == request.mentee_id)
    text = _note_text(text)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    require_open(request)
    if request.status != RequestStatus.INFO_REQUESTED:
        raise ConflictError(_("The mentor has not asked anything yet."), code="no_question")
    note = RequestNote(request=request, author=by, kind=NoteKind.ANSWER, text=text, created_at=now)
    note.full_clean()
    note.save()
    request.expires_at = max(request.expires_at, now + timedelta(days=2))
    _request_status_set(
        request=request,
        status=RequestStatus.PENDING,
        by=by,
        action="info_answered",
        now=now,
        note=text,
        fields=("expires_at",),
    )
    tell(
        user=request.mentor,
        kind="info_answered",
        url=requests_url(),
        title=_("%(mentee)s answered your question"),
        body=text,
        mentee=request.mentee,
    )
    return note


def requests_expire(*, now: datetime | None = None) -> tuple[int, int]:
    """Remind mentors a day before a request expires, and expire overdue requests.

    Idempotent: each request is reminded and expired at most once, by a conditional update, so
    running it twice (or in two processes) tells nobody twice. Returns (reminded, expired).
    """
    now = now or timezone.now()
    reminded = expired = 0
    due_soon = MentorshipRequest.objects.open().filter(
        reminded_at__isnull=True, expires_at__gt=now, expires_at__lte=now + timedelta(days=1)
    )
    for request in due_soon.select_related("mentor", "mentee"):
        with transaction.atomic():
            claimed = MentorshipRequest.objects.filter(
                pk=request.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                reminded += 1
                tell(
                    user=request.mentor,
                    kind="request_reminder",
                    url=requests_url(),
                    title=_("%(mentee)s is waiting for your answer"),
                    body=_("The request expires tomorrow. Please accept or decline it."),
                    mentee=request.mentee,
                )
    overdue = MentorshipRequest.objects.open().filter(expires_at__lte=now)
    for request in overdue.select_related("mentor", "mentee"):
        with transaction.atomic():
            claimed = (
                MentorshipRequest.objects.open()
                .filter(pk=request.pk)
                .update(status=RequestStatus.EXPIRED, decided_at=now, updated_at=now)
            )
            if claimed:
                expired += 1
                log_event(
                    request=request,
                    actor=None,
                    action="request_expired",
                    from_state=request.status,
                    to_state=RequestStatus.EXPIRED,
                    now=now,
                )
                tell(
                    user=request.mentee,
                    kind="request_expired",
                    url=requests_url(),
                    title=_("Your request to %(mentor)s expired"),
                    body=_("The mentor did not answer in time. You can ask another mentor."),
                    mentor=request.mentor,
                )
    return reminded, expired
