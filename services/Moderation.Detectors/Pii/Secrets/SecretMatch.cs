namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>A secret found by <see cref="SecretScanner"/>: the rule that matched, the finding kind and where it is.</summary>
public sealed record SecretMatch(string Rule, string Kind, int Start, int Length);
