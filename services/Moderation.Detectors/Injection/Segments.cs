namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// Splits a text into windows of whole sentences and lines (about <see cref="Window"/> characters each) so the classifier
/// judges each part of a long message on its own: an instruction hidden in the middle of a long e-mail is not diluted by
/// the e-mail around it, and a long harmless document is not judged by its length.
/// </summary>
public static class Segments
{
    public const int Window = 280;

    public static IEnumerable<string> Split(string text, int window = Window)
    {
        if (text.Length <= window)
        {
            yield return text;
            yield break;
        }
        var start = 0;
        var pieceStart = 0;
        foreach (var pieceEnd in PieceEnds(text, window * 2))
        {
            if (pieceEnd - start > window && pieceStart > start)
            {
                yield return text[start..pieceStart];
                start = pieceStart;
            }
            pieceStart = pieceEnd;
        }
        if (start < text.Length) yield return text[start..];
    }

    /// <summary>The sentences and lines of a text (split at line breaks and sentence ends), trimmed and non-empty.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        foreach (var end in PieceEnds(text, Window * 2))
        {
            var sentence = text[start..end].Trim();
            if (sentence.Length > 0) yield return sentence;
            start = end;
        }
    }

    /// <summary>Where each piece ends: after a line break or a sentence end followed by a space, or at <paramref name="longest"/> characters.</summary>
    private static IEnumerable<int> PieceEnds(string text, int longest)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] == '\n' || (text[i] is '.' or '!' or '?' or ';' && i + 1 < text.Length && text[i + 1] == ' ') || i + 1 - start >= longest;
            if (end || i == text.Length - 1)
            {
                yield return i + 1;
                start = i + 1;
            }
        }
    }
}
