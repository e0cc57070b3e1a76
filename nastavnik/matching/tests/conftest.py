import pytest

from nastavnik.matching.services import recommend_index
from nastavnik.skills.tests.factories import sync_taxonomy


@pytest.fixture(autouse=True)
def fresh_recommend_index():
    """Each test starts from an index that has not been built yet."""
    recommend_index.reset()
    yield
    recommend_index.reset()


@pytest.fixture
def taxonomy_skills(db) -> None:
    sync_taxonomy()
