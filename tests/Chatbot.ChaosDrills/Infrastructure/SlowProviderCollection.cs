namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>The slow-provider drill's own system (<see cref="SlowProviderSystemFixture"/>); drills never overlap (AssemblyInfo).</summary>
[CollectionDefinition(Name)]
public sealed class SlowProviderCollection : ICollectionFixture<SlowProviderSystemFixture>
{
    public const string Name = "chaos-drills-slow-provider";
}
