using System.Text;
using Chatbot.Moderation.Detectors.Leaks;
using Chatbot.Moderation.Detectors.Pii;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Checks a reply while it streams. The last <c>holdBackChars</c> characters are held back; everything older has been
/// checked for the canary, for a system-prompt echo and for secrets before it is released, so nothing flagged reaches
/// the client. Each push only re-checks the new text plus an overlap as long as the longest pattern it looks for.
/// </summary>
public sealed class OutputGuard(string? canary, string? systemPrompt, int holdBackChars = 32, bool checkSecrets = true)
{
    private const int SecretOverlap = 256;
    private readonly StringBuilder text = new();
    private readonly SystemPromptLeakDetector leak = new(systemPrompt);
    private int released;
    private int checkedUpTo;
    private int wordStart;
    private string? violation;

    public OutputDecision Push(string token)
    {
        if (violation is not null) return new OutputDecision(string.Empty, violation);
        text.Append(token);
        violation = Check(final: false);
        return violation is not null ? new OutputDecision(string.Empty, violation) : Release(text.Length - holdBackChars);
    }

    /// <summary>
    /// For the audit of a cut: the reply so far (at most <paramref name="maxChars"/>) with every PII value and secret
    /// masked and the canary replaced, and the SHA-256 (hex) of the unmasked text. Never the raw text.
    /// </summary>
    public (string MaskedExcerpt, string Hash) AuditExcerpt(int maxChars = 4000)
    {
        var raw = text.ToString();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
        var masked = Masking.Masker.Mask(raw, PiiDetector.Detect(raw)).Text;
        if (canary is not null) masked = masked.Replace(canary, "<CANARY>", StringComparison.OrdinalIgnoreCase);
        return (masked.Length > maxChars ? masked[..maxChars] : masked, hash);
    }

    /// <summary>End of the stream: check the rest and release everything held back.</summary>
    public OutputDecision Complete()
    {
        if (violation is not null) return new OutputDecision(string.Empty, violation);
        violation = Check(final: true);
        return violation is not null ? new OutputDecision(string.Empty, violation) : Release(text.Length);
    }

    private OutputDecision Release(int upTo)
    {
        if (upTo <= released) return new OutputDecision(string.Empty, null);
        var chunk = text.ToString(released, upTo - released);
        released = upTo;
        return new OutputDecision(chunk, null);
    }

    private string? Check(bool final)
    {
        var overlap = Math.Max(canary?.Length ?? 0, checkSecrets ? SecretOverlap : 0);
        var from = Math.Max(0, checkedUpTo - overlap);
        var region = text.ToString(from, text.Length - from);
        checkedUpTo = text.Length;
        if (canary is not null && region.Contains(canary, StringComparison.OrdinalIgnoreCase))
        {
            return ModerationCategories.SystemPromptLeak;
        }
        if (FeedWords(final))
        {
            return ModerationCategories.SystemPromptLeak;
        }
        if (checkSecrets && PiiPatterns.PrivateKey().IsMatch(region) || checkSecrets && PiiPatterns.ApiKey().IsMatch(region))
        {
            return ModerationCategories.Secret;
        }
        return null;
    }

    /// <summary>Feeds complete words (the last one only at the end) to the incremental prompt-echo detector.</summary>
    private bool FeedWords(bool final)
    {
        var end = text.Length;
        if (!final)
        {
            while (end > wordStart && !char.IsWhiteSpace(text[end - 1])) end--;
        }
        if (end <= wordStart) return leak.Leaked;
        var chunk = text.ToString(wordStart, end - wordStart);
        wordStart = end;
        return leak.Check(chunk);
    }
}
