"""A running mentorship: stages, ending, the agreement and the checklist."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.models import User
from nastavnik.notifications.services import notify, user_language
from nastavnik.relationships.models import (
    STAGE_ORDER,
    Agreement,
    ChecklistItem,
    Relationship,
    RelationshipStatus,
    Stage,
)
from nastavnik.relationships.services.checks import (
    become_mentor_url,
    log_event,
    relationship_url,
    require_active,
    require_member,
    tell,
)

AGREEMENT_FIELDS = (
    "meeting_cadence",
    "format",
    "expected_duration",
    "boundaries",
    "confidentiality",
)


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
    require_member(relationship, by)
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    require_active(relationship)
    skipped = list(relationship.checklist.filter(stage=relationship.stage, done_at__isnull=True))
    note = ", ".join(item.label for item in skipped)
    previous = relationship.stage
    url = relationship_url(relationship)
    other = relationship.other_side(by)
    if relationship.stage == Stage.CLOSING:
        _set_status(relationship, status=RelationshipStatus.COMPLETED, by=by, now=now)
        log_event(
            relationship=relationship,
            actor=by,
            action="relationship_completed",
            from_state=RelationshipStatus.ACTIVE,
            to_state=relationship.status,
            note=note,
            now=now,
        )
        tell(
            user=other,
            kind="relationship_completed",
            url=url,
            title=_("%(by)s completed your mentorship"),
            body=_("Congratulations on finishing it together."),
            by=by,
        )
        tell(
            user=relationship.mentee,
            kind="become_mentor",
            url=become_mentor_url(),
            title=_("Pass it on: become a mentor yourself"),
            body=_("What you learnt can help someone else. Fill in a mentor profile."),
        )
        return skipped
    relationship.stage = STAGE_ORDER[STAGE_ORDER.index(relationship.stage) + 1]
    relationship.save(update_fields=["stage"])
    log_event(
        relationship=relationship,
        actor=by,
        action="stage_changed",
        from_state=previous,
        to_state=relationship.stage,
        note=note,
        now=now,
    )
    tell(
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
    require_member(relationship, by)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the mentorship ends.")})
    if len(reason) > 2000:
        raise ValidationError({"reason": _("Keep the reason under 2000 characters.")})
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    require_active(relationship)
    _set_status(relationship, status=RelationshipStatus.ENDED_EARLY, by=by, now=now, reason=reason)
    log_event(
        relationship=relationship,
        actor=by,
        action="relationship_ended",
        from_state=RelationshipStatus.ACTIVE,
        to_state=relationship.status,
        note=reason,
        now=now,
    )
    tell(
        user=relationship.other_side(by),
        kind="relationship_ended",
        url=relationship_url(relationship),
        title=_("%(by)s ended your mentorship"),
        body=_("Reason: %(reason)s"),
        by=by,
        reason=reason,
    )
    return relationship


@transaction.atomic
def agreement_update(*, relationship: Relationship, by: User, **fields: str) -> Agreement:
    """Either side edits the agreement; the other side sees a notification in the app."""
    require_member(relationship, by)
    relationship = Relationship.objects.select_for_update().get(pk=relationship.pk)
    require_active(relationship)
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
    log_event(relationship=relationship, actor=by, action="agreement_updated")
    with translation.override(user_language(user=relationship.other_side(by))):
        notify(
            user=relationship.other_side(by),
            kind="agreement_updated",
            title=str(_("%(by)s updated your agreement") % {"by": by}),
            url=relationship_url(relationship),
            email=False,
        )
    return agreement


def checklist_item_set_done(*, item: ChecklistItem, by: User, done: bool) -> ChecklistItem:
    """Tick or untick a checklist step; either side may, while the mentorship is active."""
    relationship = Relationship.objects.get(pk=item.relationship_id)
    require_member(relationship, by)
    require_active(relationship)
    item.done_at = timezone.now() if done else None
    item.done_by = by if done else None
    item.save(update_fields=["done_at", "done_by"])
    return item
