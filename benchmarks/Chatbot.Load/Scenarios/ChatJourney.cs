using Chatbot.Load.Client;

namespace Chatbot.Load.Scenarios;

/// <summary>
/// One virtual user's journey: create a conversation, then <see cref="Turns"/> turns (send a message, read the reply
/// stream to its end, think), then list the conversations and think. Think times are drawn from 0.5–1.5 × the mean
/// so users do not move in lockstep.
/// </summary>
public sealed record ChatJourney(ChatApi Api, IReadOnlyList<Account> Accounts, string Message, int Turns, TimeSpan Think, StreamGauge? Gauge = null)
{
    public async Task RunAsync(int user, Func<bool> running, CancellationToken ct)
    {
        var account = Accounts[user % Accounts.Count];
        var conversation = await Api.CreateConversationAsync(account, ct);
        for (var turn = 0; turn < Turns && running(); turn++)
        {
            await Api.TurnAsync(account, conversation, Message, Gauge, ct);
            await ThinkAsync(ct);
        }
        await Api.ListConversationsAsync(account, ct);
        await ThinkAsync(ct);
    }

    private Task ThinkAsync(CancellationToken ct) =>
        Think <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(Think * (0.5 + Random.Shared.NextDouble()), ct);
}
