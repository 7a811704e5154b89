using System.Text.Json.Serialization;

namespace Chatbot.Chat.Turns.Caching;

/// <summary>The <c>done</c> entry of a reply chat answered from the response cache: the worker's shape, <c>cached: true</c>.</summary>
public sealed record CachedDoneEvent(int InputTokens, int OutputTokens, decimal Cost, string Model, string Provider, int PromptVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PromptRef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Experiment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant)
{
    public bool Cached => true;
}
