"""Changing requests and relationships. Every state change is written to the event log.

Services check that `by` may act (PermissionDenied otherwise); finding the object for a user is the
selectors' job, which gives outsiders a 404 before a service is ever called.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User
from nastavnik.notifications.services import notify, user_language
from nastavnik.profiles.models import MentorProfile
from nastavnik.relationships.checklists import STAGE_STEPS
from nastavnik.relationships.models import (
    STAGE_ORDER,
    Agreement,
    ChecklistItem,
    Event,
    MentorshipRequest,
    NoteKind,
    Relationship,
    RelationshipStatus,
    RequestNote,
    RequestStatus,
    Stage,
)


class ConflictError(ValidationError):
    """The action clashes with the current state (a 409 in the API, a form error on pages)."""


class MentorUnavailableError(ConflictError):
    """The mentor is full, not accepting requests or not listed."""


AGREEMENT_FIELDS = (
    "meeting_cadence",
    "format",
    "expected_duration",
    "boundaries",
    "confidentiality",
)


def _log(
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


def _tell(
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


def _requests_url() -> str:
    return reverse("relationships:request_list")


def _relationship_url(relationship: Relationship) -> str:
    return reverse("relationships:detail", args=[relationship.pk])


def _become_mentor_url() -> str:
    try:
        return reverse("profiles:mentor_edit")
    except NoReverseMatch:  # the profile pages name it differently; the dashboard links to it
        return reverse("profiles:dashboard")


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied(_("You cannot do this."))


def _require_open(request: MentorshipRequest) -> None:
    if not request.is_open:
        raise ConflictError(
            _("This request is already %(status)s.") % {"status": request.get_status_display()},
            code="request_closed",
        )


def _require_active(relationship: Relationship) -> None:
    if not relationship.is_active:
        raise ConflictError(_("This mentorship has ended."), code="relationship_ended")


def _require_member(relationship: Relationship, user: User) -> None:
    _require(user.pk in (relationship.mentor_id, relationship.mentee_id))


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
            _log(
                request=request,
                actor=mentee,
                action="request_created",
                to_state=request.status,
                now=now,
            )
            _tell(
                user=mentor,
                kind="request_received",
                title=_("%(mentee)s asks you to be their mentor"),
                body=_("Read the request and accept or decline it within %(days)s days."),
                url=_requests_url(),
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


@transaction.atomic
def request_accept(
    *, request: MentorshipRequest, by: User, now: datetime | None = None
) -> Relationship:
    """The mentor accepts: the pair gets a relationship holding one of the mentor's seats.

    The mentee's other open requests are withdrawn (and their mentors told) unless this request
    was collective. Raises MentorUnavailableError when no seat is free, even under a race.
    """
    now = now or timezone.now()
    _require(by.pk == request.mentor_id)
    seat = _free_seat(mentor=request.mentor)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
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
    previous = request.status
    request.status = RequestStatus.ACCEPTED
    request.decided_at = now
    request.save(update_fields=["status", "decided_at", "updated_at"])
    _log(
        request=request,
        actor=by,
        action="request_accepted",
        from_state=previous,
        to_state=request.status,
        now=now,
    )
    _log(
        relationship=relationship,
        actor=by,
        action="relationship_started",
        to_state=relationship.stage,
        now=now,
    )
    _checklist_create(relationship)
    Agreement.objects.create(relationship=relationship)
    url = _relationship_url(relationship)
    _tell(
        user=request.mentee,
        kind="request_accepted",
        url=url,
        title=_("%(mentor)s accepted your request"),
        body=_("Your mentorship has started. Begin with introductions and an agreement."),
        mentor=request.mentor,
    )
    _tell(
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
        previous = other.status
        other.status = RequestStatus.WITHDRAWN
        other.decided_at = now
        other.save(update_fields=["status", "decided_at", "updated_at"])
        _log(
            request=other,
            actor=None,
            action="request_withdrawn",
            from_state=previous,
            to_state=other.status,
            now=now,
            note=str(_("The mentee started a mentorship with another mentor.")),
        )
        _tell(
            user=other.mentor,
            kind="request_withdrawn",
            url=_requests_url(),
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
    _require(by.pk == request.mentor_id)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    if suggested_mentor is not None and suggested_mentor.pk in (
        request.mentor_id,
        request.mentee_id,
    ):
        raise ValidationError(
            {"suggested_mentor": _("Suggest someone other than yourself and the mentee.")}
        )
    previous = request.status
    request.status = RequestStatus.DECLINED
    request.decline_reason = reason
    request.suggested_mentor = suggested_mentor
    request.decided_at = now
    request.full_clean(validate_constraints=False)
    request.save()
    _log(
        request=request,
        actor=by,
        action="request_declined",
        from_state=previous,
        to_state=request.status,
        note=reason,
        now=now,
    )
    body = _("Reason: %(reason)s") if reason else ""
    if suggested_mentor is not None:
        body = _("Reason: %(reason)s\nThey suggest you ask %(suggested)s.")
    _tell(
        user=request.mentee,
        kind="request_declined",
        url=_requests_url(),
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
    _require(by.pk == request.mentee_id)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    previous = request.status
    request.status = RequestStatus.WITHDRAWN
    request.decided_at = now
    request.save(update_fields=["status", "decided_at", "updated_at"])
    _log(
        request=request,
        actor=by,
        action="request_withdrawn",
        from_state=previous,
        to_state=request.status,
        now=now,
    )
    _tell(
        user=request.mentor,
        kind="request_withdrawn",
        url=_requests_url(),
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
    _require(by.pk == request.mentor_id)
    text = _note_text(text)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    note = RequestNote(
        request=request, author=by, kind=NoteKind.QUESTION, text=text, created_at=now
    )
    note.full_clean()
    note.save()
    previous = request.status
    request.status = RequestStatus.INFO_REQUESTED
    request.save(update_fields=["status", "updated_at"])
    _log(
        request=request,
        actor=by,
        action="info_requested",
        from_state=previous,
        to_state=request.status,
        note=text,
        now=now,
    )
    _tell(
        user=request.mentee,
        kind="info_requested",
        url=_requests_url(),
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
    _require(by.pk == request.mentee_id)
    text = _note_text(text)
    request = MentorshipRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    if request.status != RequestStatus.INFO_REQUESTED:
        raise ConflictError(_("The mentor has not asked anything yet."), code="no_question")
    note = RequestNote(request=request, author=by, kind=NoteKind.ANSWER, text=text, created_at=now)
    note.full_clean()
    note.save()
    previous = request.status
    request.status = RequestStatus.PENDING
    request.expires_at = max(request.expires_at, now + timedelta(days=2))
    request.save(update_fields=["status", "expires_at", "updated_at"])
    _log(
        request=request,
        actor=by,
        action="info_answered",
        from_state=previous,
        to_state=request.status,
        note=text,
        now=now,
    )
    _tell(
        user=request.mentor,
        kind="info_answered",
        url=_requests_url(),
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
                _tell(
                    user=request.mentor,
                    kind="request_reminder",
                    url=_requests_url(),
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
                _log(
                    request=request,
                    actor=None,
                    action="request_expired",
                    from_state=request.status,
                    to_state=RequestStatus.EXPIRED,
                    now=now,
                )
                _tell(
                    user=request.mentee,
                    kind="request_expired",
                    url=_requests_url(),
                    title=_("Your request to %(mentor)s expired"),
                    body=_("The mentor did not answer in time. You can ask another mentor."),
                    mentor=request.mentor,
                )
    return reminded, expired


def _set_status(
    relationship: Relationship, *, status: str, by: User, now: datetime, reason: str = ""
) -> None:
    relationship.status = status
    relationship.ended_at = now
    relationship.ended_by = by
    relationship.end_reason = reason
    relationship.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])


@transaction.atomic
def relationship_advance(
    *, relationship: Relationship, by: User, now: datetime | None = None
) -> list[ChecklistItem]:
    """Move to the next stage; from the closing stage this completes the mentorship.

    Open checklist items of the current stage do not block (pairs differ, seed 002 is a guide);
    they are returned so that the caller can say what was skipped and are noted in the log.
    Completing invites the mentee to become a mentor.
    """
    now = now or timezone.now()
    _require_member(relationship, by)
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    _require_active(relationship)
    skipped = list(relationship.checklist.filter(stage=relationship.stage, done_at__isnull=True))
    note = ", ".join(item.label for item in skipped)
    previous = relationship.stage
    url = _relationship_url(relationship)
    other = relationship.other_side(by)
    if relationship.stage == Stage.CLOSING:
        _set_status(relationship, status=RelationshipStatus.COMPLETED, by=by, now=now)
        _log(
            relationship=relationship,
            actor=by,
            action="relationship_completed",
            from_state=RelationshipStatus.ACTIVE,
            to_state=relationship.status,
            note=note,
            now=now,
        )
        _tell(
            user=other,
            kind="relationship_completed",
            url=url,
            title=_("%(by)s completed your mentorship"),
            body=_("Congratulations on finishing it together."),
            by=by,
        )
        _tell(
            user=relationship.mentee,
            kind="become_mentor",
            url=_become_mentor_url(),
            title=_("Pass it on: become a mentor yourself"),
            body=_("What you learnt can help someone else. Fill in a mentor profile."),
        )
        return skipped
    relationship.stage = STAGE_ORDER[STAGE_ORDER.index(relationship.stage) + 1]
    relationship.save(update_fields=["stage"])
    _log(
        relationship=relationship,
        actor=by,
        action="stage_changed",
        from_state=previous,
        to_state=relationship.stage,
        note=note,
        now=now,
    )
    _tell(
        user=other,
        kind="stage_changed",
        url=url,
        title=_("Your mentorship moved to the %(stage)s"),
        body="",
        stage=relationship.get_stage_display().lower(),
    )
    return skipped


@transaction.atomic
def relationship_end(
    *, relationship: Relationship, by: User, reason: str, now: datetime | None = None
) -> Relationship:
    """Either side ends the mentorship early, with a reason; the mentor's seat is freed."""
    now = now or timezone.now()
    _require_member(relationship, by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the mentorship ends.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Keep the reason under 2000 characters.")})
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    _require_active(relationship)
    _set_status(relationship, status=RelationshipStatus.ENDED_EARLY, by=by, now=now, reason=reason)
    _log(
        relationship=relationship,
        actor=by,
        action="relationship_ended",
        from_state=RelationshipStatus.ACTIVE,
        to_state=relationship.status,
        note=reason,
        now=now,
    )
    _tell(
        user=relationship.other_side(by),
        kind="relationship_ended",
        url=_relationship_url(relationship),
        title=_("%(by)s ended your mentorship"),
        body=_("Reason: %(reason)s"),
        by=by,
        reason=reason,
    )
    return relationship


@transaction.atomic
def agreement_update(*, relationship: Relationship, by: User, **fields: str) -> Agreement:
    """Either side edits the agreement; the other side sees a notification in the app."""
    _require_member(relationship, by)
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    _require_active(relationship)
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise ValidationError({name: _("Unknown field.") for name in sorted(unknown)})
    agreement, _created = Agreement.objects.select_for_update().get_or_create(
        relationship=relationship
    )
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.updated_by = by
    agreement.full_clean()
    agreement.save()
    _log(relationship=relationship, actor=by, action="agreement_updated")
    with translation.override(user_language(user=relationship.other_side(by))):
        notify(
            user=relationship.other_side(by),
            kind="agreement_updated",
            title=str(_("%(by)s updated your agreement") % {"by": by}),
            url=_relationship_url(relationship),
            email=False,
        )
    return agreement


def checklist_item_set_done(*, item: ChecklistItem, by: User, done: bool) -> ChecklistItem:
    """Tick or untick a checklist step; either side may, while the mentorship is active."""
    relationship = Relationship.objects.get(pk=item.relationship_id)
    _require_member(relationship, by)
    _require_active(relationship)
    item.done_at = timezone.now() if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_at", "done_by"])
    return item
