using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// Payment cards: 12 to 19 digits in any common grouping (4-4-4-4, 4-6-5, 4-4-4-4-3, unspaced; spaces, dashes or
/// dots), an issuer prefix 2-6 (Mastercard 2/5, Amex/Diners/JCB 3, Visa 4, Maestro/Discover/UnionPay 5-6) and Luhn.
/// One random digit string in ten passes Luhn, so a number introduced as an identifier ("order", "part no.",
/// "reference") is not a card unless a card word is near, and 12- or 13-digit numbers need a card word.
/// </summary>
public static partial class PaymentCards
{
    /// <summary>
    /// Each run of digit groups is searched for the longest run of whole groups that is a card, so a card followed by
    /// its CVV or preceded by a quantity is still found.
    /// </summary>
    public static IEnumerable<(int Start, int Length)> Find(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var groups = Group().Matches(match.Value);
            if (groups.Count > 12) continue;
            for (var first = 0; first < groups.Count; first++)
            {
                for (var last = groups.Count - 1; last >= first; last--)
                {
                    var start = groups[first].Index;
                    var length = groups[last].Index + groups[last].Length - start;
                    if (IsCard(match.Value.Substring(start, length)) && Plausible(text, match.Index + start, match.Value.Substring(start, length)))
                    {
                        yield return (match.Index + start, length);
                        first = last;
                        break;
                    }
                }
            }
        }
    }

    private static bool Plausible(string text, int start, string value)
    {
        return NumberContext.NearCardWord(text, start, value.Length) || (!NumberContext.IdentifierWord().IsMatch(NumberContext.Before(text, start)) && value.Count(char.IsAsciiDigit) >= 14);
    }

    public static bool IsCard(string value)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (digits.Length is < 12 or > 19 || digits[0] is < '2' or > '6' || digits.Distinct().Count() < 2 || CountsUp(digits)) return false;
        var separators = value.Where(c => !char.IsAsciiDigit(c)).Distinct().Count();
        var groups = value.Split([' ', '-', '.']);
        // One kind of separator; no thousands grouping (1.234.567.890.123) or single digits spaced out.
        return separators <= 1 && (groups.Length == 1 || groups.Skip(1).Any(g => g.Length != 3))
            && groups.All(g => g.Length >= 2 || groups.Length <= 2) && Checksums.Luhn(digits);
    }

    /// <summary>1234 5678 9012 3456: seven or more digits counting up are a made-up number, not an issued card.</summary>
    private static bool CountsUp(string digits)
    {
        var run = 1;
        for (var i = 1; i < digits.Length; i++)
        {
            run = digits[i] == (digits[i - 1] == '9' ? '0' : digits[i - 1] + 1) ? run + 1 : 1;
            if (run >= 7) return true;
        }
        return false;
    }

    [GeneratedRegex(@"(?<![\w+.,-])(?>\d+(?:[ .-]\d+)*)(?![\w]|[.,-]\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Group();
}
