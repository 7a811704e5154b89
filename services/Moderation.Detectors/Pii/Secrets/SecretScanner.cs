namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>Runs every <see cref="SecretRules"/> rule over a text and keeps the matches whose value passes its check.</summary>
public static class SecretScanner
{
    public static IReadOnlyList<SecretMatch> Scan(string text)
    {
        var found = new List<SecretMatch>();
        var assigns = text.AsSpan().IndexOfAny('=', ':') >= 0;
        foreach (var rule in SecretRules.All)
        {
            if ((rule.Prefix is not null && !text.Contains(rule.Prefix, StringComparison.Ordinal)) || (rule.Assignment && !assigns)) continue;
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(text))
            {
                var value = match.Groups["v"] is { Success: true } group ? group : (System.Text.RegularExpressions.Group)match;
                var (start, length) = rule.Assignment ? (value.Index, value.Length) : (match.Index, match.Length);
                if (!found.Exists(f => start < f.Start + f.Length && f.Start < start + length)
                    && LookAlikes.Passes(value.Value.Trim(), rule.Check))
                {
                    found.Add(new SecretMatch(rule.Name, rule.Kind, start, length));
                }
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }
}
