import factory

from nastavnik.accounts.tests.factories import UserFactory
from nastavnik.profiles.models import MenteeProfile, MentorProfile


class MentorProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorProfile

    user = factory.SubFactory(UserFactory)
    headline = "Senior data analyst, helping people move into analytics"
    bio = "Ten years of product analytics; I like teaching SQL and statistics."
    current_role = "Senior data analyst"
    company = "Example Corp"
    industry = "IT"
    years_experience = 10
    languages = ["ru", "en"]
    formats = ["one_to_one"]
    durations = ["medium"]
    specialisations = ["professional"]
    capacity = 2


class MenteeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenteeProfile

    user = factory.SubFactory(UserFactory)
    headline = "Moving from marketing into data analysis"
    current_role = "Marketing manager"
    target_role = "Data analyst"
    goals = "Get a first job as a data analyst within a year."
    languages = ["ru"]
    formats = ["one_to_one"]
    durations = ["medium"]
