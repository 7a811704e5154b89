using System.Collections.Concurrent;

namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>Sends many turns (one new conversation each, so a duplicate reply is easy to see) from a few users at once.</summary>
public static class TurnLoad
{
    public const int Parallelism = 16;

    public static async Task<List<AcceptedTurn>> SendAsync(IReadOnlyList<ChatUser> users, int count, string content, int parallelism = Parallelism)
    {
        var accepted = new ConcurrentBag<AcceptedTurn>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var user = users[i % users.Count];
            var conversation = await user.CreateConversationAsync();
            accepted.Add(await user.SendAsync(conversation, content));
        });
        return [.. accepted];
    }

    /// <summary>Users in their own tenants; dispose them after the drill.</summary>
    public static async Task<List<ChatUser>> SignUpAsync(DrillSystemFixture system, int count)
    {
        var users = new List<ChatUser>(count);
        for (var i = 0; i < count; i++)
        {
            users.Add(await system.SignUpAsync());
        }
        return users;
    }
}
