"""Read-only JSON API of the mentor directory: the same selector as the directory page."""

from types import SimpleNamespace

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request

from nastavnik.directory.selectors import (
    MentorFilters,
    mentor_directory_get,
    mentor_directory_search,
    skill_find_for_filter,
)
from nastavnik.matching.services import mentors_sorted_by_fit
from nastavnik.profiles.languages import language_codes
from nastavnik.profiles.models import Format, MentorProfile, Specialisation
from nastavnik.profiles.selectors import mentee_profile_for_user
from nastavnik.skills.models import Skill


class FormatIsAFilterNegotiation(DefaultContentNegotiation):
    """Content negotiation that leaves ``?format=`` alone: here it filters by mentoring format
    (one to one, group, ...), not DRF's renderer override; JSON is chosen by the Accept header.
    """

    settings = SimpleNamespace(URL_FORMAT_OVERRIDE=None)


class DirectoryQuerySerializer(serializers.Serializer):
    """The directory's query parameters; all optional."""

    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Free text; every word, in any Russian or English word form, must match.",
    )
    skill = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=120,
        help_text="A skill's slug, or its name or synonym in Russian or English.",
    )
    language = serializers.CharField(
        required=False, allow_blank=True, help_text="An ISO 639-1 code, e.g. ru or en."
    )
    format = serializers.ChoiceField(choices=Format.choices, required=False, allow_blank=True)
    specialisation = serializers.ChoiceField(
        choices=Specialisation.choices, required=False, allow_blank=True
    )
    accepting = serializers.BooleanField(
        required=False,
        default=False,
        help_text="true: only mentors accepting requests with capacity left.",
    )
    sort = serializers.ChoiceField(
        choices=[("fit", "fit")],
        required=False,
        allow_blank=True,
        help_text="fit: best fit for the caller's mentee profile first (needs one); "
        "scores and reasons are at /api/v1/recommendations/.",
    )

    def validate_sort(self, value: str) -> str:
        user = self.context["request"].user
        if value == "fit" and mentee_profile_for_user(user=user) is None:
            raise serializers.ValidationError(
                _("Sorting by fit needs a mentee profile; create one first.")
            )
        return value

    def validate_skill(self, value: str) -> Skill | None:
        if not value.strip():
            return None
        skill = skill_find_for_filter(value=value)
        if skill is None:
            raise serializers.ValidationError(_("No skill is called “%(name)s”.") % {"name": value})
        return skill

    def validate_language(self, value: str) -> str:
        value = value.strip().lower()
        if value and value not in language_codes():
            raise serializers.ValidationError(
                _("“%(code)s” is not an ISO 639-1 language code.") % {"code": value}
            )
        return value


class SkillBriefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="The name in the request's language.")

    class Meta:
        model = Skill
        fields = ["slug", "name", "name_en", "name_ru"]


class MentorCardSerializer(serializers.ModelSerializer):
    """What a directory card shows."""

    name = serializers.CharField(source="user.name", read_only=True)
    skills = SkillBriefSerializer(many=True, read_only=True)
    capacity_left = serializers.IntegerField(read_only=True)

    class Meta:
        model = MentorProfile
        fields = [
            "id",
            "name",
            "headline",
            "current_role",
            "company",
            "industry",
            "skills",
            "languages",
            "formats",
            "specialisations",
            "capacity",
            "capacity_left",
            "accepting_requests",
        ]


class AvailabilityWindowSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 is Monday.")
    start = serializers.TimeField()
    end = serializers.TimeField()
    timezone = serializers.CharField(help_text="The IANA zone the times are in.")


class MentorDetailSerializer(MentorCardSerializer):
    """The public mentor page: never the email or other private data."""

    timezone = serializers.CharField(source="user.timezone", read_only=True)
    availability = AvailabilityWindowSerializer(source="user.availability", many=True)

    class Meta(MentorCardSerializer.Meta):
        fields = [
            *MentorCardSerializer.Meta.fields,
            "bio",
            "years_experience",
            "durations",
            "hours_per_month",
            "approach",
            "boundaries",
            "timezone",
            "availability",
        ]


@extend_schema(parameters=[DirectoryQuerySerializer], tags=["mentors"])
class MentorListView(generics.ListAPIView):
    """Published mentors matching the query, accepting ones first (20 per page)."""

    serializer_class = MentorCardSerializer
    filter_backends: list = []  # the query parameters are validated and applied below
    content_negotiation_class = FormatIsAFilterNegotiation

    def get_queryset(self):
        request: Request = self.request
        params = DirectoryQuerySerializer(data=request.query_params, context={"request": request})
        params.is_valid(raise_exception=True)
        data = params.validated_data
        filters = MentorFilters(
            query=data.get("q", ""),
            skill=data.get("skill"),
            language=data.get("language", ""),
            format=data.get("format", ""),
            specialisation=data.get("specialisation", ""),
            accepting_only=data["accepting"],
        )
        mentors = mentor_directory_search(filters=filters)
        if data.get("sort") == "fit":
            return mentors_sorted_by_fit(user=request.user, mentors=mentors)
        return mentors


@extend_schema(tags=["mentors"])
class MentorDetailView(generics.RetrieveAPIView):
    """One published mentor's public profile; 404 when unlisted or inactive."""

    serializer_class = MentorDetailSerializer
    content_negotiation_class = FormatIsAFilterNegotiation
    queryset = MentorProfile.objects.none()  # for the schema; objects come from the selector

    def get_object(self) -> MentorProfile:
        return mentor_directory_get(mentor_id=self.kwargs["mentor_id"])
