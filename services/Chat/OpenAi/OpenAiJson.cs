using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Chat.OpenAi;

/// <summary>OpenAI's wire names (snake_case); nulls are written, as OpenAI writes <c>"param": null</c>.</summary>
public static class OpenAiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
