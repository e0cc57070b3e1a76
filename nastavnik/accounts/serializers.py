from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nastavnik.accounts.models import User, validate_timezone
from nastavnik.accounts.selectors import user_email_taken
from nastavnik.accounts.services import EMAIL_TAKEN, user_password_validate


class CredentialsSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(
        help_text=_("Send it as the header Authorization: Token <token>.")
    )


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )
    name = serializers.CharField(max_length=150)

    # Field checks so that one response lists every problem; user_create checks again on save.
    def validate_email(self, value: str) -> str:
        if user_email_taken(email=value):
            raise serializers.ValidationError(EMAIL_TAKEN, code="unique")
        return value

    def validate_password(self, value: str) -> str:
        try:
            user_password_validate(
                password=value,
                email=str(self.initial_data.get("email", "")),
                name=str(self.initial_data.get("name", "")),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        return value


class MeSerializer(serializers.ModelSerializer):
    timezone = serializers.CharField(
        max_length=64, validators=[validate_timezone], help_text=_("An IANA time zone name.")
    )
    language = serializers.ChoiceField(
        choices=[("", _("Follow the browser")), *settings.LANGUAGES],
        allow_blank=True,
        help_text=_("An empty value follows the browser's language."),
    )

    class Meta:
        model = User
        fields = ["id", "email", "name", "timezone", "language"]
        read_only_fields = ["id", "email"]


class RegisteredSerializer(serializers.Serializer):
    user = MeSerializer()
    token = serializers.CharField()
