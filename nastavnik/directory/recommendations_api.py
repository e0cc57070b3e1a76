"""Recommendations as JSON: GET /api/v1/recommendations/?top=10 for the caller's mentee profile."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from nastavnik.directory.api import MentorCardSerializer
from nastavnik.matching.services import MAX_TOP, recommendations_for_mentee
from nastavnik.profiles.models import MenteeProfile


class RecommendationQuerySerializer(serializers.Serializer):
    top = serializers.IntegerField(
        required=False,
        default=10,
        min_value=1,
        max_value=MAX_TOP,
        help_text=f"How many mentors, 1 to {MAX_TOP} (default 10).",
    )


class ReasonSerializer(serializers.Serializer):
    factor = serializers.CharField(help_text="skills, text, role, seniority, availability, ...")
    contribution = serializers.FloatField(help_text="Share of the score; all add up to it.")
    detail = serializers.CharField(help_text="A short explanation in the request's language.")


class RecommendationSerializer(serializers.Serializer):
    mentor = MentorCardSerializer(help_text="As an item of /api/v1/mentors/.")
    score = serializers.FloatField(help_text="Fit from 0 to 1.")
    reasons = ReasonSerializer(many=True, help_text="Largest contribution first.")


class RecommendationListView(APIView):
    """The best mentors for the caller's mentee profile, best first, each with the reasons of
    its score. Mentors who are full, not accepting, declined the caller, already mentor them or
    have an open request from them are left out."""

    @extend_schema(
        parameters=[RecommendationQuerySerializer],
        responses={
            200: RecommendationSerializer(many=True),
            400: OpenApiResponse(description="A bad `top`; the body names it."),
            404: OpenApiResponse(description="The caller has no mentee profile yet."),
        },
        tags=["recommendations"],
    )
    def get(self, request: Request) -> Response:
        params = RecommendationQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        try:
            found = recommendations_for_mentee(user=request.user, top=params.validated_data["top"])
        except MenteeProfile.DoesNotExist:
            raise NotFound(
                {
                    "mentee_profile": _(
                        "You have no mentee profile yet. Create one "
                        "(PUT /api/v1/me/mentee-profile/) to get recommendations."
                    )
                }
            ) from None
        return Response(RecommendationSerializer(found, many=True).data)
