using System.Text.Json;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>camelCase JSON as the SSE events carry it.</summary>
public static class ReplyStreamJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
