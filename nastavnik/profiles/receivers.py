"""Keeps the profiles' stored search documents in step with the account they quote.

The search document is a derived index, not domain state, so a receiver is the right tool: the
accounts app, which sits before profiles, changes names without knowing that profiles quote them.
"""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from nastavnik.accounts.models import User
from nastavnik.profiles.services import profiles_refresh_search_for_user


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="profiles_user_saved")
def user_saved(
    sender: type[User], instance: User, created: bool, update_fields=None, **kwargs
) -> None:
    if created or (update_fields is not None and "name" not in update_fields):
        return
    profiles_refresh_search_for_user(user=instance)
