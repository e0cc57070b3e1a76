from datetime import UTC, datetime

import factory

from nastavnik.meetings.models import Meeting, MeetingParticipant
from nastavnik.relationships.tests.factories import RelationshipFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    """A pair's meeting saved directly with both participants (tests of services use services)."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    relationship = factory.SubFactory(RelationshipFactory)
    organizer = factory.SelfAttribute("relationship.mentor")
    title = "Weekly check-in"
    start = datetime(2030, 3, 4, 17, 0, tzinfo=UTC)
    timezone = "Europe/Berlin"

    @factory.post_generation
    def with_participants(self, create, extracted, **kwargs):
        if create and self.relationship is not None:
            for user in (self.relationship.mentor, self.relationship.mentee):
                MeetingParticipant.objects.get_or_create(meeting=self, user=user)
