"""Functions that change accounts: sign-up, sign-in, settings and API tokens."""

from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.models import Token

from nastavnik.accounts.login_attempts import (
    login_attempts_exhausted,
    login_failure_record,
    login_failures_clear,
)
from nastavnik.accounts.models import User
from nastavnik.accounts.selectors import user_email_taken

EMAIL_TAKEN = _("An account with this email already exists.")


class LoginPaused(Exception):
    """Too many failed logins for this email from this address; try again later."""


def _email_normalize(email: str) -> str:
    return email.strip().lower()


def user_create(*, email: str, password: str, name: str) -> User:
    """Creates an account after the same checks a sign-up form and the API show to the person.

    Raises ValidationError keyed by field ("email", "name", "password") listing every problem.
    """
    user = User(email=_email_normalize(email), name=name.strip())
    errors: dict[str, list[ValidationError]] = {}
    try:
        # Uniqueness is checked below with a clearer, case-insensitive message.
        user.full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        errors.update(error.error_dict)
    if "email" not in errors and user_email_taken(email=user.email):
        errors["email"] = [ValidationError(EMAIL_TAKEN, code="unique")]
    try:
        user_password_validate(password=password, email=user.email, name=user.name)
    except ValidationError as error:
        errors["password"] = error.error_list
    if errors:
        raise ValidationError(errors)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:  # someone signed up with the same address a moment ago
        raise ValidationError({"email": [ValidationError(EMAIL_TAKEN, code="unique")]}) from None
    return user


def user_password_validate(*, password: str, email: str, name: str) -> None:
    """Runs AUTH_PASSWORD_VALIDATORS for a new account with this email and name.

    Forms call it to show a password problem next to other field errors; user_create calls it too.
    """
    validate_password(password, user=User(email=_email_normalize(email), name=name.strip()))


def user_authenticate(*, request: HttpRequest | None, email: str, password: str) -> User | None:
    """The active user with this email and password, or None; counts failures.

    Raises LoginPaused once this email has failed too often from this address (see login_attempts).
    """
    if login_attempts_exhausted(email=email, request=request):
        raise LoginPaused
    user = authenticate(request, username=email.strip(), password=password)
    if user is None:
        login_failure_record(email=email, request=request)
        return None
    login_failures_clear(email=email, request=request)
    return user


def user_update(
    *,
    user: User,
    name: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
) -> User:
    """Changes a user's own settings; None leaves a setting as it is.

    Raises ValidationError keyed by field, leaving the user unchanged, when a value is invalid.
    """
    changes = {
        field: value
        for field, value in {"name": name, "timezone": timezone, "language": language}.items()
        if value is not None
    }
    errors: dict[str, list[ValidationError]] = {}
    for field, value in changes.items():
        try:
            changes[field] = User._meta.get_field(field).clean(value.strip(), user)
        except ValidationError as error:
            errors[field] = error.error_list
    if errors:
        raise ValidationError(errors)
    for field, value in changes.items():
        setattr(user, field, value)
    if changes:
        user.save(update_fields=list(changes))
    return user


def user_token_get_or_create(*, user: User) -> str:
    """The user's API token, made on first use."""
    token, _created = Token.objects.get_or_create(user=user)
    return token.key
