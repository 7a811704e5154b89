namespace Chatbot.Moderation.Detectors.Output;

/// <summary>A tenant term found in the reply: <c>[Start, End)</c> in the reply's characters.</summary>
internal sealed record TermHit(int Start, int End, OutputTermList List);
