"""Goals of a mentoring pair (seed 004): SMART goals, milestones, assignments and check-ins."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nastavnik.core.models import TimeStampedModel

CONFIDENCE_MIN = 1
CONFIDENCE_MAX = 5


class Category(models.TextChoices):
    PROFESSIONAL_DEVELOPMENT = "professional_development", _("Professional development")
    CAREER_PLANNING = "career_planning", _("Career planning")
    PERSONAL_GROWTH = "personal_growth", _("Personal growth")
    NETWORKING = "networking", _("Networking")


class Horizon(models.TextChoices):
    SHORT = "short", _("Short term (1-3 months)")
    MEDIUM = "medium", _("Medium term (3-12 months)")
    LONG = "long", _("Long term (1+ years)")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    ACHIEVED = "achieved", _("Achieved")
    REVISED = "revised", _("Revised")
    DROPPED = "dropped", _("Dropped")


class Owner(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")


class GoalQuerySet(models.QuerySet["Goal"]):
    def active(self) -> "GoalQuerySet":
        return self.filter(status=Status.ACTIVE)


class Goal(TimeStampedModel):
    """A goal the pair set together. `horizon` follows from the due date, `progress` from the
    milestones when there are any (see services)."""

    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("relationship"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    success_criteria = models.TextField(_("success criteria"))
    achievability = models.TextField(_("why it is achievable"), blank=True)
    relevance = models.TextField(_("why it matters now"), blank=True)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    due_date = models.DateField(_("due date"))
    horizon = models.CharField(_("horizon"), max_length=16, choices=Horizon.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    progress = models.PositiveSmallIntegerField(
        _("progress, %"), default=0, validators=[MaxValueValidator(100)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="goals_goal_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="goals_goal_category_valid"
            ),
            models.CheckConstraint(
                condition=Q(horizon__in=Horizon.values), name="goals_goal_horizon_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="goals_goal_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class GoalRevision(models.Model):
    """What a goal looked like after each change, who changed it and when: goals change over
    time (seed 004) and the pair can see how."""

    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("goal")
    )
    number = models.PositiveIntegerField(_("number"))
    snapshot = models.JSONField(_("snapshot"))
    changed_fields = models.JSONField(_("changed fields"), default=list, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("goal revision")
        verbose_name_plural = _("goal revisions")
        ordering = ["goal", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "number"], name="goals_revision_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.goal} #{self.number}"


class Milestone(TimeStampedModel):
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("goal")
    )
    title = models.CharField(_("title"), max_length=200)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["order", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done=True, done_at__isnull=False) | Q(done=False, done_at__isnull=True),
                name="goals_milestone_done_at_iff_done",
            )
        ]

    def __str__(self) -> str:
        return self.title


class TaskQuerySet(models.QuerySet["Task"]):
    def open(self) -> "TaskQuerySet":
        return self.filter(done=False)


class Task(TimeStampedModel):
    """An assignment or action item, owned by one side of the pair."""

    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("relationship"),
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("goal"),
    )
    title = models.CharField(_("title"), max_length=200)
    owner = models.CharField(_("owner"), max_length=16, choices=Owner.choices)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["done", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner__in=Owner.values), name="goals_task_owner_valid"
            ),
            models.CheckConstraint(
                condition=Q(done=True, done_at__isnull=False) | Q(done=False, done_at__isnull=True),
                name="goals_task_done_at_iff_done",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class CheckIn(models.Model):
    """The mentee's short self-assessment; the mentor may answer it with a comment."""

    relationship = models.ForeignKey(
        "relationships.Relationship",
        on_delete=models.CASCADE,
        related_name="checkins",
        verbose_name=_("relationship"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    progress = models.TextField(_("progress since the last check-in"))
    confidence = models.PositiveSmallIntegerField(
        _("confidence (1-5)"),
        validators=[MinValueValidator(CONFIDENCE_MIN), MaxValueValidator(CONFIDENCE_MAX)],
    )
    blockers = models.TextField(_("what blocks me"), blank=True)
    mentor_comment = models.TextField(_("mentor's comment"), blank=True)
    mentor_commented_at = models.DateTimeField(_("commented at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__gte=CONFIDENCE_MIN, confidence__lte=CONFIDENCE_MAX),
                name="goals_checkin_confidence_1_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.relationship} {self.created_at:%Y-%m-%d}"


class CheckInGoalProgress(models.Model):
    """A goal's progress as it stood at a check-in: the points of the progress-over-time view."""

    checkin = models.ForeignKey(
        CheckIn, on_delete=models.CASCADE, related_name="goal_progress", verbose_name=_("check-in")
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.CASCADE, related_name="checkin_progress", verbose_name=_("goal")
    )
    progress = models.PositiveSmallIntegerField(
        _("progress, %"), validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("goal progress at a check-in")
        verbose_name_plural = _("goal progress at check-ins")
        constraints = [
            models.UniqueConstraint(fields=["checkin", "goal"], name="goals_checkin_goal_unique"),
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100),
                name="goals_checkin_progress_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.goal}: {self.progress}%"
