from rest_framework.authentication import TokenAuthentication
from rest_framework.request import Request

from nastavnik.accounts.middleware import user_preferences_activate
from nastavnik.accounts.models import User


class PreferencesTokenAuthentication(TokenAuthentication):
    """Token authentication that, like the middleware for sessions, applies the person's own
    language and time zone: API clients authenticate inside the view, after the middleware ran."""

    def authenticate(self, request: Request) -> tuple[User, object] | None:
        result = super().authenticate(request)
        if result is not None:
            user_preferences_activate(user=result[0], request=request._request)
        return result
