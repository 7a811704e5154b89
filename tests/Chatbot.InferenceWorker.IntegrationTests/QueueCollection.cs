namespace Chatbot.InferenceWorker.IntegrationTests;

/// <summary>A worker whose provider takes one request at a time (its own broker and Redis: the queue is not shared).</summary>
[CollectionDefinition(Name)]
public sealed class QueueCollection : ICollectionFixture<QueueFixture>
{
    public const string Name = "queue";
}
