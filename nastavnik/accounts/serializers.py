from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from nastavnik.accounts.models import User, validate_timezone


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
