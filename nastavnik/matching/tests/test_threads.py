"""The process-wide index is shared by the threads of a server."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from nastavnik.matching.services import recommend_index, recommendations_for_mentee
from nastavnik.matching.tests.factories import mentee_with, mentor_with
from nastavnik.skills.tests.factories import sync_taxonomy


@pytest.mark.django_db(transaction=True)
def test_threads_asking_at_once_share_one_index_built_once():
    sync_taxonomy()
    for n in range(4):
        mentor_with(name=f"Mentor {n}", skills=["SQL"])
    mentees = [mentee_with(skills=["SQL"]) for _ in range(6)]

    def ask(mentee):
        try:
            return [rec.mentor.user.name for rec in recommendations_for_mentee(user=mentee)]
        finally:
            connection.close()  # each worker thread has its own connection

    with ThreadPoolExecutor(max_workers=3) as pool:
        answers = list(pool.map(ask, mentees))

    assert all(sorted(names) == [f"Mentor {n}" for n in range(4)] for names in answers)
    assert recommend_index.rebuilds == 1
    assert recommend_index.upserts == 0
