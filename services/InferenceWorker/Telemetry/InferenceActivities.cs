using System.Diagnostics;
using Chatbot.Contracts.Inference;
using Chatbot.InferenceWorker.Providers;

namespace Chatbot.InferenceWorker.Telemetry;

/// <summary>
/// GenAI client spans (<c>chat {model}</c>), one per provider of the chain that was tried. The source name is the
/// service's application name, which ServiceDefaults already exports. Attributes hold names and counts, never prompt text.
/// </summary>
public static class InferenceActivities
{
    public const string SourceName = "Chatbot.InferenceWorker";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartChat(ChatProvider provider, int maxOutputTokens)
    {
        var activity = Source.StartActivity($"chat {provider.Model}", ActivityKind.Client);
        if (activity is null) return null;
        activity.SetTag("gen_ai.operation.name", "chat");
        activity.SetTag("gen_ai.provider.name", provider.Options.Type.ToString().ToLowerInvariant());
        activity.SetTag("gen_ai.request.model", provider.Model);
        activity.SetTag("gen_ai.request.max_tokens", maxOutputTokens);
        activity.SetTag("chatbot.provider.name", provider.Name);
        return activity;
    }

    public static void FirstToken(Activity? activity) => activity?.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstToken));

    /// <summary>
    /// On the current span (the provider call whose token made the entry, after the start checks and the commit wait), so
    /// a trace shows the hop from the provider to the stream.
    /// </summary>
    public static void FirstEntry() => Activity.Current?.AddEvent(new ActivityEvent(ReplyTraceEvents.FirstEntry));

    public static void Succeeded(Activity? activity, ProviderReply reply)
    {
        if (activity is null) return;
        activity.SetTag("gen_ai.response.model", reply.Model);
        if (reply.ReportedUsage is { } usage)
        {
            activity.SetTag("gen_ai.usage.input_tokens", usage.InputTokens);
            activity.SetTag("gen_ai.usage.output_tokens", usage.OutputTokens);
        }
    }

    public static void Failed(Activity? activity, string errorType, string reason)
    {
        if (activity is null) return;
        activity.SetTag("error.type", errorType);
        activity.SetStatus(ActivityStatusCode.Error, reason);
    }
}
