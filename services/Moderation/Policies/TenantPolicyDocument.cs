namespace Chatbot.Moderation.Policies;

/// <summary>
/// A tenant policy as the admin API reads and writes it, and as <c>tenant_policies.policy</c> stores it. Actions are
/// <c>allow</c>, <c>mask</c> (pii and secret only), <c>block</c> or <c>review</c>; fail modes <c>closed</c> or
/// <c>open</c> per stage (<c>prompt_injection</c>, <c>pii</c>, <c>harmful</c>, <c>provider</c>, <c>normalization</c>).
/// A field left out keeps the configured default. <c>responseCacheSeconds</c> opts the tenant into the response cache:
/// identical turns without personal data are answered from Redis for that long (0, the default: off; at most 7 days).
/// </summary>
public sealed record TenantPolicyDocument(
    Dictionary<string, string>? Actions = null,
    Dictionary<string, string[]>? HarmfulTerms = null,
    string? HarmfulDefault = null,
    string? FailMode = null,
    Dictionary<string, string>? StageFailModes = null,
    double? InjectionThreshold = null,
    int? StageTimeoutMilliseconds = null,
    bool? Canary = null,
    double? InjectionReviewThreshold = null,
    int? ResponseCacheSeconds = null);
