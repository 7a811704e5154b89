namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>Every drill runs against the one system of <see cref="DrillSystemFixture"/>, one drill at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DrillCollection : ICollectionFixture<DrillSystemFixture>
{
    public const string Name = "chaos-drills";
}
