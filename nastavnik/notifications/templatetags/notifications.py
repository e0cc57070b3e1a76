from django import template

from nastavnik.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """How many unread notifications the user has, for the badge in the navigation."""
    return unread_count(user=user)
