namespace Chatbot.Doctor.Tests;

/// <summary>The local-system tests share one running system.</summary>
[CollectionDefinition(Name)]
public sealed class LocalSystemCollection : ICollectionFixture<LocalSystemFixture>
{
    public const string Name = "doctor-local-system";
}
