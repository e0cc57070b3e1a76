"""The guided SMART goal form and the small forms of the goal pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nastavnik.goals.models import CONFIDENCE_MAX, CONFIDENCE_MIN, Category, Goal, Owner, Status
from nastavnik.goals.smart import smart_problems


class DateInput(forms.DateInput):
    input_type = "date"


class GoalForm(forms.Form):
    """Checks every SMART criterion and tells, on each field, what is missing (seed 004)."""

    title = forms.CharField(
        label=_("Specific: what is the goal?"),
        max_length=200,
        required=False,
        help_text=_("Clearly defined and understood by both of you."),
    )
    description = forms.CharField(
        label=_("Specific: describe it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What exactly do you want to achieve?"),
    )
    success_criteria = forms.CharField(
        label=_("Measurable: success criteria"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How will you both know the goal is achieved?"),
    )
    achievability = forms.CharField(
        label=_("Achievable: why is it realistic?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Given the time and resources you have."),
    )
    relevance = forms.CharField(
        label=_("Relevant: why does it matter now?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How it answers the mentee's current needs and goals."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    due_date = forms.DateField(
        label=_("Time-bound: due date"),
        required=False,
        widget=DateInput,
        help_text=_("1-3 months is a short-term goal, 3-12 medium, over a year long-term."),
    )

    def __init__(self, *args, instance: Goal | None = None, **kwargs) -> None:
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=Status.choices, initial=instance.status
            )
            if not instance.milestones.exists():
                self.fields["progress"] = forms.IntegerField(
                    label=_("Progress, %"),
                    min_value=0,
                    max_value=100,
                    initial=instance.progress,
                    help_text=_("Add milestones to have progress follow them."),
                )

    def clean(self) -> dict:
        data = super().clean()
        if self.errors.get("due_date"):
            return data
        due_date = data.get("due_date")
        unchanged_date = self.instance is not None and due_date == self.instance.due_date
        problems = smart_problems(
            title=data.get("title", ""),
            description=data.get("description", ""),
            success_criteria=data.get("success_criteria", ""),
            achievability=data.get("achievability", ""),
            relevance=data.get("relevance", ""),
            due_date=due_date,
            today=timezone.localdate(),
            check_due_date=not unchanged_date,
        )
        for field, message in problems.items():
            self.add_error(field, message)
        return data


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Assignment"), max_length=200)
    owner = forms.ChoiceField(label=_("Who does it"), choices=Owner.choices, initial=Owner.MENTEE)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=DateInput)
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none(), required=False)

    def __init__(self, *args, goals=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if goals is not None:
            self.fields["goal"].queryset = goals


class CheckInForm(forms.Form):
    progress = forms.CharField(
        label=_("What progress have I made?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    confidence = forms.TypedChoiceField(
        label=_("How confident am I (1-5)?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(CONFIDENCE_MIN, CONFIDENCE_MAX + 1)],
        widget=forms.RadioSelect,
    )
    blockers = forms.CharField(
        label=_("What blocks me?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, goals=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"goal_{goal.pk}"] = forms.IntegerField(
                label=_("Progress of “%(goal)s”, %%") % {"goal": goal.title},
                min_value=0,
                max_value=100,
                required=False,
                initial=goal.progress,
            )

    def goal_progress(self) -> dict[int, int]:
        return {
            goal.pk: self.cleaned_data[f"goal_{goal.pk}"]
            for goal in self.goals
            if self.cleaned_data.get(f"goal_{goal.pk}") is not None
        }


class CheckInCommentForm(forms.Form):
    comment = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 2}))


def template_initial(*, title: str, category: str, months: int) -> dict:
    """Form values for one of seed 004's example goals."""
    from dateutil.relativedelta import relativedelta

    due = timezone.localdate() + relativedelta(months=months)
    return {"title": title, "category": category, "due_date": due}
