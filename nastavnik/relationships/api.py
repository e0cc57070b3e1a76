"""The mentorship API: requests and relationships of the caller. Someone else's object is a 404."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.accounts.models import User
from nastavnik.relationships import selectors, services
from nastavnik.relationships.models import MentorshipRequest, Relationship
from nastavnik.relationships.serializers import (
    AdvanceResultSerializer,
    AgreementSerializer,
    ChecklistItemSerializer,
    DeclineSerializer,
    EndSerializer,
    NoteSerializer,
    RelationshipDetailSerializer,
    RelationshipSerializer,
    RequestCreateSerializer,
    RequestSerializer,
)

T = TypeVar("T")


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _errors(error: DjangoValidationError) -> dict | list:
    if hasattr(error, "error_dict"):
        return {
            field: [str(message) for message in messages]
            for field, messages in error.message_dict.items()
        }
    return {"detail": " ".join(str(message) for message in error.messages)}


def _call(action: Callable[[], T]) -> T:
    """Run a service: a ConflictError becomes a 409, any other ValidationError a 400."""
    try:
        return action()
    except services.ConflictError as error:
        raise Conflict(_errors(error)) from None
    except DjangoValidationError as error:
        raise exceptions.ValidationError(_errors(error)) from None


def _mentor_from_directory_id(mentor_id: int | None, *, field: str) -> User | None:
    if mentor_id is None:
        return None
    mentor = selectors.mentor_user_for_directory_id(mentor_id=mentor_id)
    if mentor is None:
        raise exceptions.ValidationError({field: [_("No listed mentor has this id.")]})
    return mentor


def _own_request(request: Request, request_id: int) -> MentorshipRequest:
    return selectors.request_get_for_user(user=request.user, request_id=request_id)


def _request_response(request: Request, mentorship_request: MentorshipRequest) -> Response:
    fresh = selectors.request_get_for_user(user=request.user, request_id=mentorship_request.pk)
    return Response(RequestSerializer(fresh, context={"request": request}).data)


@extend_schema(tags=["requests"])
class RequestListCreateView(generics.ListAPIView):
    """Mentorship requests I sent or received (newest first); POST asks a mentor."""

    serializer_class = RequestSerializer
    queryset = MentorshipRequest.objects.none()

    def get_queryset(self):
        return selectors.requests_for_user(user=self.request.user).prefetch_related(
            "notes__author", "relationship"
        )

    @extend_schema(
        request=RequestCreateSerializer,
        responses={
            201: RequestSerializer,
            400: OpenApiResponse(description="A field is wrong, e.g. a request to yourself."),
            409: OpenApiResponse(
                description="The mentor is full, not accepting, or already asked by you."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        data = RequestCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        mentor_id = values.pop("mentor")
        mentor = _mentor_from_directory_id(mentor_id, field="mentor")
        created = _call(
            lambda: services.request_create(mentee=request.user, mentor=mentor, **values)
        )
        response = _request_response(request, created)
        response.status_code = status.HTTP_201_CREATED
        return response


class _RequestAction(APIView):
    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        raise NotImplementedError

    def post(self, request: Request, request_id: int) -> Response:
        mentorship_request = _own_request(request, request_id)
        _call(lambda: self.act(request, mentorship_request))
        return _request_response(request, mentorship_request)


_ACTION_RESPONSES = {
    200: RequestSerializer,
    403: OpenApiResponse(description="Not your side of the request to decide."),
    404: OpenApiResponse(description="Not your request."),
    409: OpenApiResponse(description="Already decided, expired, or no free place left."),
}


@extend_schema(tags=["requests"], request=None, responses=_ACTION_RESPONSES)
class RequestAcceptView(_RequestAction):
    """The mentor accepts: a relationship starts (see `relationship` in the answer)."""

    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        return services.request_accept(request=mentorship_request, by=request.user)


@extend_schema(tags=["requests"], request=DeclineSerializer, responses=_ACTION_RESPONSES)
class RequestDeclineView(_RequestAction):
    """The mentor declines, optionally with a reason and another mentor to ask."""

    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        data = DeclineSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        suggested = _mentor_from_directory_id(
            data.validated_data.get("suggested_mentor"), field="suggested_mentor"
        )
        return services.request_decline(
            request=mentorship_request,
            by=request.user,
            reason=data.validated_data.get("reason", ""),
            suggested_mentor=suggested,
        )


@extend_schema(tags=["requests"], request=None, responses=_ACTION_RESPONSES)
class RequestWithdrawView(_RequestAction):
    """The mentee takes the request back."""

    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        return services.request_withdraw(request=mentorship_request, by=request.user)


@extend_schema(tags=["requests"], request=NoteSerializer, responses=_ACTION_RESPONSES)
class RequestAskView(_RequestAction):
    """The mentor asks the mentee for more information before deciding."""

    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return services.request_ask_info(
            request=mentorship_request, by=request.user, text=data.validated_data["text"]
        )


@extend_schema(tags=["requests"], request=NoteSerializer, responses=_ACTION_RESPONSES)
class RequestAnswerView(_RequestAction):
    """The mentee answers the mentor's question."""

    def act(self, request: Request, mentorship_request: MentorshipRequest) -> object:
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return services.request_answer_info(
            request=mentorship_request, by=request.user, text=data.validated_data["text"]
        )


def _own_relationship(request: Request, relationship_id: int) -> Relationship:
    return selectors.relationship_get_for_user(user=request.user, relationship_id=relationship_id)


@extend_schema(tags=["relationships"])
class RelationshipListView(generics.ListAPIView):
    """My mentorships, as mentor or mentee, newest first."""

    serializer_class = RelationshipSerializer
    queryset = Relationship.objects.none()

    def get_queryset(self):
        return selectors.relationships_for_user(user=self.request.user)


@extend_schema(tags=["relationships"])
class RelationshipDetailView(generics.RetrieveAPIView):
    """One of my mentorships with its checklist, agreement and history."""

    serializer_class = RelationshipDetailSerializer
    queryset = Relationship.objects.none()

    def get_object(self) -> Relationship:
        return _own_relationship(self.request, self.kwargs["relationship_id"])


@extend_schema(
    tags=["relationships"],
    request=None,
    responses={200: AdvanceResultSerializer, 404: None, 409: OpenApiResponse()},
)
class RelationshipAdvanceView(APIView):
    """Move to the next stage; from the closing stage this completes the mentorship."""

    def post(self, request: Request, relationship_id: int) -> Response:
        relationship = _own_relationship(request, relationship_id)
        skipped = _call(
            lambda: services.relationship_advance(relationship=relationship, by=request.user)
        )
        relationship.refresh_from_db()
        data = {
            "relationship": RelationshipSerializer(relationship, context={"request": request}).data,
            "left_open": [str(item.label) for item in skipped],
        }
        return Response(data)


@extend_schema(
    tags=["relationships"],
    request=EndSerializer,
    responses={200: RelationshipSerializer, 400: None, 404: None, 409: OpenApiResponse()},
)
class RelationshipEndView(APIView):
    """End the mentorship early, with a reason."""

    def post(self, request: Request, relationship_id: int) -> Response:
        relationship = _own_relationship(request, relationship_id)
        data = EndSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ended = _call(
            lambda: services.relationship_end(
                relationship=relationship, by=request.user, reason=data.validated_data["reason"]
            )
        )
        return Response(RelationshipSerializer(ended, context={"request": request}).data)


@extend_schema(tags=["relationships"])
class AgreementView(APIView):
    """The pair's agreement; either side may replace it while the mentorship is active."""

    @extend_schema(responses={200: AgreementSerializer})
    def get(self, request: Request, relationship_id: int) -> Response:
        relationship = _own_relationship(request, relationship_id)
        agreement = selectors.agreement_for_relationship(relationship=relationship)
        return Response(AgreementSerializer(agreement).data)

    @extend_schema(
        request=AgreementSerializer,
        responses={200: AgreementSerializer, 400: None, 404: None, 409: OpenApiResponse()},
    )
    def put(self, request: Request, relationship_id: int) -> Response:
        relationship = _own_relationship(request, relationship_id)
        data = AgreementSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = {name: data.validated_data.get(name, "") for name in services.AGREEMENT_FIELDS}
        agreement = _call(
            lambda: services.agreement_update(relationship=relationship, by=request.user, **fields)
        )
        return Response(AgreementSerializer(agreement).data)


@extend_schema(tags=["relationships"])
class ChecklistItemView(APIView):
    """Tick (`done: true`) or untick a checklist step of one of my mentorships."""

    @extend_schema(
        request=ChecklistItemSerializer,
        responses={200: ChecklistItemSerializer, 400: None, 404: None, 409: OpenApiResponse()},
    )
    def patch(self, request: Request, relationship_id: int, item_id: int) -> Response:
        item = selectors.checklist_item_get_for_user(
            user=request.user, relationship_id=relationship_id, item_id=item_id
        )
        data = ChecklistItemSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = _call(
            lambda: services.checklist_item_set_done(
                item=item, by=request.user, done=data.validated_data["done"]
            )
        )
        return Response(ChecklistItemSerializer(item).data)
