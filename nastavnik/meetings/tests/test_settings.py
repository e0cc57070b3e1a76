import pytest

from nastavnik.core.tests.test_settings import run_manage


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MEETING_REMINDER_MINUTES", "0"),
        ("MEETING_REMINDER_MINUTES", "a day"),
        ("MEETING_NUDGE_WEEKS", "-1"),
    ],
)
def test_a_bad_reminder_setting_stops_the_start_naming_the_variable(variable, value):
    result = run_manage("check", DEBUG="1", **{variable: value})

    assert result.returncode != 0
    assert variable in result.stderr
