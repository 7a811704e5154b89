namespace Chatbot.ChaosDrills.Infrastructure;

/// <summary>The end state every message-path drill asserts: each accepted turn has one completed reply and one ledger row.</summary>
public static class ExactlyOnce
{
    /// <summary>Waits (up to <paramref name="timeout"/>) until every turn's reply is completed, then asserts no duplicate and no loss in chatdb and billingdb.</summary>
    public static async Task AssertEveryTurnRepliedOnceAsync(DrillDatabases databases, IReadOnlyCollection<AcceptedTurn> turns, TimeSpan timeout, string context)
    {
        var conversations = turns.Select(t => t.ConversationId).ToList();
        var replies = await Eventually.HoldsAsync(() => databases.AssistantMessagesAsync(conversations),
            rows => rows.Count(r => r.Status == "completed") == turns.Count, timeout,
            rows => $"{rows.Count(r => r.Status == "completed")}/{turns.Count} completed ({context}), statuses: {Statuses(rows)}");

        Assert.All(replies.GroupBy(r => r.ConversationId), g => Assert.Single(g)); // one assistant message per conversation
        Assert.Equal(turns.Select(t => t.ReplyId).Order(), replies.Select(r => r.ReplyId).Order());
        var ledger = await Eventually.HoldsAsync(() => databases.LedgerRowsAsync(turns.Select(t => t.ReplyId)), rows => rows.Count == turns.Count,
            TimeSpan.FromMinutes(1), rows => $"{rows.Count}/{turns.Count} replies in the ledger");
        Assert.All(ledger, row => Assert.Equal(1, row.Value));
    }

    private static string Statuses(IEnumerable<(Guid, Guid, string Status, string?)> rows) =>
        string.Join(", ", rows.GroupBy(r => r.Status).Select(g => $"{g.Key}={g.Count()}"));
}
