"""Concurrent accepts never exceed a mentor's capacity (PostgreSQL: real row locks and threads)."""

import threading

import pytest
from django.db import connection, connections

from nastavnik.relationships.models import Relationship
from nastavnik.relationships.services import MentorUnavailableError, request_accept, request_create
from nastavnik.relationships.tests.factories import MenteeUserFactory, MentorUserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers; row locks and concurrent accepts need PostgreSQL",
)


def _accept_all_at_once(requests, mentor) -> list[str]:
    barrier = threading.Barrier(len(requests))
    outcomes: list[str] = []
    lock = threading.Lock()

    def accept(request) -> None:
        try:
            barrier.wait()
            request_accept(request=request, by=mentor)
            outcome = "accepted"
        except MentorUnavailableError:
            outcome = "full"
        except Exception as error:  # any other outcome is recorded and fails the assertion
            outcome = f"error: {error!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=accept, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("capacity", [1, 2])
def test_concurrent_accepts_never_exceed_capacity(capacity):
    mentor = MentorUserFactory()
    mentor.mentor_profile.capacity = capacity
    mentor.mentor_profile.save()
    requests = [
        request_create(mentee=MenteeUserFactory(), mentor=mentor, message="Hi") for _ in range(6)
    ]

    outcomes = _accept_all_at_once(requests, mentor)

    assert sorted(outcomes) == sorted(["accepted"] * capacity + ["full"] * (6 - capacity))
    seats = list(Relationship.objects.active().filter(mentor=mentor).values_list("seat", flat=True))
    assert sorted(seats) == list(range(1, capacity + 1))
