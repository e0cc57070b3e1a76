import datetime

import factory
from django.utils import timezone

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.goals.models import Category, Goal, Horizon
from nastavnik.relationships.models import Relationship


class PairRelationshipFactory(factory.django.DjangoModelFactory):
    """An active relationship saved directly: goals tests need a pair, not the request flow."""

    class Meta:
        model = Relationship

    mentor = factory.SubFactory(UserFactory)
    mentee = factory.SubFactory(UserFactory)
    seat = 1


class GoalFactory(factory.django.DjangoModelFactory):
    """A goal saved directly, bypassing the SMART checks (for tests of reading, not of writing)."""

    class Meta:
        model = Goal

    relationship = factory.SubFactory(PairRelationshipFactory)
    title = "Get a first job as a data analyst"
    description = "Move from marketing into data analysis at a product company."
    success_criteria = "An accepted offer for a junior data analyst position."
    achievability = "Ten hours a week for study; SQL basics are already there."
    relevance = "It is the reason the mentee came to the mentorship."
    category = Category.CAREER_PLANNING
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=200))
    horizon = Horizon.MEDIUM
