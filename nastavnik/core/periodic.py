"""When periodic jobs are due. The jobs themselves are idempotent management commands, so running
one early or twice is harmless; this only keeps them from running far too often or never."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class PeriodicJob:
    command: str
    every_minutes: int | None = None
    daily_at_hour: int | None = None  # in the server's TIME_ZONE

    def is_due(self, *, now: datetime.datetime, last_run: datetime.datetime | None) -> bool:
        """`now` and `last_run` are aware datetimes in the server's zone."""
        if self.every_minutes is not None:
            return last_run is None or now - last_run >= datetime.timedelta(
                minutes=self.every_minutes
            )
        ran_today = last_run is not None and last_run.date() == now.date()
        return now.hour >= (self.daily_at_hour or 0) and not ran_today


def jobs_from_settings(raw: list[dict]) -> list[PeriodicJob]:
    return [PeriodicJob(**item) for item in raw]
