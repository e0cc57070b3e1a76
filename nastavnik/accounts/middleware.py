import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from nastavnik.accounts.models import User


def user_preferences_activate(*, user: User, request: HttpRequest) -> None:
    """Activates the person's chosen language (if any) and time zone for the rest of the request."""
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language
    timezone.activate(zoneinfo.ZoneInfo(user.timezone))


class UserPreferencesMiddleware:
    """Activates a signed-in user's own language and time zone.

    Runs after LocaleMiddleware (which negotiates from the browser) so that a language the user chose
    wins, and anonymous visitors keep the negotiated one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            user_preferences_activate(user=user, request=request)
        else:
            timezone.deactivate()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
