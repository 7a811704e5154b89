using System.Text.Json;

namespace Chatbot.Chat.Turns.Dispatch;

/// <summary>
/// The reply an outbox payload would start (<c>GenerateReply</c> at the top, <c>ModerateInput</c> one level down), read
/// from the JSON alone: a row can be dead-lettered because its type no longer resolves.
/// </summary>
public static class OutboxReplyReference
{
    private const string ReplyIdProperty = "replyId";

    public static Guid? Find(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return Read(root) ?? root.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => Read(p.Value))
                .FirstOrDefault(id => id is not null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Guid? Read(JsonElement element) =>
        element.TryGetProperty(ReplyIdProperty, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id)
            ? id
            : null;
}
