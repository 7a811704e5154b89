using System.Text;
using Chatbot.Moderation.Detectors.Leaks;
using Chatbot.Moderation.Detectors.Pii;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// Checks a reply while it streams and releases every character that cannot be the start of a match: only the tail
/// that could still become the canary (<see cref="CanaryMatcher"/>), a system-prompt echo (<see cref="PromptEchoMatcher"/>),
/// a secret (<see cref="SecretHolder"/>), a tenant term (<see cref="TermMatcher"/>) or, when the tenant's policy masks or
/// blocks it, personal data (<see cref="PiiTail"/>) is held back. Before anything is released the unreleased text (with
/// a little context) is checked with <see cref="PiiDetector"/> (when <see cref="ScanTrigger"/> says it could hold a finding): a secret or a leak cuts the stream, personal data and
/// terms are masked or cut per <see cref="OutputPolicy"/>. Nothing flagged reaches the client, whatever the chunking.
/// </summary>
public sealed class OutputGuard
{
    /// <summary>Context before the unreleased text that a pattern may need (a keyword before its value, a word boundary).</summary>
    private const int Lookback = 64;
    private readonly TextBuffer text = new();
    private readonly string? canary;
    private readonly CanaryMatcher? canaryMatcher;
    private readonly PromptEchoMatcher echo;
    private readonly SecretHolder? secrets;
    private readonly TermMatcher? terms;
    private readonly ModerationAction piiAction;
    private readonly int holdBackChars;
    private int released;
    private string? violation;

    /// <param name="canary">The request's canary, or null.</param>
    /// <param name="systemPrompt">The system prompt as sent (with the canary line), or null.</param>
    /// <param name="policy">The tenant's output policy (personal data, term lists); null checks leaks only.</param>
    /// <param name="checkSecrets">Cut a reply that contains a secret.</param>
    /// <param name="holdBackChars">An extra fixed window held back on top of the automata (0: none).</param>
    public OutputGuard(string? canary, string? systemPrompt, OutputPolicy? policy = null, bool checkSecrets = true, int holdBackChars = 0)
    {
        this.canary = string.IsNullOrEmpty(canary) ? null : canary;
        canaryMatcher = this.canary is null ? null : new CanaryMatcher(this.canary);
        echo = new PromptEchoMatcher(systemPrompt);
        secrets = checkSecrets ? new SecretHolder() : null;
        terms = policy is { Terms.Count: > 0 } ? new TermMatcher(policy.Terms) : null;
        piiAction = policy?.ChecksPii == true ? policy.Pii : ModerationAction.Allow;
        this.holdBackChars = holdBackChars;
    }

    /// <summary>Characters received but not released yet.</summary>
    public int HeldBack => text.Length - released;

    public OutputDecision Push(string token)
    {
        if (violation is not null) return Cut(violation);
        var from = text.Length;
        text.Append(token);
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            canaryMatcher?.Feed(c);
            echo.Feed(c, i);
            secrets?.Feed(c, i);
            terms?.Feed(c, i);
        }
        return Step(final: false);
    }

    /// <summary>End of the stream: check the rest and release everything held back.</summary>
    public OutputDecision Complete()
    {
        if (violation is not null) return Cut(violation);
        echo.Complete();
        terms?.Complete();
        return Step(final: true);
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

    private OutputDecision Step(bool final)
    {
        if (canaryMatcher?.Matched == true || echo.Leaked) return Cut(ModerationCategories.SystemPromptLeak);
        var hold = final ? text.Length : Hold();
        List<(int Start, int End, string Replacement)>? masks = null;
        if (terms is not null)
        {
            terms.Hits.RemoveAll(h => h.End <= released);
            foreach (var hit in terms.Hits)
            {
                if (hit.List.Action == ModerationAction.Block) return Cut(hit.List.Category);
                (masks ??= []).Add((hit.Start, hit.End, $"[{hit.List.Category}]"));
            }
        }
        if (secrets is not null || piiAction != ModerationAction.Allow)
        {
            var scanFrom = ScanStart();
            var findings = ScanTrigger.MayHoldFinding(text.Span[scanFrom..]) ? PiiDetector.Detect(text.ToString(scanFrom, text.Length - scanFrom)) : [];
            foreach (var finding in findings)
            {
                var (start, end) = (scanFrom + finding.Start, scanFrom + finding.Start + finding.Length);
                if (end <= released) continue;
                if (finding.Category == ModerationCategories.Secret)
                {
                    if (secrets is not null) return Cut(ModerationCategories.Secret);
                }
                else if (finding.Category == ModerationCategories.Pii && piiAction != ModerationAction.Allow)
                {
                    if (!final && end >= text.Length) hold = Math.Min(hold, start); // may still grow
                    else if (piiAction == ModerationAction.Block) return Cut(ModerationCategories.Pii);
                    else (masks ??= []).Add((start, end, $"[{finding.Kind}]"));
                }
            }
        }
        foreach (var mask in masks ?? [])
        {
            if (mask.Start < hold && mask.End > hold) hold = Math.Max(released, mask.Start);
        }
        return Release(hold, masks);
    }

    /// <summary>The earliest position any automaton still needs: everything before it is released.</summary>
    private int Hold()
    {
        var length = text.Length;
        var hold = length - holdBackChars;
        if (canaryMatcher is not null) hold = Math.Min(hold, length - canaryMatcher.PendingLength);
        hold = Math.Min(hold, echo.HoldFrom(length));
        if (secrets is not null) hold = Math.Min(hold, secrets.HoldFrom(length));
        if (terms is not null) hold = Math.Min(hold, terms.HoldFrom(length));
        if (piiAction != ModerationAction.Allow) hold = Math.Min(hold, PiiTail.HoldFrom(text.Span, released));
        return Math.Max(hold, released);
    }

    /// <summary>Where the check of the unreleased text starts: a little before it, at a whitespace so no word is cut.</summary>
    private int ScanStart()
    {
        var start = Math.Max(0, released - Lookback);
        var limit = Math.Max(0, released - 2 * Lookback);
        while (start > limit && !char.IsWhiteSpace(text[start - 1])) start--;
        return start;
    }

    private OutputDecision Release(int upTo, List<(int Start, int End, string Replacement)>? masks)
    {
        if (upTo <= released) return new OutputDecision(string.Empty, null);
        string chunk;
        if (masks is null)
        {
            chunk = text.ToString(released, upTo - released);
        }
        else
        {
            var builder = new StringBuilder(upTo - released);
            var position = released;
            foreach (var (start, end, replacement) in masks.Where(m => m.End <= upTo).OrderBy(m => m.Start))
            {
                var from = Math.Max(start, released);
                if (from < position) continue;
                builder.Append(text.Span[position..from]).Append(replacement);
                position = end;
            }
            chunk = builder.Append(text.Span[position..upTo]).ToString();
        }
        released = upTo;
        return new OutputDecision(chunk, null);
    }

    private OutputDecision Cut(string category)
    {
        violation = category;
        return new OutputDecision(string.Empty, category);
    }
}
