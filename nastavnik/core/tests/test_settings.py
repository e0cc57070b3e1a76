import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def clean_environment() -> dict[str, str]:
    """Only what a fresh shell has: the test run's own settings variables must not leak in."""
    return {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_environment(), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 30,
        ALLOWED_HOSTS="mentoring.example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_in_production_stops_the_web_server_with_the_variable_name():
    for module in ("config.wsgi", "config.asgi"):
        result = subprocess.run(
            [sys.executable, "-c", f"import {module}"],
            cwd=ROOT,
            env={**clean_environment(), "DEBUG": "0"},
            capture_output=True,
            text=True,
            timeout=120,
        )

        assert result.returncode != 0
        assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_commands_that_sign_nothing_run_without_a_secret_key():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="0")

    assert result.returncode == 0, result.stderr


def test_a_malformed_boolean_setting_names_the_variable():
    result = run_manage("check", DEBUG="perhaps")

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
