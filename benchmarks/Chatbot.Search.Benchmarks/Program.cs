using System.Diagnostics;
using System.Globalization;
using Chatbot.Chat.Conversations.Search;
using Chatbot.Aspire.Testing;
using Chatbot.Chat.Data;
using Chatbot.Search.Benchmarks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// GET /api/conversations?q= over one tenant with 1,000,000 messages (default: 200 users x 50 conversations x 100
// messages), through the route in process with chat's shipped settings. Arguments: users, conversations per user,
// messages per conversation, measured requests per query kind, users whose conversations the retention run then
// deletes (0: no retention run). Everything started here is stopped at the end.
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
var (users, conversationsPerUser, messagesPerConversation, requests) = (Arg(0, 200), Arg(1, 50), Arg(2, 100), Arg(3, 400));
var expiredUsers = Arg(4, 20);
await using var app = await (await DistributedApplicationTestingBuilder.CreateAsync()).WithServices().BuildAsync();
using var stopOnTermination = app.StopOnTermination();
await app.StartAsync();
var chatDb = (await app.GetConnectionStringAsync("chatdb"))!;
await using (var db = new ChatDbContext(new DbContextOptionsBuilder<ChatDbContext>().UseNpgsql(chatDb).Options))
{
    await db.Database.MigrateAsync();
}
var tenant = Guid.NewGuid();
var userIds = Enumerable.Range(0, users).Select(_ => Guid.NewGuid()).ToList();
var seeding = Stopwatch.StartNew();
await SearchSeeder.SeedAsync(chatDb, tenant, userIds, conversationsPerUser, messagesPerConversation, new SearchCorpus(42));
Console.WriteLine($"seeded {users * conversationsPerUser * messagesPerConversation:N0} messages in {users * conversationsPerUser:N0} " +
    $"conversations of {users} users (one tenant) in {seeding.Elapsed.TotalSeconds:0} s (COPY, then the GIN index)");

// WebApplicationFactory reads MvcTestingAppManifest.json (where services/Chat is) from the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
Console.WriteLine("settings changed from the shipped defaults: " + string.Join(", ", SearchChatFactory.ChangedSettings.Select(s => $"{s.Key}={s.Value}")));
await using var chat = new SearchChatFactory(chatDb, (await app.GetConnectionStringAsync("redis"))!, (await app.GetConnectionStringAsync("rabbitmq"))!);
var clients = userIds.Select(u => chat.CreateClient(u, tenant)).ToList();
(string Kind, string Query)[] kinds =
[
    ("stop word (no longer asked)", "the"),
    ("common word", SearchCorpus.Word(20)),
    ("mid-frequency word", SearchCorpus.Word(100)),
    ("rare word", SearchCorpus.Word(3000)),
    ("stemmed form", "runnings"),
    ("two words", $"{SearchCorpus.Word(25)} {SearchCorpus.Word(60)}"),
    ("no hit", "nonexistentword"),
];
// The route's fixed cost without any search: the plain list (a blank q), measured like the kinds above.
(string Kind, string Query) plainList = ("plain list (blank q)", "");
// Where the time goes: the statement's own execution time per kind (EXPLAIN ANALYZE as the migrating user, one
// user's rows, warm cache after a first run), to compare with the route's latency below.
await using (var connection = new NpgsqlConnection(chatDb))
{
    await connection.OpenAsync();
    foreach (var (kind, query) in kinds)
    {
        double? executed = null;
        for (var run = 0; run < 3; run++)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + ConversationSearch.Sql, connection);
            explain.Parameters.AddWithValue("q", query);
            explain.Parameters.AddWithValue("user", userIds[run]);
            explain.Parameters.AddWithValue("tenant", tenant);
            explain.Parameters.AddWithValue("after_rank", SearchCursor.Start.Rank);
            explain.Parameters.AddWithValue("after_id", SearchCursor.Start.Id);
            explain.Parameters.AddWithValue("take", 21);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                if (line.StartsWith("Execution Time:", StringComparison.Ordinal))
                {
                    executed = double.Parse(line["Execution Time:".Length..].Replace("ms", "").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        Console.WriteLine($"{kind,-30} q={query,-18} SQL execution {executed:0.0} ms (EXPLAIN ANALYZE, third user)");
    }
}
var random = new Random(7);
var all = new List<double>();
foreach (var (kind, query) in kinds.Append(plainList))
{
    var url = $"/api/conversations?q={Uri.EscapeDataString(query)}&limit=20";
    for (var i = 0; i < 50; i++) // warm-up
    {
        (await clients[random.Next(clients.Count)].GetAsync(url)).EnsureSuccessStatusCode();
    }
    var samples = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var started = Stopwatch.GetTimestamp();
        (await clients[random.Next(clients.Count)].GetAsync(url)).EnsureSuccessStatusCode();
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    if (query.Length > 0)
    {
        all.AddRange(samples);
    }
    Console.WriteLine($"{kind,-30} q={query,-18} {Latency.Describe(samples)}");
}
Console.WriteLine($"{"all search kinds",-30} {"",-20} {Latency.Describe(all)}");

if (expiredUsers > 0)
{
    await RetentionRate.RunAsync(chat, chatDb, tenant, userIds[..expiredUsers], clients[expiredUsers..], requests);
}
