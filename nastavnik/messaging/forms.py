from django import forms
from django.utils.translation import gettext_lazy as _

from nastavnik.messaging.models import EmailFrequency


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PreferenceForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("Email me about new messages"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
    )
