using System.Diagnostics;
using Chatbot.Chat.Retention;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.Search.Benchmarks;

/// <summary>
/// Issue 28's retention goal: the job deletes ≥ 50,000 messages a minute without raising the list route's p95 by more
/// than 20 %. The conversations of <c>expiredUsers</c> users are made 400 days old; the list route is measured for the
/// other users of the same tenant before, and while <see cref="RetentionJob.RunTenantAsync"/> deletes them (365 days).
/// </summary>
internal static class RetentionRate
{
    public static async Task RunAsync(SearchChatFactory chat, string chatDb, Guid tenant, IReadOnlyList<Guid> expiredUsers,
        IReadOnlyList<HttpClient> listers, int requests)
    {
        await using (var connection = new NpgsqlConnection(chatDb))
        {
            await connection.OpenAsync();
            await using var age = new NpgsqlCommand(
                "UPDATE conversations SET updated_at = now() - interval '400 days' WHERE tenant_id = @tenant AND user_id = ANY(@users)", connection);
            age.Parameters.AddWithValue("tenant", tenant);
            age.Parameters.AddWithValue("users", expiredUsers.ToArray());
            age.CommandTimeout = 600;
            Console.WriteLine($"retention: {await age.ExecuteNonQueryAsync():N0} conversations of {expiredUsers.Count} users made 400 days old");
        }
        var random = new Random(11);
        const string url = "/api/conversations?limit=20";
        var before = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            before.Add(await TimeAsync(listers[random.Next(listers.Count)], url));
        }
        var job = chat.Services.GetRequiredService<RetentionJob>();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => job.RunTenantAsync(tenant, 365, CancellationToken.None));
        var during = new List<double>();
        while (!run.IsCompleted)
        {
            during.Add(await TimeAsync(listers[random.Next(listers.Count)], url));
        }
        var batches = await run;
        var elapsed = clock.Elapsed;
        var deleted = batches.Sum();
        Console.WriteLine($"retention: deleted {deleted:N0} rows (messages, then conversations) in {elapsed.TotalSeconds:0.0} s = " +
            $"{deleted / elapsed.TotalMinutes:N0} rows/minute, {batches.Count} statements");
        Console.WriteLine($"list route before: {Latency.Describe(before)}");
        Console.WriteLine($"list route during: {Latency.Describe(during)}");
    }

    private static async Task<double> TimeAsync(HttpClient client, string url)
    {
        var started = Stopwatch.GetTimestamp();
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
