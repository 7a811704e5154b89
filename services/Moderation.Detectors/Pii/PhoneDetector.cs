using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>
/// Phone numbers of every country. A digit run shaped like a phone number is a candidate; then, in order:
/// international (<c>+CC</c> / <c>00CC</c>): Google's libphonenumber must find it possible for that country;
/// a parenthesised area code followed by grouped digits: a phone by its shape alone;
/// a phone word nearby ("call", "tel", "mobile", "WhatsApp", "Handy", "móvil"...): 7 to 13 digits;
/// otherwise national: valid in one of the candidate regions (the tenant's <c>PhoneRegions</c>, else
/// <see cref="DefaultRegions"/>; regions whose possible lengths cannot fit the digits are skipped, since each parse costs
/// about 50 µs), and grouped or written with the trunk prefix 0. Dates, times, versions, prices, thousands and a word such as "order",
/// "invoice" or "ISBN" just before the number rule it out.
/// </summary>
public static partial class PhoneDetector
{
    /// <summary>Regions whose national formats are recognised without a phone word nearby, unless a tenant names its own.</summary>
    public static readonly IReadOnlyList<string> DefaultRegions =
        ["US", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "IN", "BR", "MX", "AU", "JP", "TR", "ZA", "NG"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Per region: the national number lengths it allows, plus the length of its trunk prefix.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (HashSet<int> Lengths, int Trunk)> Shapes = new();

    public static IEnumerable<(int Start, int Length)> Find(string text, IReadOnlyList<string>? regions = null)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var value = match.Value.TrimEnd(' ', '.', '-');
            if (IsPhone(text, match.Index, value, regions)) yield return (match.Index, value.Length);
        }
    }

    private static bool IsPhone(string text, int start, string value, IReadOnlyList<string>? regions)
    {
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (digits.Length is < 7 or > 15 || digits.Distinct().Count() < 3) return false;
        var before = NumberContext.Before(text, start);
        var after = text.AsSpan(start + value.Length, Math.Min(12, text.Length - start - value.Length)).ToString();
        var cue = PhoneWord().IsMatch(before);
        if (NotAPhone().IsMatch(value) || (!cue && Thousands().IsMatch(value)) || Currency().IsMatch(after)
            || (value.Contains('.') && value.Contains('-'))) return false;
        if (!cue && (NumberContext.IdentifierWord().IsMatch(before) || BankWord().IsMatch(before) || Currency().IsMatch(before))) return false;
        if (value[0] == '+' || value.StartsWith("00", StringComparison.Ordinal))
        {
            return IsPossible("+" + digits[(value[0] == '+' ? 0 : 2)..], "ZZ");
        }
        if (AreaCodeShape().IsMatch(value) || (cue && digits.Length <= 13)) return true;
        var grouped = value.Any(c => c is ' ' or '-' or '.' or '(');
        if (!grouped && digits[0] != '0') return false;
        foreach (var region in regions is { Count: > 0 } ? regions : DefaultRegions)
        {
            var (lengths, trunk) = Shapes.GetOrAdd(region, Shape);
            var national = digits[0] == '0' ? digits.Length - trunk : digits.Length;
            if ((lengths.Contains(national) || lengths.Contains(digits.Length)) && IsValid(value, region)) return true;
        }
        return false;
    }

    private static bool IsPossible(string number, string region)
    {
        try
        {
            var parsed = Util.Parse(number, region);
            return Util.IsPossibleNumber(parsed) && (Util.IsValidNumber(parsed) || number.Length >= 9);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    private static (HashSet<int> Lengths, int Trunk) Shape(string region)
    {
        var metadata = Util.GetMetadataForRegion(region);
        return metadata is null ? ([], 0)
            : ([.. metadata.GeneralDesc.PossibleLengthList], metadata.HasNationalPrefix ? metadata.NationalPrefix.Length : 0);
    }

    private static bool IsValid(string number, string region)
    {
        try
        {
            return Util.IsValidNumberForRegion(Util.Parse(number, region), region);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>An optional +CC/00CC, an optional (area code), then digit groups joined by one space, dash or dot.</summary>
    [GeneratedRegex(@"(?<![\w+.,/:@#$€£-])(?>(?:(?:\+|00)[ ]?)?(?:\(\d{1,5}\)[ ]?)?\d{1,15}(?:(?:[ .-]|[ ]?\(\d{1,5}\)[ ]?)\d{1,15}){0,6})(?![\w@]|[.,/:-]\d|%)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Candidate();

    /// <summary>(99) 645-791, (030) 1234 5678, (415) 555-0132: an area code in brackets, then at least two groups.</summary>
    [GeneratedRegex(@"^(?:(?:\+|00)\d{1,3}[ ]?)?\(\d{2,5}\)[ ]?\d{2,5}[ .-]\d{2,5}(?:[ .-]\d{2,5})?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AreaCodeShape();

    /// <summary>Dates (2024-05-06, 06.05.2024), versions (10.0.401), thousands with dots (1.234.567) and decimals.</summary>
    [GeneratedRegex(@"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,3}(?:\.\d{3})+|\d+(?:\.\d+){1,3})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NotAPhone();

    /// <summary>12 345 678: thousands with spaces, unless a phone word says it is a number like 699 956 915.</summary>
    [GeneratedRegex(@"^\d{1,3}(?: \d{3})+$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"(?i)(?:phone|tel\b|tel\.|tél|telephone|téléphone|telefon|teléfono|telefone|telefono|mobile|mobil|móvil|móvel|zadzwoń|line|cell|handy|portable|celular|cellulare|whats\s?app|signal|sms|text(?:\s+me)?\b|call|ring|dial|fax|hotline|contact|reach|ligue|llama|appel|anruf|ruf|numéro|número|numero|nummer|电话|手机|電話|携帯)[^\d\n]{0,24}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhoneWord();

    [GeneratedRegex(@"(?i)(?:account|acct|iban|card)[^\d\n]{0,12}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BankWord();

    [GeneratedRegex(@"(?i)^\s?(?:€|\$|£|¥|eur(?:os?)?|usd|dollars?|gbp|chf|kr|zł|units|people|km|kg|mb|gb|ms)\b|[$€£¥]\s?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Currency();
}
