from datetime import timedelta

import factory
from django.utils import timezone

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.tests.factories import MenteeProfileFactory, MentorProfileFactory
from nastavnik.relationships.models import MentorshipRequest, Relationship


class MentorUserFactory(UserFactory):
    """A user with a published mentor profile that accepts requests."""

    profile = factory.RelatedFactory(MentorProfileFactory, factory_related_name="user")


class MenteeUserFactory(UserFactory):
    profile = factory.RelatedFactory(MenteeProfileFactory, factory_related_name="user")


class MentorshipRequestFactory(factory.django.DjangoModelFactory):
    """A pending request saved directly (services are what tests exercise, not this)."""

    class Meta:
        model = MentorshipRequest

    mentee = factory.SubFactory(MenteeUserFactory)
    mentor = factory.SubFactory(MentorUserFactory)
    goals = "Move from marketing into data analysis"
    offer = "Help with marketing questions"
    time_commitment = "Two hours a week"
    message = "I would love your guidance on SQL and statistics."
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))


class RelationshipFactory(factory.django.DjangoModelFactory):
    """An active relationship in seat 1; use the accept service when seats or checklists matter."""

    class Meta:
        model = Relationship

    mentor = factory.SubFactory(MentorUserFactory)
    mentee = factory.SubFactory(MenteeUserFactory)
    seat = 1
