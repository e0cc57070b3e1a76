"""The caller's own profiles as JSON: /api/v1/me/mentor-profile/ and /api/v1/me/mentee-profile/.

There are no per-id routes: every request reads or writes the authenticated user's own profile.
"""

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from nastavnik.profiles.selectors import mentee_profile_for_user, mentor_profile_for_user
from nastavnik.profiles.serializers import (
    MenteeProfileSerializer,
    MentorProfileSerializer,
    ProfileSerializerBase,
)
from nastavnik.profiles.services import mentee_profile_update, mentor_profile_update

_ERRORS = OpenApiResponse(description="Invalid input: the body names each field that is wrong.")
_MISSING = OpenApiResponse(description="You have no such profile yet; PUT creates it.")


class OwnProfileView(APIView):
    serializer_class: ClassVar[type[ProfileSerializerBase]]
    selector: ClassVar[Callable[..., Any]]
    service: ClassVar[Callable[..., Any]]
    missing_message: ClassVar[Any]

    def _profile(self, request: Request) -> Any:
        return type(self).selector(user=request.user)

    def _existing(self, request: Request) -> Any:
        profile = self._profile(request)
        if profile is None:
            raise NotFound(self.missing_message)
        return profile

    def _write(self, request: Request, *, profile: Any, partial: bool) -> Response:
        serializer = self.serializer_class(instance=profile, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        try:
            saved = type(self).service(user=request.user, data=serializer.service_data())
        except DjangoValidationError as error:
            raise serializers.ValidationError(_service_errors(error)) from error
        code = status.HTTP_201_CREATED if profile is None else status.HTTP_200_OK
        return Response(self.serializer_class(self._profile(request) or saved).data, status=code)

    def get(self, request: Request) -> Response:
        return Response(self.serializer_class(self._existing(request)).data)

    def put(self, request: Request) -> Response:
        return self._write(request, profile=self._profile(request), partial=False)

    def patch(self, request: Request) -> Response:
        return self._write(request, profile=self._existing(request), partial=True)


def _service_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    if not hasattr(error, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
    return {
        api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field: messages
        for field, messages in error.message_dict.items()
    }


def _documented(serializer: type[ProfileSerializerBase], noun: str) -> Callable[[type], type]:
    # extend_schema_view copies the inherited methods, so each subclass keeps its own schema.
    return extend_schema_view(
        get=extend_schema(
            summary=f"Your {noun} profile", responses={200: serializer, 404: _MISSING}
        ),
        put=extend_schema(
            summary=f"Create or replace your {noun} profile",
            description="Omitted fields get their defaults; a bad field saves nothing.",
            request=serializer,
            responses={200: serializer, 201: serializer, 400: _ERRORS},
        ),
        patch=extend_schema(
            summary=f"Change some fields of your {noun} profile",
            description="Only the fields sent change; a bad field saves nothing.",
            request=serializer,
            responses={200: serializer, 400: _ERRORS, 404: _MISSING},
        ),
    )


@_documented(MentorProfileSerializer, "mentor")
class MentorProfileView(OwnProfileView):
    serializer_class = MentorProfileSerializer
    selector = staticmethod(mentor_profile_for_user)
    service = staticmethod(mentor_profile_update)
    missing_message = _("You have no mentor profile yet.")


@_documented(MenteeProfileSerializer, "mentee")
class MenteeProfileView(OwnProfileView):
    serializer_class = MenteeProfileSerializer
    selector = staticmethod(mentee_profile_for_user)
    service = staticmethod(mentee_profile_update)
    missing_message = _("You have no mentee profile yet.")
