"""Two mentees booking one slot at the same moment: one wins, one gets a 409 (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.meetings import office_hours
from nastavnik.meetings.models import Booking
from nastavnik.relationships.tests.factories import MentorUserFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises all writers; concurrent inserts into one unique index need PostgreSQL",
)


@pytest.mark.django_db(transaction=True)
def test_two_mentees_booking_one_slot_at_once_one_wins_one_gets_409(api_client_for):
    from datetime import UTC, datetime

    slot = office_hours.slot_publish(
        mentor=MentorUserFactory(), start=datetime(2030, 3, 19, 9, 0, tzinfo=UTC)
    )
    clients = [api_client_for(UserFactory()) for _ in range(2)]
    barrier = threading.Barrier(len(clients))
    statuses: list[int] = []
    lock = threading.Lock()

    def book(client) -> None:
        try:
            barrier.wait()
            response = client.post(
                "/api/v1/bookings/", {"slot": slot.pk, "topic": "Career change"}, format="json"
            )
            outcome = response.status_code
        finally:
            connections.close_all()
        with lock:
            statuses.append(outcome)

    threads = [threading.Thread(target=book, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses) == [201, 409]
    assert Booking.objects.filter(slot=slot, cancelled_at__isnull=True).count() == 1
