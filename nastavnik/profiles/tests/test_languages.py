from django.utils import translation

from nastavnik.profiles.languages import language_choices, language_codes, language_name


def test_language_codes_are_the_two_letter_iso_639_1_codes():
    codes = language_codes()

    assert {"ru", "en", "uk", "kk", "de"} <= codes
    assert "rus" not in codes
    assert all(len(code) == 2 for code in codes)


def test_language_names_follow_the_interface_language():
    with translation.override("ru"):
        assert language_name("en") == "английский"
    with translation.override("en"):
        assert language_name("en") == "English"


def test_russian_and_english_come_first_in_the_choices():
    with translation.override("en"):
        choices = language_choices()

    assert [code for code, _name in choices[:2]] == ["ru", "en"]
