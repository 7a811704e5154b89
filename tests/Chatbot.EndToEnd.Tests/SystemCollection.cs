namespace Chatbot.EndToEnd.Tests;

/// <summary>Test classes that share one running system (started once, disposed after the last of them).</summary>
[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
