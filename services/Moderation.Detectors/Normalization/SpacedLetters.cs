using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Normalization;

/// <summary>Joins runs of single letters separated by a space, dot, dash or underscore: "i g n o r e" becomes "ignore".</summary>
internal static partial class SpacedLetters
{
    public static string Join(string text)
    {
        text = Punctuated().Replace(text, m => string.Concat(m.Value.Where(char.IsLetter)));
        return Spaced().Replace(text, m => string.Concat(m.Value.Where(char.IsLetter)));
    }

    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L}[.\-_*]){2,}\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Punctuated();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L} ){3,}\p{L}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaced();
}
