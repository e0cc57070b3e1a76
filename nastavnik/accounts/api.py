"""The account API: tokens, registration and the caller's own account (`me`)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from nastavnik.accounts.login_attempts import login_pause_minutes
from nastavnik.accounts.serializers import (
    CredentialsSerializer,
    MeSerializer,
    RegisteredSerializer,
    RegisterSerializer,
    TokenSerializer,
)
from nastavnik.accounts.services import (
    LoginPaused,
    user_authenticate,
    user_create,
    user_token_get_or_create,
    user_update,
)


class CurrentRateScopedThrottle(ScopedRateThrottle):
    """DRF's scoped throttle reading the rates at request time, not at import.

    DRF copies DEFAULT_THROTTLE_RATES onto the class when it is imported, so a changed setting
    (an overridden rate in a test, say) would otherwise be ignored.
    """

    @property
    def THROTTLE_RATES(self) -> dict[str, str | None]:
        return api_settings.DEFAULT_THROTTLE_RATES


def _django_errors_as_drf(error: DjangoValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError(error.message_dict)


class TokenView(APIView):
    # No session: the endpoint is for clients without a CSRF token, and it only reads credentials.
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [CurrentRateScopedThrottle]
    throttle_scope = "token"

    @extend_schema(
        operation_id="auth_token_create",
        summary="Get an API token",
        description=(
            "Exchanges an email and password for the account's token. Repeated failures for one "
            "email from one address pause sign-in (429)."
        ),
        request=CredentialsSerializer,
        responses={200: TokenSerializer},
        examples=[
            OpenApiExample(
                "Credentials",
                value={"email": "maria@example.org", "password": "correct-horse-battery-staple"},
                request_only=True,
            )
        ],
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = CredentialsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            user = user_authenticate(request=request._request, **serializer.validated_data)
        except LoginPaused:
            raise exceptions.Throttled(
                wait=login_pause_minutes() * 60,
                detail=_("Too many failed attempts to log in. Try again later."),
            ) from None
        if user is None:
            raise exceptions.ValidationError(
                {"password": [_("The email and password do not match an account.")]}
            )
        return Response({"token": user_token_get_or_create(user=user)})


class RegisterView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [CurrentRateScopedThrottle]
    throttle_scope = "register"

    @extend_schema(
        operation_id="auth_register",
        summary="Create an account",
        description="Creates an account with the same checks as the sign-up page and returns a token.",
        request=RegisterSerializer,
        responses={201: RegisteredSerializer},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            user = user_create(**serializer.validated_data)
        except DjangoValidationError as error:
            raise _django_errors_as_drf(error) from None
        body = {"user": MeSerializer(user).data, "token": user_token_get_or_create(user=user)}
        return Response(body, status=status.HTTP_201_CREATED)


class MeView(APIView):
    """The caller's own account; there is no way to address anyone else's."""

    permission_classes = [IsAuthenticated]

    @extend_schema(operation_id="me_retrieve", responses={200: MeSerializer}, tags=["me"])
    def get(self, request: Request) -> Response:
        return Response(MeSerializer(request.user).data)

    @extend_schema(
        operation_id="me_partial_update",
        request=MeSerializer,
        responses={200: MeSerializer},
        tags=["me"],
    )
    def patch(self, request: Request) -> Response:
        serializer = MeSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            user = user_update(user=request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            raise _django_errors_as_drf(error) from None
        return Response(MeSerializer(user).data)
