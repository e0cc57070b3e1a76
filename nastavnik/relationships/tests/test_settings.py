from nastavnik.core.tests.test_settings import run_manage


def test_a_request_expiry_under_two_days_stops_the_start_with_the_variable_name():
    result = run_manage("check", DEBUG="1", REQUEST_EXPIRY_DAYS="1")

    assert result.returncode != 0
    assert "REQUEST_EXPIRY_DAYS" in result.stderr


def test_a_non_numeric_request_expiry_names_the_variable():
    result = run_manage("check", DEBUG="1", REQUEST_EXPIRY_DAYS="a week")

    assert result.returncode != 0
    assert "REQUEST_EXPIRY_DAYS" in result.stderr
