"""Demo mentorships: requests in every status and relationships in every stage, through the services.

For the demo data loader, after mentors and mentees exist. Deterministic for a seed and idempotent:
when any relationship exists it does nothing. `on_started` is called on each new relationship
while it is still active (the goals app fills it with goals, tasks and messages there), before it is
advanced or ended.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from nastavnik.accounts.models import User
from nastavnik.profiles.models import MenteeProfile, MentorProfile
from nastavnik.relationships.models import Relationship
from nastavnik.relationships.services import (
    relationship_advance,
    relationship_end,
    request_accept,
    request_ask_info,
    request_create,
    request_decline,
    request_withdraw,
)

MESSAGE = (
    "Здравствуйте! Я перехожу в новую профессию и ищу ментора. Ваш опыт мне очень близок, "
    "буду рада любой помощи."
)
GOALS = "Получить первую работу в новой профессии в течение года."
OFFER = "Свежий взгляд со стороны и помощь с маркетингом."
TIME = "Два-три часа в неделю."

# How far each demo relationship gets: number of advances, or "ended" for an early end.
RELATIONSHIP_PLAN: list[int | str] = [0, 0, 1, 1, 2, 2, 3, "ended"]


@dataclass(frozen=True)
class DemoMentorships:
    relationships: int
    requests: int


def _accepting_mentors(rng: random.Random, count: int) -> list[User]:
    profiles = list(
        MentorProfile.objects.published()
        .filter(accepting_requests=True, capacity__gte=2)
        .select_related("user")
        .order_by("pk")
    )
    return [profile.user for profile in rng.sample(profiles, min(count, len(profiles)))]


def _mentees(rng: random.Random, count: int, exclude: set[int]) -> list[User]:
    profiles = list(
        MenteeProfile.objects.exclude(user_id__in=exclude)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("pk")
    )
    return [profile.user for profile in rng.sample(profiles, min(count, len(profiles)))]


def _ask(mentee: User, mentor: User, **extra: object):
    return request_create(
        mentee=mentee,
        mentor=mentor,
        message=MESSAGE,
        goals=GOALS,
        offer=OFFER,
        time_commitment=TIME,
        **extra,
    )


def _walk(relationship: Relationship, step: int | str) -> None:
    if step == "ended":
        relationship_end(
            relationship=relationship,
            by=relationship.mentee,
            reason="Сменились обстоятельства на работе, вернусь позже.",
        )
        return
    for _ in range(int(step)):
        relationship_advance(relationship=relationship, by=relationship.mentor)


@transaction.atomic
def mentorships_demo_create(
    *,
    seed: int = 2025,
    featured_pair: tuple[User, User] | None = None,
    on_started: Callable[[Relationship], object] | None = None,
) -> DemoMentorships:
    """Create demo requests and relationships; nothing when any relationship already exists.

    `featured_pair` (mentor, mentee), e.g. the demo accounts, gets a relationship in the main stage.
    """
    if Relationship.objects.exists():
        return DemoMentorships(relationships=0, requests=0)
    rng = random.Random(seed)
    plan = list(RELATIONSHIP_PLAN)
    mentors = _accepting_mentors(rng, len(plan) + 4)
    taken = {user.pk for user in mentors}
    if featured_pair:
        taken |= {featured_pair[0].pk, featured_pair[1].pk}
    mentees = _mentees(rng, len(plan) + 4, exclude=taken)
    if len(mentors) < len(plan) + 4 or len(mentees) < len(plan) + 4:
        return DemoMentorships(relationships=0, requests=0)
    pairs = list(zip(mentors, mentees, strict=True))
    if featured_pair:
        pairs[0] = featured_pair
        plan[0] = 1
    relationships = requests = 0
    for (mentor, mentee), step in zip(pairs, plan, strict=False):
        relationship = request_accept(request=_ask(mentee, mentor), by=mentor)
        requests += 1
        relationships += 1
        if on_started is not None:
            on_started(relationship)
        _walk(relationship, step)
    # The remaining pairs show the other request statuses: pending, info requested, declined,
    # withdrawn.
    pending, asked, declined, withdrawn = pairs[len(plan) :]
    _ask(pending[1], pending[0])
    request_ask_info(
        request=_ask(asked[1], asked[0]), by=asked[0], text="Сколько времени вы готовы уделять?"
    )
    request_decline(
        request=_ask(declined[1], declined[0]),
        by=declined[0],
        reason="Сейчас нет времени, попробуйте через пару месяцев.",
        suggested_mentor=pending[0],
    )
    request_withdraw(request=_ask(withdrawn[1], withdrawn[0]), by=withdrawn[1])
    return DemoMentorships(relationships=relationships, requests=requests + 4)
