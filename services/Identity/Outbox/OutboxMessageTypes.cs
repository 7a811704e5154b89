using Chatbot.Contracts.Identity;

namespace Chatbot.Identity.Outbox;

/// <summary>The events identity publishes through its outbox, by stable name.</summary>
public static class OutboxMessageTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(UserDeleted), typeof(TenantTierChanged), typeof(ApiKeyRevoked),
    }.ToDictionary(t => t.FullName!);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.FullName!) ? type.FullName! : throw new ArgumentException($"{type} is not an outbox message type.");

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown outbox message type '{name}'.");
}
