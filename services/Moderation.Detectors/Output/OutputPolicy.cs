using System.Text.Json.Serialization;
using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>
/// What the output guard enforces for one tenant besides leaks: personal data (<see cref="Pii"/>: Mask replaces it in the
/// stream with <c>[KIND]</c>, Block cuts the reply, Allow and Flag let it through) and the harmful-content term lists
/// (Block cuts, Mask replaces the term with <c>[category]</c>). Moderation derives it from the tenant policy and passes
/// it to the worker with the canary; a reply without one gets leak checks only.
/// </summary>
public sealed record OutputPolicy(ModerationAction Pii, IReadOnlyList<OutputTermList> Terms)
{
    public static OutputPolicy From(ModerationPolicy policy) => new(
        policy.ActionFor(ModerationCategories.Pii),
        [.. policy.BlockedTerms
            .Select(list => new OutputTermList(list.Key, policy.ActionFor(list.Key), [.. list.Value.Where(t => t.Trim().Length > 0)]))
            .Where(list => list.Action is ModerationAction.Block or ModerationAction.Mask && list.Terms.Count > 0)]);

    /// <summary>True when personal data in a reply must not reach the client unchanged.</summary>
    [JsonIgnore]
    public bool ChecksPii => Pii is ModerationAction.Mask or ModerationAction.Block;
}
