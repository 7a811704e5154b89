namespace Chatbot.SecurityDrills.Harness;

/// <summary>The drills share one running system (started once, disposed after the last drill).</summary>
[CollectionDefinition(Name)]
public sealed class SecuritySystemCollection : ICollectionFixture<SecuritySystemFixture>
{
    public const string Name = "security-system";
}
