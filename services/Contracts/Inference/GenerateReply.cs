namespace Chatbot.Contracts.Inference;

/// <summary>
/// Asks an inference worker to produce the assistant reply <paramref name="ReplyId"/> (also the assistant message id).
/// Tokens go to the Redis stream of the reply; the outcome is published as <see cref="ReplyGenerated"/> or <see cref="ReplyFailed"/>.
/// <paramref name="BudgetLimited"/>: billing granted fewer output tokens than asked (<paramref name="MaxOutputTokens"/> is the
/// remaining budget); a reply stopped there ends with <c>done</c> marked <c>truncated: "budget"</c>.
/// <paramref name="PromptRef"/> names the system prompt unambiguously: <c>global:v1</c> (the global default) or
/// <c>tenant:v3</c> (the tenant's own version 3); <paramref name="PromptVersion"/> alone cannot tell them apart.
/// <paramref name="Moderated"/>: moderation passed the request on and wrote its output context (canary, placeholder
/// mapping) to Redis alongside this publish; the worker waits briefly for that context and fails closed without it.
/// <paramref name="AwaitCommit"/>: published before the turn committed; the worker holds it until the commit mark says
/// <see cref="ReplyStreamProtocol.Committed"/> (docs/turn-lifecycle.md, 3: commit mark).
/// <paramref name="Provider"/>: the provider (a worker <c>Inference:Providers</c> name) the caller's model alias names; it
/// is asked first and the rest of the chain stays the fallback. Null: the chain in its configured order.
/// <paramref name="Sampling"/>: temperature, top_p and stop sequences for the provider; null: its defaults.
/// Both were added later and default to null, so a request published before them still reads.
/// <paramref name="CacheKey"/>: the response cache key moderation computed for a turn of a tenant that opted in, with no
/// personal data found in it (SHA-256 hex of tenant, prompt, model, normalised messages and parameters); the worker
/// answers from <c>chatbot:response-cache:{tenant}:{key}</c> when it holds a reply, else stores the finished reply there
/// for <paramref name="CacheTtlSeconds"/>. Null: not cacheable.
/// <paramref name="ExperimentId"/> and <paramref name="Variant"/>: the prompt experiment and variant that chose the prompt
/// (null: none); the worker tags its metrics and the <c>done</c> event with them.
/// <paramref name="Tools"/>: the tenant's tools this turn may call (chat's registry, filtered by prompt version); null or
/// empty: no function calling. Added later, null by default.
/// <paramref name="ClientTools"/> and <paramref name="ClientToolChoice"/>: functions the caller of the OpenAI-compatible
/// door offers and runs itself (OpenAI's <c>tools</c>/<c>tool_choice</c>); the worker offers them to the model without
/// invoking them and writes the model's calls to the stream (<see cref="ReplyStreamProtocol.ToolCall"/>). Added later, null by default.
/// </summary>
public sealed record GenerateReply(
    Guid CorrelationId,
    DateTimeOffset OccurredAt,
    Guid ReplyId,
    Guid TenantId,
    Guid UserId,
    Guid ConversationId,
    Guid UserMessageId,
    string Tier,
    int PromptVersion,
    IReadOnlyList<ChatTurn> Messages,
    int MaxOutputTokens,
    bool BudgetLimited = false,
    string? PromptRef = null,
    bool Moderated = false,
    bool AwaitCommit = false,
    string? Provider = null,
    SamplingSettings? Sampling = null,
    string? CacheKey = null,
    int CacheTtlSeconds = 0,
    Guid? ExperimentId = null,
    string? Variant = null,
    IReadOnlyList<Chatbot.Contracts.Tools.ToolSpec>? Tools = null,
    IReadOnlyList<ClientTool>? ClientTools = null,
    ClientToolChoice? ClientToolChoice = null) : IMessage;
