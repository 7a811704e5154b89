using Chatbot.TestSupport;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.EndToEnd.Tests.Billing;

/// <summary>Billing in the real topology: turns settle into the ledger, /api/usage reads it, limits hold across two chat processes.</summary>
[Collection(BillingSystemCollection.Name)]
public sealed class BillingEndToEndTests(BillingSystemFixture system)
{
    [Fact]
    public async Task Turns_are_charged_from_the_ledger_and_the_user_daily_limit_answers_402_with_its_reset_time()
    {
        using var user = await system.SignUpAsync();
        var conversation = await CreateConversationAsync(user.Client);
        var replies = new List<Guid>();
        for (var turn = 1; turn <= 2; turn++)
        {
            var sent = await SendAsync(user.Client, conversation, $"Turn {turn}: tell me about budgets.");
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            replies.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyId").GetGuid());
            var settledTurns = turn;
            Assert.True(await EventuallyAsync(async () => (await system.LedgerAsync(user.UserId)).Rows == settledTurns), "the turn was never settled");
        }
        var stored = await CompletedRepliesAsync(user.Client, conversation, replies);

        var usage = await user.Client.GetFromJsonAsync<JsonElement>("/api/usage");
        var ledger = await system.LedgerAsync(user.UserId);

        var today = usage.GetProperty("today");
        Assert.Equal(ledger.Tokens, today.GetProperty("tokens").GetInt64());
        Assert.Equal(ledger.Cost, today.GetProperty("costUsd").GetDecimal());
        Assert.Equal(stored.Sum(r => r.Tokens), ledger.Tokens); // what the worker reported for the replies chat stored
        Assert.Equal(stored.Sum(r => r.Cost), ledger.Cost);
        Assert.Equal(10_000 - ledger.Tokens, today.GetProperty("tokensLeft").GetInt64()); // the free plan's daily limit

        // The platform admin caps this user's day at what it already used: the next turn is refused before any model call.
        await SetUserLimitAsync(user, ledger.Tokens, requestsPerMinute: null);
        var refused = await SendAsync(user.Client, conversation, "One more?");

        Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var nextUtcMidnight = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        Assert.Equal(("quota-exceeded", "user_tokens_per_day"), (problem.GetProperty("type").GetString(), problem.GetProperty("limit").GetString()));
        Assert.Equal(nextUtcMidnight, problem.GetProperty("resetsAt").GetDateTimeOffset());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Two_chat_processes_racing_on_one_user_budget_overshoot_it_by_at_most_one_request()
    {
        const int limit = 4_000;
        using var user = await system.SignUpAsync();
        await SetUserLimitAsync(user, limit, requestsPerMinute: 10_000);
        var replica = await system.App.StartReplicaAsync("chat"); // a second chat process on the same Redis, RabbitMQ and databases
        using var second = new HttpClient { BaseAddress = replica };
        second.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        HttpClient[] instances = [user.Client, second];
        await WarmUpAsync(replica); // a cold process (tokenizer, JIT) would only join the race once it is over
        var conversations = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => CreateConversationAsync(instances[i % 2])));

        // Every turn asks for more than the grant ([[sim:tokens]]), so each uses all the room it reserved.
        var answers = await Task.WhenAll(conversations.Select((c, i) =>
            SendAsync(instances[i % 2], c, "[[sim:tokens=400;tps=2000;latency=0]] Race for the budget.")));

        var accepted = answers.Select((a, i) => (a.StatusCode, Instance: i % 2)).Where(a => a.StatusCode == HttpStatusCode.Accepted).ToList();
        var statuses = string.Join(", ", answers.Select((a, i) => $"{i % 2}:{(int)a.StatusCode}"));
        Assert.True(accepted.Any(a => a.Instance == 0) && accepted.Any(a => a.Instance == 1), $"both chat processes take turns: {statuses}");
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.PaymentRequired);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.PaymentRequired }));
        Assert.True(await EventuallyAsync(async () => (await system.LedgerAsync(user.UserId)).Rows == accepted.Count, TimeSpan.FromSeconds(60)),
            "not every accepted turn was settled");
        var ledger = await system.LedgerAsync(user.UserId);
        var oneRequestMaximum = ledger.MaxInputTokens + BillingSystemFixture.MaxOutputTokens;
        Assert.InRange(ledger.Tokens, limit - oneRequestMaximum, limit + oneRequestMaximum);
    }

    private async Task WarmUpAsync(Uri instance)
    {
        using var other = await system.SignUpAsync();
        using var client = new HttpClient { BaseAddress = instance };
        client.DefaultRequestHeaders.Authorization = other.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(client, await CreateConversationAsync(client), "warm up")).StatusCode);
    }

    private async Task SetUserLimitAsync(SignedInUser user, long tokensPerDay, int? requestsPerMinute)
    {
        using var admin = await system.SignInAdminAsync();
        var response = await admin.Client.PutAsJsonAsync($"/api/billing/tenants/{user.TenantId}/users/{user.UserId}",
            new { tokensPerDay, requestsPerMinute });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<Guid> CreateConversationAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/conversations", new { title = "billing" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid conversation, string content) =>
        client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content });

    /// <summary>The replies as chat stored them once completed: tokens and cost the worker reported.</summary>
    private static async Task<List<(long Tokens, decimal Cost)>> CompletedRepliesAsync(HttpClient client, Guid conversation, List<Guid> replies)
    {
        List<(long, decimal)> found = [];
        Assert.True(await EventuallyAsync(async () =>
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversation}/messages?limit=100");
            var done = page.GetProperty("items").EnumerateArray()
                .Where(m => replies.Contains(m.GetProperty("id").GetGuid()) && m.GetProperty("status").GetString() == "completed").ToList();
            found = [.. done.Select(m => ((long)m.GetProperty("inputTokens").GetInt32() + m.GetProperty("outputTokens").GetInt32(), m.GetProperty("cost").GetDecimal()))];
            return found.Count == replies.Count;
        }), "the replies were never completed");
        return found;
    }

    private static Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(condition, timeout);
}
