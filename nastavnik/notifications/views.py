from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nastavnik.notifications.selectors import notifications_for_user
from nastavnik.notifications.services import (
    email_enabled,
    notification_settings_update,
    notifications_mark_read,
)


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    """The signed-in person's notifications, newest first, with the email preference."""
    page = Paginator(notifications_for_user(user=request.user), 30).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "email_enabled": email_enabled(user=request.user)}
    return render(request, "notifications/list.html", context)


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one notification read and go where it points."""
    notification = get_object_or_404(notifications_for_user(user=request.user), pk=notification_id)
    notifications_mark_read(user=request.user, ids=[notification.pk])
    safe = url_has_allowed_host_and_scheme(
        notification.url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(notification.url if notification.url and safe else "notifications:list")


@login_required
@require_POST
def notification_mark_all_read(request: HttpRequest) -> HttpResponse:
    notifications_mark_read(user=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_settings(request: HttpRequest) -> HttpResponse:
    """Turn notification emails on or off (a checkbox: absent means off)."""
    enabled = request.POST.get("email_enabled") == "on"
    notification_settings_update(user=request.user, email_enabled=enabled)
    messages.success(
        request,
        _("Notifications will also come by email.")
        if enabled
        else _("Notifications will only appear here, not by email."),
    )
    return redirect("notifications:list")
