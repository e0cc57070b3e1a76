"""Changing requests and relationships. Every state change is written to the event log.

Services check that `by` may act (PermissionDenied otherwise); finding the object for a user is the
selectors' job, which gives outsiders a 404 before a service is ever called.
"""

from nastavnik.relationships.services.checks import ConflictError, MentorUnavailableError
from nastavnik.relationships.services.relationships import (
    AGREEMENT_FIELDS,
    agreement_update,
    checklist_item_set_done,
    relationship_advance,
    relationship_end,
)
from nastavnik.relationships.services.requests import (
    mentor_unavailable_reason,
    request_accept,
    request_answer_info,
    request_ask_info,
    request_create,
    request_decline,
    request_withdraw,
    requests_expire,
)

__all__ = [
    "AGREEMENT_FIELDS",
    "ConflictError",
    "MentorUnavailableError",
    "agreement_update",
    "checklist_item_set_done",
    "mentor_unavailable_reason",
    "relationship_advance",
    "relationship_end",
    "request_accept",
    "request_answer_info",
    "request_ask_info",
    "request_create",
    "request_decline",
    "request_withdraw",
    "requests_expire",
]
