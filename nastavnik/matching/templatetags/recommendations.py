"""``{% recommended_for_you %}``: the mentee dashboard's "Recommended for you" block."""

from typing import Any

from django import template

from nastavnik.matching.services import recommendations_for_mentee
from nastavnik.profiles.models import MenteeProfile

register = template.Library()

DASHBOARD_TOP = 5


@register.inclusion_tag("matching/_recommended.html", takes_context=True)
def recommended_for_you(context: template.Context) -> dict[str, Any]:
    """The signed-in user's best mentors with the reasons in their language; without a mentee
    profile, ``has_profile`` is false and the block invites them to create one."""
    user = context["user"]
    try:
        recommendations = recommendations_for_mentee(user=user, top=DASHBOARD_TOP)
    except MenteeProfile.DoesNotExist:
        return {"has_profile": False, "recommendations": []}
    return {"has_profile": True, "recommendations": recommendations}
