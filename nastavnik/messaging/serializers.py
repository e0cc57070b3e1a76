from rest_framework import serializers

from nastavnik.messaging.models import Message


class MessageSerializer(serializers.ModelSerializer):
    body = serializers.CharField(max_length=10000)

    class Meta:
        model = Message
        fields = ("id", "relationship", "author", "recipient", "body", "created_at", "read_at")
        read_only_fields = ("id", "relationship", "author", "recipient", "created_at", "read_at")


class MarkedReadSerializer(serializers.Serializer):
    marked_read = serializers.IntegerField()


class RelationshipUnreadSerializer(serializers.Serializer):
    relationship = serializers.IntegerField()
    unread = serializers.IntegerField()


class UnreadSerializer(serializers.Serializer):
    unread = serializers.IntegerField()
    by_relationship = RelationshipUnreadSerializer(many=True)
