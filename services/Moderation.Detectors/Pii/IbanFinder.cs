using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// IBANs of every registered country, spaced (groups of four), dashed or unspaced: the country's
/// registry length is taken from the candidate (so a following word is not swallowed) and mod 97 must hold. The
/// country code must be upper case: a lower-case start would make every word of prose a candidate.
/// </summary>
public static partial class IbanFinder
{
    public static IEnumerable<(int Start, int Length)> Find(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var country = match.Value[..2].ToUpperInvariant();
            if (!IbanRegistry.Lengths.TryGetValue(country, out var expected)) continue;
            var compact = new System.Text.StringBuilder(expected);
            var end = 0;
            for (var i = 0; i < match.Length && compact.Length < expected; i++)
            {
                if (!char.IsAsciiLetterOrDigit(match.Value[i])) continue;
                compact.Append(char.ToUpperInvariant(match.Value[i]));
                end = i + 1;
            }
            var followedBy = match.Index + end < text.Length ? text[match.Index + end] : ' ';
            if (compact.Length == expected && !char.IsAsciiLetterOrDigit(followedBy) && Checksums.Iban(compact.ToString()))
            {
                yield return (match.Index, end);
            }
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,32}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Candidate();
}
