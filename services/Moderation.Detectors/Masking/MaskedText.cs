namespace Chatbot.Moderation.Detectors.Masking;

/// <summary>Text with values replaced by placeholders, and the mapping placeholder → original value to restore them.</summary>
public sealed record MaskedText(string Text, IReadOnlyDictionary<string, string> Placeholders);
