namespace Chatbot.Moderation.Detectors.Normalization;

/// <summary>
/// A message prepared for detection. <see cref="Clean"/> is the text the provider may receive (invalid UTF-16 repaired,
/// invisible characters removed, compatibility forms folded); <see cref="Folded"/> is a lower-cased, homoglyph- and
/// leet-folded copy for rule matching; <see cref="Decoded"/> holds payloads found inside encodings (base64, hex, URL).
/// </summary>
public sealed record NormalizedText(string Clean, string Folded, IReadOnlyList<string> Decoded, bool Truncated)
{
    /// <summary>Every view that detection should look at: the folded text and each decoded payload.</summary>
    public IEnumerable<string> DetectionViews()
    {
        yield return Folded;
        foreach (var decoded in Decoded)
        {
            yield return decoded;
        }
    }
}
