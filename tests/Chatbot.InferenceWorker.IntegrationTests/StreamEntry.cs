namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>One entry of a reply's Redis stream as the test read it.</summary>
public sealed record StreamEntry(string Id, string Type, string Data, DateTimeOffset SeenAt);
