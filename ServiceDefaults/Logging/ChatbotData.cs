using Microsoft.Extensions.Compliance.Classification;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>
/// The data taxonomy for redaction. Mark <c>[LoggerMessage]</c> parameters with
/// <see cref="SecretDataAttribute"/>, <see cref="PiiDataAttribute"/> or <see cref="UserContentDataAttribute"/>;
/// the redactor registered by <c>AddServiceDefaults()</c> replaces their values before any log sink sees them.
/// </summary>
public static class ChatbotData
{
    public const string TaxonomyName = "ChatbotData";

    /// <summary>Passwords, tokens, API keys, signing keys, connection strings.</summary>
    public static DataClassification Secret { get; } = new(TaxonomyName, nameof(Secret));

    /// <summary>Personal data: e-mail addresses, names, IP addresses.</summary>
    public static DataClassification Pii { get; } = new(TaxonomyName, nameof(Pii));

    /// <summary>What users write and what models answer: prompts, messages, completions.</summary>
    public static DataClassification UserContent { get; } = new(TaxonomyName, nameof(UserContent));
}
