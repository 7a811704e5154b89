using System.Text;

namespace Chatbot.Moderation.Detectors.Masking;

/// <summary>
/// Restores placeholders in a token stream. A placeholder may arrive split over several tokens, so text from an
/// unfinished <c>&lt;</c> onwards is held back until it is complete (or clearly not a placeholder).
/// </summary>
public sealed class StreamingRestorer(IReadOnlyDictionary<string, string> placeholders)
{
    private const int MaxPlaceholderLength = 32;
    private readonly StringBuilder pending = new();

    /// <summary>Adds a token; returns the text that can be shown now (possibly empty).</summary>
    public string Push(string token)
    {
        if (placeholders.Count == 0) return token;
        pending.Append(token);
        var text = pending.ToString();
        var open = text.LastIndexOf('<');
        var holdFrom = open >= 0 && text.IndexOf('>', open) < 0 && text.Length - open < MaxPlaceholderLength ? open : text.Length;
        pending.Clear().Append(text, holdFrom, text.Length - holdFrom);
        return Masker.Restore(text[..holdFrom], placeholders);
    }

    /// <summary>Whatever is still held back at the end of the stream.</summary>
    public string Flush()
    {
        var rest = Masker.Restore(pending.ToString(), placeholders);
        pending.Clear();
        return rest;
    }
}
