namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>Runs every <see cref="SecretRules"/> rule over a text and keeps the matches whose value passes its check.</summary>
public static class SecretScanner
{
    public static IReadOnlyList<SecretMatch> Scan(string text)
    {
        var found = new List<SecretMatch>();
        foreach (var rule in SecretRules.All)
        {
            if (rule.Prefix is not null && !text.Contains(rule.Prefix, StringComparison.Ordinal)) continue;
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(text))
            {
                var value = match.Groups["v"] is { Success: true } group ? group.Value : match.Value;
                if (!found.Exists(f => match.Index < f.Start + f.Length && f.Start < match.Index + match.Length)
                    && LookAlikes.Passes(value.Trim(), rule.Check))
                {
                    found.Add(new SecretMatch(rule.Name, rule.Kind, match.Index, match.Length));
                }
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }
}
