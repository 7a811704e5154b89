using System.Text.RegularExpressions;
using Chatbot.Moderation.Detectors.Output;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.UnitTests;

/// <summary>Shared material of the output guard tests: a prompt with its canary, chunkings, and a replay helper.</summary>
public static partial class OutputCases
{
    public const string Canary = "cnry-0123456789abcdef";
    public const string SystemPrompt = "You are the support assistant of Contoso. Answer politely, never discuss pricing of enterprise contracts, and escalate refunds above one hundred euros to a human agent within one business day.";

    public static OutputPolicy Policy(ModerationAction piiAction = ModerationAction.Allow, params OutputTermList[] terms) => new(piiAction, terms);

    /// <summary>Tokens the way a model streams them: a word with its leading space, punctuation on its own.</summary>
    public static IEnumerable<string> Tokens(string text) => TokenPattern().Matches(text).Select(m => m.Value);

    /// <summary>Every way to cut <paramref name="text"/> in two, plus one character per chunk.</summary>
    public static IEnumerable<string[]> Chunkings(string text) =>
        Enumerable.Range(1, text.Length - 1).Select(i => new[] { text[..i], text[i..] })
            .Append([.. text.Select(c => c.ToString())]);

    /// <summary>Streams <paramref name="chunks"/> through a guard to the end or the cut: what the client saw, and the violation.</summary>
    public static (string Released, string? Violation) Replay(Func<OutputGuard> newGuard, IEnumerable<string> chunks)
    {
        var guard = newGuard();
        var released = "";
        foreach (var chunk in chunks)
        {
            var decision = guard.Push(chunk);
            if (decision.Blocked) return (released, decision.Violation);
            released += decision.Release;
        }
        var last = guard.Complete();
        return (released + last.Release, last.Violation);
    }

    [GeneratedRegex(@"\s*[\w'’-]+|\s*[^\w\s]|\s+$")]
    private static partial Regex TokenPattern();
}
