namespace Chatbot.EndToEnd.Tests.Erasure;

[CollectionDefinition(Name)]
public sealed class ErasureSystemCollection : ICollectionFixture<ErasureSystemFixture>
{
    public const string Name = "erasure-system";
}
