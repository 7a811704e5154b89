namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// One question and the deterministic properties its answer must have: every <see cref="MustContain"/> phrase, at least
/// one of <see cref="MustContainAny"/>, none of <see cref="MustNotContain"/> (all case-insensitive), at most
/// <see cref="MaxCharacters"/> characters.
/// </summary>
public sealed record EvaluationCase(string Id, string Question, List<string>? MustContain = null, List<string>? MustContainAny = null,
    List<string>? MustNotContain = null, int? MaxCharacters = null)
{
    /// <summary>The checks this case makes and which of them the answer passes.</summary>
    public IReadOnlyList<(string Check, bool Passed)> Check(string answer)
    {
        var checks = new List<(string, bool)>();
        foreach (var phrase in MustContain ?? [])
        {
            checks.Add(($"contains '{phrase}'", answer.Contains(phrase, StringComparison.OrdinalIgnoreCase)));
        }
        if (MustContainAny is { Count: > 0 } any)
        {
            checks.Add(("contains one of the expected phrases", any.Any(p => answer.Contains(p, StringComparison.OrdinalIgnoreCase))));
        }
        foreach (var phrase in MustNotContain ?? [])
        {
            checks.Add(($"does not contain '{phrase}'", !answer.Contains(phrase, StringComparison.OrdinalIgnoreCase)));
        }
        if (MaxCharacters is { } max)
        {
            checks.Add(($"at most {max} characters", answer.Length <= max));
        }
        return checks;
    }
}
