using Chatbot.Contracts.Inference;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>
/// The <c>experiment</c> (id) and <c>variant</c> (name) tags of a turn a prompt experiment chose; nothing when none did.
/// Bounded: a tenant runs one experiment at a time with a handful of variants.
/// </summary>
public readonly record struct ExperimentTags(Guid? Experiment, string? Variant)
{
    public static ExperimentTags Of(GenerateReply request) => new(request.ExperimentId, request.Variant);

    public void AddTo(ref System.Diagnostics.TagList tags)
    {
        if (Experiment is not { } id) return;
        tags.Add("experiment", id.ToString());
        tags.Add("variant", Variant);
    }
}
