namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Where the unreleased tail of a reply could still grow into personal data: an e-mail address (a run of address
/// characters), a number (phone, card, SSN, IPv4: digits with their separators, or a lone <c>+</c> or <c>(</c>), an
/// IBAN (two capitals before such a number) or an IPv6 address (hex digits around a colon). A whole trailing word that
/// is a common English word (<see cref="CommonWords"/>) is not held although an <c>@</c> could still follow it: it
/// identifies nobody alone, and what follows is held and masked as before; every other address-like tail waits.
/// </summary>
internal static class PiiTail
{
    public static int HoldFrom(ReadOnlySpan<char> text, int released)
    {
        var end = text.Length;
        var from = end;
        var address = Back(text, released, IsAddressChar);
        if (address < end && !IsCommonWord(text, address)) from = address;
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
        var hex = Back(text, released, IsHexOrColon);
        if (hex < end && text[hex..].Contains(':') && !AfterWord(text, released)) from = Math.Min(from, hex);
        return from;
    }

    private static int Back(ReadOnlySpan<char> text, int released, Func<char, bool> belongs)
    {
        var i = text.Length;
        while (i > released && belongs(text[i - 1])) i--;
        return i;
    }

    /// <summary>The tail from <paramref name="start"/> is a whole word (no address character before it) and a common one.</summary>
    private static bool IsCommonWord(ReadOnlySpan<char> text, int start) =>
        (start == 0 || !IsAddressChar(text[start - 1])) && CommonWords.Contains(text[start..]);

    /// <summary>
    /// An IPv6 address is a run of hex digits and colons that starts after no word character, colon or dot: when the
    /// tail's whole run (looked at up to 64 characters back, longer than any address) follows a word character
    /// (<c>answer:</c>, <c>Example:</c>), none can begin in it.
    /// </summary>
    private static bool AfterWord(ReadOnlySpan<char> text, int released)
    {
        var limit = Math.Max(0, released - 64);
        var start = Back(text, limit, IsHexOrColon);
        return start > limit && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.');
    }

    private static bool IsHexOrColon(char c) => char.IsAsciiHexDigit(c) || c == ':';

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '(' or ')' or '+' or '/';
}
