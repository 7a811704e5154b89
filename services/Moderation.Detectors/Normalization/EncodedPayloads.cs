using System.Text;
using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Normalization;

/// <summary>
/// Finds text hidden in common encodings (base64, hex, URL percent-encoding, ROT13 when announced) and returns the
/// decoded payloads that look like text, so detectors also see what an encoded attack says.
/// </summary>
internal static partial class EncodedPayloads
{
    private const int MaxPayloads = 16;

    public static IEnumerable<string> Decode(string text)
    {
        var count = 0;
        foreach (Match match in Base64().Matches(text))
        {
            if (count >= MaxPayloads) yield break;
            if (TryBase64(match.Value) is { } decoded) { count++; yield return decoded; }
        }
        foreach (Match match in Hex().Matches(text))
        {
            if (count >= MaxPayloads) yield break;
            if (TryHex(match.Value) is { } decoded) { count++; yield return decoded; }
        }
        if (text.Contains('%') && PercentEncoded().IsMatch(text))
        {
            count++;
            yield return Uri.UnescapeDataString(text);
        }
        if (text.Contains("rot13", StringComparison.OrdinalIgnoreCase) || text.Contains("rot-13", StringComparison.OrdinalIgnoreCase))
        {
            yield return Rot13(text);
        }
    }

    private static string? TryBase64(string candidate)
    {
        var padded = candidate.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? AsText(buffer.AsSpan(0, written)) : null;
    }

    private static string? TryHex(string candidate)
    {
        try
        {
            return AsText(Convert.FromHexString(candidate.Length % 2 == 0 ? candidate : candidate[..^1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Decoded bytes count as text when they are valid UTF-8 and mostly printable with some spaces.</summary>
    private static string? AsText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        return text.Length >= 8 && printable >= text.Length * 0.95 && text.Contains(' ') ? text : null;
    }

    private static string Rot13(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= 'a' and <= 'z' => (char)('a' + (c - 'a' + 13) % 26),
                >= 'A' and <= 'Z' => (char)('A' + (c - 'A' + 13) % 26),
                _ => c,
            };
        }
    });

    [GeneratedRegex(@"[A-Za-z0-9+/\-_]{16,}={0,2}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Base64();

    [GeneratedRegex(@"\b(?:[0-9a-fA-F]{2}){8,}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hex();

    [GeneratedRegex(@"(?:%[0-9a-fA-F]{2}){3,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PercentEncoded();
}
