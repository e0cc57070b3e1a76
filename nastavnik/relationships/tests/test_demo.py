from nastavnik.relationships.demo import mentorships_demo_create
from nastavnik.relationships.models import MentorshipRequest, Relationship
from nastavnik.relationships.tests.factories import MenteeUserFactory, MentorUserFactory


def _people(n: int = 12) -> None:
    for _ in range(n):
        MentorUserFactory()
        MenteeUserFactory()


def test_demo_covers_every_stage_and_request_status_once(mentor, mentee):
    _people()
    started: list[Relationship] = []

    result = mentorships_demo_create(
        seed=1, featured_pair=(mentor, mentee), on_started=started.append
    )

    assert result.relationships == 8
    assert len(started) == 8
    assert {(r.stage, r.status) for r in Relationship.objects.all()} == {
        ("initial", "active"),
        ("main", "active"),
        ("closing", "active"),
        ("closing", "completed"),
        ("initial", "ended_early"),
    }
    featured = Relationship.objects.get(mentor=mentor, mentee=mentee)
    assert featured.stage == "main"
    assert set(MentorshipRequest.objects.values_list("status", flat=True)) == {
        "accepted",
        "pending",
        "info_requested",
        "declined",
        "withdrawn",
    }
    assert mentorships_demo_create(seed=1) == type(result)(relationships=0, requests=0)
    assert Relationship.objects.count() == 8


def test_demo_does_nothing_without_enough_people(mentor, mentee):
    assert mentorships_demo_create(seed=1).relationships == 0
    assert not MentorshipRequest.objects.exists()
