using Microsoft.Extensions.Compliance.Classification;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>Classifies a logged value as <see cref="ChatbotData.Pii"/>; it is redacted before it reaches a log sink.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PiiDataAttribute() : DataClassificationAttribute(ChatbotData.Pii);
