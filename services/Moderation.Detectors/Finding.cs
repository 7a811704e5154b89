namespace Chatbot.Moderation.Detectors;

/// <summary>
/// One thing a detector found. <see cref="Kind"/> names it precisely (EMAIL, CARD, JWT, rule name...); Start and Length
/// locate it in the clean text (Length 0 when the finding is about the whole text).
/// </summary>
public sealed record Finding(string Category, string Kind, double Score, int Start = 0, int Length = 0);
