import pytest

from nastavnik.skills.tests.factories import sync_taxonomy


@pytest.fixture
def taxonomy_skills(db) -> None:
    sync_taxonomy()
