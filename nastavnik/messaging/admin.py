from django.contrib import admin

from nastavnik.messaging.models import Message, MessagingPreference


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("relationship", "author", "recipient", "created_at", "read_at", "emailed_at")
    list_filter = ("read_at", "emailed_at")
    search_fields = ("body", "author__name", "recipient__name")
    raw_id_fields = ("relationship", "author", "recipient")


@admin.register(MessagingPreference)
class MessagingPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email_frequency")
    list_filter = ("email_frequency",)
    raw_id_fields = ("user",)
