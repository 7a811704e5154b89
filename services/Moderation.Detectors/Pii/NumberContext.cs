using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>The words just before a number that say what it is: an identifier (order, invoice, part no.) or a card.</summary>
internal static partial class NumberContext
{
    public static string Before(string text, int start, int length = 32) =>
        text.Substring(Math.Max(0, start - length), Math.Min(length, start));

    /// <summary>Order, invoice, reference, ticket, serial, part no., ISBN, # ...: the number names a thing, not a person.</summary>
    [GeneratedRegex(@"(?i)(?:\b(?:order|invoice|ref|reference|id|isbn|issn|sku|tracking|ticket|case|serial|version|build|zip|postcode|code|pin|no\.|nr\.|total|price|amount|population|item|batch|lot|part|step|page|chapter|room|parcel|shipment)|#)[^\d\n]{0,12}$", RegexOptions.CultureInvariant, 1000)]
    public static partial Regex IdentifierWord();

    public static bool NearCardWord(string text, int start, int length) =>
        CardWordBefore().IsMatch(Before(text, start, 48))
        || CardWordAfter().IsMatch(text.AsSpan(start + length, Math.Min(32, text.Length - start - length)));

    private const string CardWords = "card|visa|master\\s?card|maestro|amex|american express|discover|jcb|diners|unionpay|karte|tarjeta|carte|cartão|carta|pay|paid|charge|cvv|cvc|expir|refund";

    [GeneratedRegex(@"(?i)(?:" + CardWords + @")[^\n]{0,40}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CardWordBefore();

    [GeneratedRegex(@"(?i)^[^\n]{0,24}(?:" + CardWords + ")", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CardWordAfter();
}
