"""The skill picker: a form field holding skill names, with htmx autocomplete suggestions."""

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from nastavnik.skills.models import Skill
from nastavnik.skills.wordforms import normalize

MAX_SKILLS = 30
NAME_MAX_LENGTH = Skill._meta.get_field("name_en").max_length


class SkillPickerWidget(forms.Widget):
    """Chosen skills as ticked boxes plus a search box; clicking a suggestion appends a box.

    Works without JavaScript too: the "other skills" box takes comma-separated names.
    """

    template_name = "skills/widgets/skill_picker.html"

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        values = data.getlist(name) if isinstance(data, MultiValueDict) else data.get(name, [])
        if isinstance(values, str):
            values = [values]
        extra = data.get(f"{name}_other", "") or ""
        return [*values, *extra.split(",")]

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return name not in data and f"{name}_other" not in data

    def id_for_label(self, id_: str) -> str:
        # The field's label names the search box: the part of the picker a person types in.
        return f"{id_}-search" if id_ else id_

    def format_value(self, value: Any) -> list[str]:
        if not value:
            return []
        return [str(item) for item in value]


class SkillNamesField(forms.Field):
    """A list of skill names in either language; new names become the user's own skills."""

    widget = SkillPickerWidget
    default_error_messages = {
        "too_many": _("Choose at most %(limit)d skills."),
        "too_long": _("A skill name can be at most %(limit)d characters: %(name)s…"),
    }

    def to_python(self, value: Iterable[str] | None) -> list[str]:
        names: dict[str, str] = {}
        for raw in value or []:
            name = " ".join(str(raw).split())
            if name:
                names.setdefault(normalize(name), name)
        return list(names.values())

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > MAX_SKILLS:
            raise ValidationError(
                self.error_messages["too_many"], code="too_many", params={"limit": MAX_SKILLS}
            )
        for name in value:
            if len(name) > NAME_MAX_LENGTH:
                raise ValidationError(
                    self.error_messages["too_long"],
                    code="too_long",
                    params={"limit": NAME_MAX_LENGTH, "name": name[:40]},
                )
