using Microsoft.Extensions.Compliance.Classification;

namespace Chatbot.ServiceDefaults.Logging;

/// <summary>Classifies a logged value as <see cref="ChatbotData.UserContent"/>; it is redacted before it reaches a log sink.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UserContentDataAttribute() : DataClassificationAttribute(ChatbotData.UserContent);
