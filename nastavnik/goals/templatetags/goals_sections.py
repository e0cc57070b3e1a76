"""The goals, assignments, check-ins and messages summary shown in a relationship's space."""

from django import template

from nastavnik.goals import selectors
from nastavnik.messaging.selectors import unread_counts_by_relationship

register = template.Library()


@register.inclusion_tag("goals/_sections_body.html", takes_context=True)
def relationship_goal_sections(context: template.Context, relationship) -> dict:
    """`relationship` comes from the page's view, which got it through the relationship selector."""
    user = context["request"].user
    return {
        "relationship": relationship,
        "goals": selectors.goals_for_relationship(relationship=relationship),
        "open_tasks": selectors.tasks_for_relationship(relationship=relationship).open(),
        "last_checkin": selectors.checkins_for_relationship(relationship=relationship).first(),
        "unread": unread_counts_by_relationship(user=user).get(relationship.pk, 0),
        "is_mentee": user.pk == relationship.mentee_id,
    }
