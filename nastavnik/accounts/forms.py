"""Forms of the account pages and of the admin."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nastavnik.accounts.login_attempts import login_pause_minutes
from nastavnik.accounts.models import User
from nastavnik.accounts.selectors import timezone_choices, user_email_taken
from nastavnik.accounts.services import (
    EMAIL_TAKEN,
    LoginPaused,
    user_authenticate,
    user_password_validate,
)


class SignupForm(forms.Form):
    """Shows every problem at once; the user_create service checks everything again on save."""

    email = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=150,
        help_text=_("How mentors and mentees will see you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 8 characters; not only digits and not a common password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if user_email_taken(email=email):
            raise ValidationError(EMAIL_TAKEN, code="unique")
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user_password_validate(
            password=password, email=self.data.get("email", ""), name=self.data.get("name", "")
        )
        return password


class LoginForm(auth_forms.AuthenticationForm):
    """Email and password, with a pause after repeated failures (see login_attempts)."""

    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("The email and password do not match an account."),
        "paused": _("Too many failed attempts to log in. Try again in %(minutes)s minutes."),
    }

    def clean(self) -> dict:
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            try:
                self.user_cache = user_authenticate(
                    request=self.request, email=email, password=password
                )
            except LoginPaused:
                raise ValidationError(
                    self.error_messages["paused"],
                    code="paused",
                    params={"minutes": login_pause_minutes()},
                ) from None
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


LANGUAGE_CHOICES = [("", _("Follow the browser")), *settings.LANGUAGES]


class AccountSettingsForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("Meeting times and dates are shown in this zone."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = timezone_choices()


class UserAdminCreationForm(auth_forms.AdminUserCreationForm):
    class Meta(auth_forms.AdminUserCreationForm.Meta):
        model = User
        fields = ("email", "name")
        field_classes = {}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if user_email_taken(email=email):
            raise ValidationError(EMAIL_TAKEN, code="unique")
        return email


class UserAdminChangeForm(auth_forms.UserChangeForm):
    class Meta(auth_forms.UserChangeForm.Meta):
        model = User
        fields = "__all__"
        field_classes = {}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        others = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(EMAIL_TAKEN, code="unique")
        return email
