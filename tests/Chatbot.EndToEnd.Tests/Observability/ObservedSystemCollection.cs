namespace Chatbot.EndToEnd.Tests.Observability;

/// <summary>Test classes that read the traces and metrics of one monitored system after a few turns.</summary>
[CollectionDefinition(Name)]
public sealed class ObservedSystemCollection : ICollectionFixture<ObservedSystemFixture>
{
    public const string Name = "observed-system";
}
