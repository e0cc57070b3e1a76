"""Mentorship requests and the relationships they become (seed 002: three stages with checklists).

The database guards the invariants: nobody requests themselves, a pair has at most one open request,
and a mentor's active relationships each hold a distinct seat, so the unique (mentor, seat)
constraint is what finally stops capacity from being exceeded under concurrent accepts.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nastavnik.core.models import TimeStampedModel


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the mentor")
    INFO_REQUESTED = "info_requested", _("Mentor asked for more information")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.INFO_REQUESTED)


class MentorshipRequestQuerySet(models.QuerySet["MentorshipRequest"]):
    def open(self) -> "MentorshipRequestQuerySet":
        return self.filter(status__in=OPEN_REQUEST_STATUSES)

    def involving(self, user) -> "MentorshipRequestQuerySet":
        return self.filter(Q(mentee=user) | Q(mentor=user))


class MentorshipRequest(TimeStampedModel):
    """A mentee asks a mentor, with the personal message seed 002 asks for."""

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="requests_sent",
        verbose_name=_("mentee"),
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="requests_received",
        verbose_name=_("mentor"),
    )
    goals = models.TextField(_("what I want to achieve"), blank=True, max_length=2000)
    offer = models.TextField(_("what I can offer in return"), blank=True, max_length=2000)
    time_commitment = models.CharField(_("how much time I can give"), max_length=200, blank=True)
    message = models.TextField(_("personal message"), max_length=4000)
    collective = models.BooleanField(
        _("I am asking several mentors on purpose"),
        default=False,
        help_text=_("Collective mentoring: my other requests stay open when one mentor accepts."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True, max_length=2000)
    suggested_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested other mentor"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = MentorshipRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship request")
        verbose_name_plural = _("mentorship requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(mentee=F("mentor")),
                name="request_not_to_oneself",
                violation_error_message=_("You cannot ask yourself to be your mentor."),
            ),
            models.UniqueConstraint(
                fields=["mentee", "mentor"],
                condition=Q(status__in=OPEN_REQUEST_STATUSES),
                name="request_one_open_per_pair",
                violation_error_message=_("You already have an open request to this mentor."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=RequestStatus.values), name="request_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentee} → {self.mentor} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_REQUEST_STATUSES


class NoteKind(models.TextChoices):
    QUESTION = "question", _("Question from the mentor")
    ANSWER = "answer", _("Answer from the mentee")


class RequestNote(models.Model):
    """A line of the small thread where a mentor asks for more information and the mentee answers."""

    request = models.ForeignKey(
        MentorshipRequest,
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name=_("request"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=NoteKind.choices)
    text = models.TextField(_("text"), max_length=4000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("request note")
        verbose_name_plural = _("request notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:40]}"


class Stage(models.TextChoices):
    INITIAL = "initial", _("Initial stage")
    MAIN = "main", _("Main stage")
    CLOSING = "closing", _("Closing stage")


STAGE_ORDER = [Stage.INITIAL, Stage.MAIN, Stage.CLOSING]


class RelationshipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    ENDED_EARLY = "ended_early", _("Ended early")


class RelationshipQuerySet(models.QuerySet["Relationship"]):
    def active(self) -> "RelationshipQuerySet":
        return self.filter(status=RelationshipStatus.ACTIVE)

    def involving(self, user) -> "RelationshipQuerySet":
        return self.filter(Q(mentee=user) | Q(mentor=user))


class Relationship(models.Model):
    """A mentor and a mentee working together; holds one of the mentor's seats while active."""

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="relationships_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="relationships_as_mentee",
        verbose_name=_("mentee"),
    )
    request = models.OneToOneField(
        MentorshipRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relationship",
        verbose_name=_("request"),
    )
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.INITIAL
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RelationshipStatus.choices,
        default=RelationshipStatus.ACTIVE,
    )
    seat = models.PositiveSmallIntegerField(
        _("seat"),
        help_text=_("Which of the mentor's places (1..capacity) this relationship holds."),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), blank=True, max_length=2000)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )

    objects = RelationshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("relationship")
        verbose_name_plural = _("relationships")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "seat"],
                condition=Q(status="active"),
                name="relationship_one_active_per_seat",
                violation_error_message=_("This mentor has no free place left."),
            ),
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status="active"),
                name="relationship_one_active_per_pair",
                violation_error_message=_("This mentor and mentee already work together."),
            ),
            models.CheckConstraint(
                condition=~Q(mentee=F("mentor")), name="relationship_not_with_oneself"
            ),
            models.CheckConstraint(condition=Q(seat__gte=1), name="relationship_seat_positive"),
            models.CheckConstraint(
                condition=Q(stage__in=Stage.values), name="relationship_stage_valid"
            ),
            models.CheckConstraint(
                condition=(Q(status="active") & Q(ended_at__isnull=True))
                | (Q(status__in=["completed", "ended_early"]) & Q(ended_at__isnull=False)),
                name="relationship_ended_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} & {self.mentee}"

    @property
    def is_active(self) -> bool:
        return self.status == RelationshipStatus.ACTIVE

    def other_side(self, user) -> models.Model:
        return self.mentee if user.pk == self.mentor_id else self.mentor


class ChecklistItem(models.Model):
    """One step of a stage's checklist (seed 002); the key names the step, the label is translated."""

    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        related_name="checklist",
        verbose_name=_("relationship"),
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    key = models.CharField(_("step"), max_length=40)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ticked by"),
    )

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["relationship", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "key"], name="checklist_item_unique_per_relationship"
            )
        ]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        from nastavnik.relationships.checklists import step_label

        return step_label(self.key)

    @property
    def done(self) -> bool:
        return self.done_at is not None


class Agreement(models.Model):
    """What the pair agreed on: cadence, format, duration, boundaries, confidentiality."""

    relationship = models.OneToOneField(
        Relationship,
        on_delete=models.CASCADE,
        related_name="agreement",
        verbose_name=_("relationship"),
    )
    meeting_cadence = models.CharField(
        _("meeting cadence"),
        max_length=200,
        blank=True,
        help_text=_("For example: every two weeks, one hour."),
    )
    format = models.CharField(
        _("format"),
        max_length=200,
        blank=True,
        help_text=_("For example: video calls, chat between meetings."),
    )
    expected_duration = models.CharField(
        _("expected duration"), max_length=200, blank=True, help_text=_("For example: six months.")
    )
    boundaries = models.TextField(_("boundaries"), blank=True, max_length=4000)
    confidentiality = models.TextField(_("confidentiality"), blank=True, max_length=4000)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return str(self.relationship)


class EventAction(models.TextChoices):
    REQUEST_CREATED = "request_created", _("sent the request")
    REQUEST_ACCEPTED = "request_accepted", _("accepted the request")
    REQUEST_DECLINED = "request_declined", _("declined the request")
    REQUEST_WITHDRAWN = "request_withdrawn", _("withdrew the request")
    REQUEST_EXPIRED = "request_expired", _("the request expired")
    INFO_REQUESTED = "info_requested", _("asked for more information")
    INFO_ANSWERED = "info_answered", _("answered the question")
    RELATIONSHIP_STARTED = "relationship_started", _("started the mentorship")
    STAGE_CHANGED = "stage_changed", _("moved to the next stage")
    RELATIONSHIP_COMPLETED = "relationship_completed", _("completed the mentorship")
    RELATIONSHIP_ENDED = "relationship_ended", _("ended the mentorship early")
    AGREEMENT_UPDATED = "agreement_updated", _("updated the agreement")


def state_label(value: str) -> str:
    """The translated name of a request status, relationship status or stage."""
    for choices in (RequestStatus, RelationshipStatus, Stage):
        if value in choices.values:
            return str(choices(value).label)
    return value


class Event(models.Model):
    """A state change of a request or a relationship: who, when, from what to what, and why."""

    request = models.ForeignKey(
        MentorshipRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("request"),
    )
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("relationship"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty when the system made the change, e.g. an expiry."),
    )
    action = models.CharField(_("action"), max_length=40, choices=EventAction.choices)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(request__isnull=False) | Q(relationship__isnull=False),
                name="event_has_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_state} → {self.to_state}"

    @property
    def from_label(self) -> str:
        return state_label(self.from_state)

    @property
    def to_label(self) -> str:
        return state_label(self.to_state)
