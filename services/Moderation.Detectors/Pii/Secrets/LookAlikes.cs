using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>
/// Tells a generated secret from what only looks like one: placeholders (<c>sk-xxxxxxxx</c>, <c>&lt;YOUR_KEY&gt;</c>,
/// <c>${API_KEY}</c>), docs examples (AWS's documented key id ending in <c>EXAMPLE</c>), runs such as <c>abcdef</c> or <c>000000</c>,
/// variable names, and values whose Shannon entropy is below what a random key has.
/// </summary>
public static partial class LookAlikes
{
    public const double MinimumKeyEntropy = 3.2;

    public static bool Passes(string value, SecretCheck check) => check switch
    {
        SecretCheck.HighEntropy => !IsPlaceholder(value) && value.Length >= 16 && CharacterClasses(value) >= 2
            && Entropy(value) >= MinimumKeyEntropy,
        SecretCheck.Password => !IsPlaceholder(value) && !WeakWord().IsMatch(value) && value.Length >= 6,
        _ => !IsPlaceholder(value),
    };

    public static bool IsPlaceholder(string value) =>
        PlaceholderWords().IsMatch(value) || VariableReference().IsMatch(value) || HasRun(value, 6) || value.Distinct().Count() < Math.Min(8, value.Length / 2 + 1);

    /// <summary>Shannon entropy in bits per character.</summary>
    public static double Entropy(string value)
    {
        if (value.Length == 0) return 0;
        var counts = new Dictionary<char, int>();
        foreach (var c in value) counts[c] = counts.GetValueOrDefault(c) + 1;
        return -counts.Values.Sum(n => (double)n / value.Length * Math.Log2((double)n / value.Length));
    }

    private static int CharacterClasses(string value) =>
        (value.Any(char.IsAsciiLetterLower) ? 1 : 0) + (value.Any(char.IsAsciiLetterUpper) ? 1 : 0)
        + (value.Any(char.IsAsciiDigit) ? 1 : 0) + (value.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);

    /// <summary>Six or more characters in a row that repeat or count up (aaaaaa, 000000, abcdef, 123456).</summary>
    private static bool HasRun(string value, int length)
    {
        int same = 1, up = 1;
        for (var i = 1; i < value.Length; i++)
        {
            same = value[i] == value[i - 1] ? same + 1 : 1;
            up = char.IsAsciiLetterOrDigit(value[i]) && value[i] == value[i - 1] + 1 ? up + 1 : 1;
            if (same >= length || up >= length) return true;
        }
        return false;
    }

    [GeneratedRegex(@"example|xxxx|\*\*\*|\.\.\.|…|your[_-]?|my[_-]?(?:api[_-]?)?(?:key|token|secret)|placeholder|redacted|dummy|sample|changeme|replace[_-]?me|insert|<|>|\{|\}|\[|\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PlaceholderWords();

    /// <summary>A reference to where the secret lives, not the secret: env variables, config paths, CONSTANT_NAMES.</summary>
    [GeneratedRegex(@"^(?:\$\w|%\w|process\.env|os\.environ|env\(|ENV\[|System\.getenv|Environment\.|config\.|settings\.|secrets\.|vault:|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|[a-z_]+(?:\.[a-z_]+)+$)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^(?:pass(?:word|wd)?|pwd|secret|admin|root|guest|user(?:name)?|test|qwerty|letmein|hunter2|none|null|true|false|required|optional|string)\d{0,3}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex WeakWord();
}
