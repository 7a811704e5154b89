namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Where the unreleased tail of a reply could still grow into personal data: an e-mail address (a run of address
/// characters), a number (phone, card, SSN, IPv4: digits with their separators, or a lone <c>+</c> or <c>(</c>), an
/// IBAN (two capitals before such a number) or an IPv6 address (hex digits around a colon).
/// </summary>
internal static class PiiTail
{
    public static int HoldFrom(ReadOnlySpan<char> text, int released)
    {
        var end = text.Length;
        var from = end;
        var address = Back(text, released, IsAddressChar);
        if (address < end) from = address;
        var number = Back(text, released, IsNumberChar);
        while (number < end && text[number] == ' ') number++;
        if (number < end && (text[number..].ContainsAnyInRange('0', '9') || text[end - 1] is '+' or '('))
        {
            if (number >= released + 2 && char.IsAsciiLetterUpper(text[number - 1]) && char.IsAsciiLetterUpper(text[number - 2]))
            {
                number -= 2;
            }
            from = Math.Min(from, number);
        }
        var hex = Back(text, released, c => char.IsAsciiHexDigit(c) || c == ':');
        if (hex < end && text[hex..].Contains(':')) from = Math.Min(from, hex);
        return from;
    }

    private static int Back(ReadOnlySpan<char> text, int released, Func<char, bool> belongs)
    {
        var i = text.Length;
        while (i > released && belongs(text[i - 1])) i--;
        return i;
    }

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or '+' or '/';
}
