from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers

from nastavnik.skills.models import Skill
from nastavnik.skills.selectors import skills_search


class SkillSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True, help_text="The name in the request's language.")

    class Meta:
        model = Skill
        fields = ("id", "slug", "name", "name_en", "name_ru", "category", "is_custom")
        read_only_fields = fields


@extend_schema(
    parameters=[
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description="Part of a name or synonym, Russian or English, any word form.",
        )
    ]
)
class SkillListView(generics.ListAPIView):
    """Skills for autocomplete: the taxonomy and skills users added, best matches first."""

    serializer_class = SkillSerializer
    # The taxonomy is public data; the directory's filters use it without an account.
    permission_classes = [permissions.AllowAny]
    filter_backends = []

    def get_queryset(self) -> QuerySet[Skill]:
        return skills_search(query=self.request.query_params.get("q", "")[:100])
