using Chatbot.Moderation.Detectors.Policy;

namespace Chatbot.Moderation.Detectors.Output;

/// <summary>One harmful-content category of a tenant's term lists, and what the output guard does on a match.</summary>
public sealed record OutputTermList(string Category, ModerationAction Action, IReadOnlyList<string> Terms);
