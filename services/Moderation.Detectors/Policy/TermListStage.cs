using System.Text.RegularExpressions;
using Chatbot.Moderation.Detectors.Normalization;

namespace Chatbot.Moderation.Detectors.Policy;

/// <summary>Harmful-content categories from the tenant's term lists, matched as whole words on the folded text.</summary>
public sealed class TermListStage : IInputDetector
{
    public string Stage => "harmful";

    public IEnumerable<Finding> Detect(NormalizedText text, ModerationPolicy policy)
    {
        foreach (var (category, terms) in policy.BlockedTerms)
        {
            var hit = terms.Any(term => text.DetectionViews().Any(view => Contains(view, TextNormalizer.Fold(term.Trim()))));
            yield return new Finding(category, hit ? "term" : "none", hit ? 1.0 : 0.0);
        }
    }

    private static bool Contains(string text, string term) =>
        term.Length > 0 && Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
}
