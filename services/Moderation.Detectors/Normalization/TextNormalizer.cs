using System.Text;

namespace Chatbot.Moderation.Detectors.Normalization;

/// <summary>
/// Normalises input before any detector sees it, so that tricks (zero-width characters, homoglyphs, full-width forms,
/// spaced-out letters, leetspeak, lone surrogates, encodings) do not hide an attack. Never throws on any string.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Detection never looks past this many characters; longer input is checked on its head and tail.</summary>
    public const int DefaultMaxChars = 64_000;

    public static NormalizedText Normalize(string? input, int maxChars = DefaultMaxChars)
    {
        input ??= string.Empty;
        var truncated = input.Length > maxChars;
        if (truncated)
        {
            var half = maxChars / 2;
            input = string.Concat(input.AsSpan(0, half), "\n", input.AsSpan(input.Length - half));
        }
        var clean = Clean(input);
        var folded = Fold(clean);
        var decoded = EncodedPayloads.Decode(clean).Select(Fold).ToList();
        return new NormalizedText(clean, folded, decoded, truncated);
    }

    /// <summary>Repairs lone surrogates, drops invisible format characters and folds compatibility forms (NFKC).</summary>
    public static string Clean(string input)
    {
        var builder = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
                {
                    builder.Append(c).Append(input[++i]);
                }
                else
                {
                    builder.Append('\uFFFD');
                }
                continue;
            }
            if (char.IsLowSurrogate(c))
            {
                builder.Append('\uFFFD');
                continue;
            }
            if (IsInvisible(c))
            {
                continue;
            }
            // Full-width ASCII (U+FF01..U+FF5E) and the ideographic space, in case NFKC is unavailable.
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            });
        }
        var text = builder.ToString();
        return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Lower case, homoglyphs and leetspeak mapped to ASCII letters, accents dropped, spaced letters joined.</summary>
    public static string Fold(string clean)
    {
        var decomposed = clean.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(Homoglyphs.Fold(char.ToLowerInvariant(c)));
        }
        return SpacedLetters.CollapseWhitespace(SpacedLetters.Join(builder.ToString()));
    }

    private static bool IsInvisible(char c) => c switch
    {
        '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' => true,
        >= '\u200B' and <= '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2060' and <= '\u206F' => true,
        '\uFEFF' or '\u3164' or '\uFFA0' => true,
        >= '\uFE00' and <= '\uFE0F' => true,
        _ => false,
    };
}
