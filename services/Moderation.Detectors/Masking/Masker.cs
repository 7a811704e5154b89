using System.Text;

namespace Chatbot.Moderation.Detectors.Masking;

/// <summary>
/// Replaces findings with reversible placeholders such as <c>&lt;EMAIL_1&gt;</c>. The same value always gets the same
/// placeholder within one mapping, so a model can still refer to "the same address" consistently.
/// </summary>
public static class Masker
{
    public static MaskedText Mask(string text, IEnumerable<Finding> findings, Dictionary<string, string>? placeholders = null)
    {
        placeholders ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var byValue = placeholders.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings.Where(f => f.Length > 0).OrderBy(f => f.Start))
        {
            if (finding.Start < position) continue;
            var value = text.Substring(finding.Start, finding.Length);
            if (!byValue.TryGetValue(value, out var placeholder))
            {
                var number = placeholders.Keys.Count(k => k.StartsWith($"<{finding.Kind}_", StringComparison.Ordinal)) + 1;
                placeholder = $"<{finding.Kind}_{number}>";
                placeholders[placeholder] = value;
                byValue[value] = placeholder;
            }
            builder.Append(text, position, finding.Start - position).Append(placeholder);
            position = finding.Start + finding.Length;
        }
        builder.Append(text, position, text.Length - position);
        return new MaskedText(builder.ToString(), placeholders);
    }

    /// <summary>Puts the original values back into a complete text.</summary>
    public static string Restore(string text, IReadOnlyDictionary<string, string> placeholders)
    {
        if (placeholders.Count == 0 || !text.Contains('<')) return text;
        var builder = new StringBuilder(text);
        foreach (var (placeholder, value) in placeholders)
        {
            builder.Replace(placeholder, value);
        }
        return builder.ToString();
    }
}
