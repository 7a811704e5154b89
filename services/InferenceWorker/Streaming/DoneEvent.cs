using System.Text.Json.Serialization;

namespace Chatbot.InferenceWorker.Streaming;

/// <summary>
/// JSON payload of the <c>done</c> stream entry that ends a complete reply; <see cref="Truncated"/> is "budget" when billing's
/// allowance stopped it; <see cref="PromptRef"/> names the prompt unambiguously (<c>global:v1</c> / <c>tenant:v3</c>);
/// <see cref="Cached"/> is true (and written) only for a reply answered from the response cache, whose tokens and cost are
/// the repeated reply's; <see cref="Experiment"/> and <see cref="Variant"/> the prompt experiment that chose it (absent: none).
/// </summary>
public sealed record DoneEvent(int InputTokens, int OutputTokens, decimal Cost, string Model, string Provider, int PromptVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Truncated = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PromptRef = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Cached = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? Experiment = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant = null);
