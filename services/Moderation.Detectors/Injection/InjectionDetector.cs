using Chatbot.Moderation.Detectors.Normalization;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// The cheap first stage, run on every message: blocking rules with a precise intent (a match is confident and ends the
/// check), review rules (a request for a guarded secret, instructions addressed to the model inside quoted content), the
/// separate check of embedded content (<see cref="EmbeddedInstructions"/>), then the classifier on the folded text and on
/// each decoded payload; the score is the classifier's highest probability.
/// </summary>
public sealed class InjectionDetector(InjectionClassifier classifier)
{
    public InjectionScore Score(NormalizedText text)
    {
        var best = 0.0;
        string? review = null;
        foreach (var view in text.DetectionViews())
        {
            var rule = InjectionRules.FirstMatch(view) ?? (Separated(view) is { } spaced ? InjectionRules.FirstMatch(spaced) : null);
            if (rule is not null)
            {
                return new InjectionScore(1.0, rule, Confident: true, Suspicious: false);
            }
            review ??= ReviewRules.FirstMatch(view);
            best = Math.Max(best, classifier.Score(view));
        }
        review ??= EmbeddedInstructions.FirstMatch(text.Clean);
        return new InjectionScore(best, review ?? "classifier", Confident: false, Suspicious: review is not null);
    }

    /// <summary>Words joined by dots, underscores or hyphens instead of spaces ("ignore.the.previous.rules"), spaced out.</summary>
    private static string? Separated(string view) =>
        view.Length > 12 && !view.Contains(' ', StringComparison.Ordinal) && view.AsSpan().IndexOfAny("._-+") >= 0
            ? view.Replace('.', ' ').Replace('_', ' ').Replace('-', ' ').Replace('+', ' ')
            : null;
}
