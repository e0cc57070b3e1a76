from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from nastavnik.notifications.models import Notification
from nastavnik.relationships.models import (
    Event,
    MentorshipRequest,
    Relationship,
    RelationshipStatus,
    RequestStatus,
    Stage,
)
from nastavnik.relationships.selectors import active_mentee_counts, mentor_capacity_left
from nastavnik.relationships.services import (
    ConflictError,
    MentorUnavailableError,
    agreement_update,
    checklist_item_set_done,
    relationship_advance,
    relationship_end,
    request_accept,
    request_answer_info,
    request_ask_info,
    request_create,
    request_decline,
    request_withdraw,
)
from nastavnik.relationships.tests.factories import (
    MenteeUserFactory,
    MentorshipRequestFactory,
    MentorUserFactory,
)


def test_request_tells_the_mentor_in_app_and_by_email(mentor, mentee):
    request = request_create(
        mentee=mentee,
        mentor=mentor,
        message="Please help me with SQL.",
        goals="A first analyst job",
        offer="Marketing know-how",
        time_commitment="Two hours a week",
    )

    assert request.status == RequestStatus.PENDING
    assert Notification.objects.get(user=mentor).kind == "request_received"
    assert [m.to for m in mail.outbox] == [[mentor.email]]
    assert request.events.get().action == "request_created"


def test_request_expires_after_the_configured_number_of_days(settings, mentor, mentee):
    settings.REQUEST_EXPIRY_DAYS = 3
    before = timezone.now()

    request = request_create(mentee=mentee, mentor=mentor, message="Hello")

    assert before + timedelta(days=3) <= request.expires_at <= timezone.now() + timedelta(days=3)


def test_nobody_can_request_themselves(mentor):
    with pytest.raises(ValidationError) as error:
        request_create(mentee=mentor, mentor=mentor, message="Me, myself")

    assert "mentor" in error.value.message_dict


def test_the_database_refuses_a_request_to_oneself(mentor):
    with pytest.raises(IntegrityError):
        MentorshipRequestFactory(mentee=mentor, mentor=mentor)


def test_a_second_open_request_to_the_same_mentor_is_refused(open_request, mentor, mentee):
    with pytest.raises(ConflictError):
        request_create(mentee=mentee, mentor=mentor, message="Again")


def test_the_database_allows_only_one_open_request_per_pair(open_request, mentor, mentee):
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorshipRequestFactory(mentee=mentee, mentor=mentor)
    request_withdraw(request=open_request, by=mentee)

    MentorshipRequestFactory(mentee=mentee, mentor=mentor)  # a closed one does not count


def test_a_mentor_who_is_not_accepting_cannot_be_requested(mentor, mentee):
    mentor.mentor_profile.accepting_requests = False
    mentor.mentor_profile.save()

    with pytest.raises(MentorUnavailableError):
        request_create(mentee=mentee, mentor=mentor, message="Hello")


def test_a_full_mentor_cannot_be_requested(mentor, mentee):
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    other = MenteeUserFactory()
    request_accept(request=request_create(mentee=other, mentor=mentor, message="Hi"), by=mentor)

    with pytest.raises(MentorUnavailableError):
        request_create(mentee=mentee, mentor=mentor, message="Hello")


def test_a_person_without_a_mentor_profile_cannot_be_requested(mentee, outsider):
    with pytest.raises(MentorUnavailableError):
        request_create(mentee=mentee, mentor=outsider, message="Hello")


def test_accepting_starts_a_relationship_with_checklist_and_agreement(open_request, mentor):
    relationship = request_accept(request=open_request, by=mentor)

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.ACCEPTED
    assert relationship.stage == Stage.INITIAL
    assert relationship.seat == 1
    assert relationship.checklist.count() == 12
    assert list(
        relationship.checklist.filter(stage=Stage.INITIAL).values_list("key", flat=True)
    ) == ["introductions", "goals", "assessment", "schedule"]
    assert relationship.agreement.meeting_cadence == ""


def test_accepting_notifies_both_sides_by_email(open_request, mentor, mentee):
    mail.outbox.clear()

    request_accept(request=open_request, by=mentor)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([mentor.email, mentee.email])
    assert Notification.objects.filter(user=mentee, kind="request_accepted").exists()


def test_only_the_mentor_can_accept(open_request, mentee, outsider):
    for person in (mentee, outsider):
        with pytest.raises(PermissionDenied):
            request_accept(request=open_request, by=person)
    assert not Relationship.objects.exists()


def test_accepting_withdraws_the_mentees_other_requests_and_tells_their_mentors(
    open_request, mentor, mentee
):
    other_mentor = MentorUserFactory()
    other = request_create(mentee=mentee, mentor=other_mentor, message="Hi")

    request_accept(request=open_request, by=mentor)

    other.refresh_from_db()
    assert other.status == RequestStatus.WITHDRAWN
    assert Notification.objects.filter(user=other_mentor, kind="request_withdrawn").exists()
    assert other.events.last().actor is None


def test_collective_requests_stay_open_when_one_mentor_accepts(mentor, mentee):
    other_mentor = MentorUserFactory()
    first = request_create(mentee=mentee, mentor=mentor, message="Hi", collective=True)
    second = request_create(mentee=mentee, mentor=other_mentor, message="Hi", collective=True)

    request_accept(request=first, by=mentor)

    second.refresh_from_db()
    assert second.status == RequestStatus.PENDING
    request_accept(request=second, by=other_mentor)
    assert Relationship.objects.filter(mentee=mentee).active().count() == 2


def test_accepting_beyond_capacity_is_refused(mentor):
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    first = request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi")
    second = request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi")
    request_accept(request=first, by=mentor)

    with pytest.raises(MentorUnavailableError):
        request_accept(request=second, by=mentor)

    second.refresh_from_db()
    assert second.status == RequestStatus.PENDING
    assert mentor_capacity_left(mentor=mentor) == 0


def test_lowering_capacity_below_active_mentees_keeps_them_but_takes_nobody_new(mentor):
    requests = [
        request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi") for _ in range(3)
    ]
    request_accept(request=requests[0], by=mentor)
    request_accept(request=requests[1], by=mentor)
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()

    with pytest.raises(MentorUnavailableError):
        request_accept(request=requests[2], by=mentor)
    assert mentor_capacity_left(mentor=mentor) == 0
    assert active_mentee_counts([mentor.pk]) == {mentor.pk: 2}


def test_the_database_refuses_two_active_relationships_in_one_seat(relationship, mentor):
    with pytest.raises(IntegrityError):
        Relationship.objects.create(mentor=mentor, mentee=MenteeUserFactory(), seat=1)


def test_an_ended_relationship_frees_its_seat(mentor):
    mentor.mentor_profile.capacity = 1
    mentor.mentor_profile.save()
    first = request_accept(
        request=request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi"), by=mentor
    )
    relationship_end(relationship=first, by=mentor, reason="Moved abroad")

    second = request_accept(
        request=request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi"), by=mentor
    )

    assert second.seat == 1


def test_an_expired_request_cannot_be_accepted(open_request, mentor):
    MentorshipRequest.objects.filter(pk=open_request.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    with pytest.raises(ConflictError):
        request_accept(request=open_request, by=mentor)


def test_declining_records_reason_and_suggestion_and_tells_the_mentee(open_request, mentor, mentee):
    suggested = MentorUserFactory(name="Sergey Suggested")

    request_decline(
        request=open_request, by=mentor, reason="No time this month", suggested_mentor=suggested
    )

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.DECLINED
    assert open_request.suggested_mentor == suggested
    note = Notification.objects.get(user=mentee, kind="request_declined")
    assert "No time this month" in note.body
    assert "Sergey Suggested" in note.body


def test_a_suggestion_without_a_reason_does_not_show_an_empty_reason(open_request, mentor, mentee):
    suggested = MentorUserFactory(name="Sergey Suggested")

    request_decline(request=open_request, by=mentor, suggested_mentor=suggested)

    open_request.refresh_from_db()
    assert open_request.decided_at is not None
    note = Notification.objects.get(user=mentee, kind="request_declined")
    assert "Sergey Suggested" in note.body
    assert "Reason" not in note.body


def test_a_decided_request_cannot_be_decided_again(open_request, mentor, mentee):
    request_decline(request=open_request, by=mentor)

    with pytest.raises(ConflictError):
        request_accept(request=open_request, by=mentor)
    with pytest.raises(ConflictError):
        request_withdraw(request=open_request, by=mentee)


def test_only_the_mentee_can_withdraw(open_request, mentor):
    with pytest.raises(PermissionDenied):
        request_withdraw(request=open_request, by=mentor)


def test_asking_for_information_and_answering_keeps_a_thread(open_request, mentor, mentee):
    request_ask_info(request=open_request, by=mentor, text="Which SQL dialect?")
    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.INFO_REQUESTED

    request_answer_info(request=open_request, by=mentee, text="PostgreSQL")

    open_request.refresh_from_db()
    assert open_request.status == RequestStatus.PENDING
    assert [(n.kind, n.text) for n in open_request.notes.all()] == [
        ("question", "Which SQL dialect?"),
        ("answer", "PostgreSQL"),
    ]
    assert Notification.objects.filter(user=mentor, kind="info_answered").exists()


def test_an_empty_question_names_the_text_field(open_request, mentor):
    with pytest.raises(ValidationError) as error:
        request_ask_info(request=open_request, by=mentor, text="   ")

    assert "text" in error.value.message_dict


def test_the_mentee_cannot_answer_before_a_question(open_request, mentee):
    with pytest.raises(ConflictError):
        request_answer_info(request=open_request, by=mentee, text="Unasked")


def test_stages_advance_from_initial_to_main_to_closing_then_complete(relationship, mentee):
    relationship_advance(relationship=relationship, by=mentee)
    relationship.refresh_from_db()
    assert relationship.stage == Stage.MAIN
    relationship_advance(relationship=relationship, by=mentee)
    relationship.refresh_from_db()
    assert relationship.stage == Stage.CLOSING

    relationship_advance(relationship=relationship, by=mentee)

    relationship.refresh_from_db()
    assert relationship.status == RelationshipStatus.COMPLETED
    assert relationship.ended_at is not None
    assert list(relationship.events.values_list("action", flat=True)) == [
        "relationship_started",
        "stage_changed",
        "stage_changed",
        "relationship_completed",
    ]


def test_advancing_with_open_items_is_allowed_and_reports_them(relationship, mentor):
    items = list(relationship.checklist.filter(stage=Stage.INITIAL))
    for item in items[:3]:
        checklist_item_set_done(item=item, by=mentor, done=True)

    skipped = relationship_advance(relationship=relationship, by=mentor)

    assert [item.key for item in skipped] == ["schedule"]
    event = relationship.events.get(action="stage_changed")
    assert event.actor == mentor
    assert (event.from_state, event.to_state) == ("initial", "main")
    assert event.note


def test_completing_invites_the_mentee_to_become_a_mentor(relationship, mentor, mentee):
    for _ in range(3):
        relationship_advance(relationship=relationship, by=mentor)

    invitation = Notification.objects.get(user=mentee, kind="become_mentor")
    assert invitation.url == "/profile/mentor/"


def test_ending_early_needs_a_reason_and_records_who(relationship, mentee, mentor):
    with pytest.raises(ValidationError) as error:
        relationship_end(relationship=relationship, by=mentee, reason=" ")
    assert "reason" in error.value.message_dict

    relationship_end(relationship=relationship, by=mentee, reason="Changed my plans")

    relationship.refresh_from_db()
    assert relationship.status == RelationshipStatus.ENDED_EARLY
    assert relationship.ended_by == mentee
    assert Notification.objects.filter(user=mentor, kind="relationship_ended").exists()


def test_an_ended_relationship_cannot_advance_or_be_edited(relationship, mentee):
    relationship_end(relationship=relationship, by=mentee, reason="Done")

    with pytest.raises(ConflictError):
        relationship_advance(relationship=relationship, by=mentee)
    with pytest.raises(ConflictError):
        agreement_update(relationship=relationship, by=mentee, meeting_cadence="Weekly")
    with pytest.raises(ConflictError):
        checklist_item_set_done(item=relationship.checklist.first(), by=mentee, done=True)


def test_outsiders_cannot_change_a_relationship(relationship, outsider):
    with pytest.raises(PermissionDenied):
        relationship_advance(relationship=relationship, by=outsider)
    with pytest.raises(PermissionDenied):
        relationship_end(relationship=relationship, by=outsider, reason="Mischief")
    with pytest.raises(PermissionDenied):
        agreement_update(relationship=relationship, by=outsider, format="Chaos")
    with pytest.raises(PermissionDenied):
        checklist_item_set_done(item=relationship.checklist.first(), by=outsider, done=True)


def test_both_sides_edit_the_agreement(relationship, mentor, mentee):
    agreement_update(relationship=relationship, by=mentor, meeting_cadence="Every two weeks")
    agreement = agreement_update(relationship=relationship, by=mentee, format="Video calls")

    assert (agreement.meeting_cadence, agreement.format) == ("Every two weeks", "Video calls")
    assert agreement.updated_by == mentee
    assert Notification.objects.filter(user=mentor, kind="agreement_updated").exists()


def test_an_overlong_agreement_field_is_an_error_naming_it(relationship, mentor):
    with pytest.raises(ValidationError) as error:
        agreement_update(relationship=relationship, by=mentor, meeting_cadence="x" * 201)

    assert "meeting_cadence" in error.value.message_dict


def test_either_side_ticks_and_unticks_checklist_items(relationship, mentor, mentee):
    item = relationship.checklist.first()

    checklist_item_set_done(item=item, by=mentee, done=True)
    item.refresh_from_db()
    assert item.done_by == mentee
    checklist_item_set_done(item=item, by=mentor, done=False)
    item.refresh_from_db()
    assert not item.done


def test_every_state_change_is_logged_with_actor_and_states(open_request, mentor, mentee):
    relationship = request_accept(request=open_request, by=mentor)
    relationship_end(relationship=relationship, by=mentor, reason="Stop")

    rows = list(
        Event.objects.order_by("id").values_list("action", "actor", "from_state", "to_state")
    )
    assert rows == [
        ("request_created", mentee.pk, "", "pending"),
        ("request_accepted", mentor.pk, "pending", "accepted"),
        ("relationship_started", mentor.pk, "", "initial"),
        ("relationship_ended", mentor.pk, "active", "ended_early"),
    ]
