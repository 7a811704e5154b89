using System.Security.Cryptography;
using Chatbot.Billing.IntegrationTests.Infrastructure;
using Chatbot.Billing.Quotas;
using StackExchange.Redis;

namespace Chatbot.Billing.IntegrationTests;

/// <summary>The reservation round trip sends the script's SHA1 (EVALSHA), not its text; a server that forgot it still answers.</summary>
[Collection(BillingCollection.Name)]
public sealed class ScriptLoadingTests(BillingFixture fixture)
{
    [Fact]
    public async Task Start_up_preloads_the_scripts_and_reservations_then_run_by_sha_only()
    {
        await using var admin = await AdminConnectionAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await server.ScriptFlushAsync();

        await using (var billing = new BillingApiFactory(fixture.Infra))
        {
            _ = billing.Server; // start-up loads the scripts
        }
        Assert.True(await server.ScriptExistsAsync(Sha1("reserve.lua")));

        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 1_000_000 }, tier);
        var (evalBefore, shaBefore) = await ScriptCallsAsync(server);
        for (var i = 0; i < 10; i++)
        {
            Assert.True((await quotas.ReserveAsync(new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), tier, 10, 100))).IsGranted);
        }
        var (evalAfter, shaAfter) = await ScriptCallsAsync(server);

        Assert.Equal(evalBefore, evalAfter);
        Assert.InRange(shaAfter - shaBefore, 10, 1_000);
    }

    [Fact]
    public async Task A_server_that_forgot_the_scripts_still_reserves_through_one_eval()
    {
        await using var admin = await AdminConnectionAsync();
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        await server.ScriptFlushAsync(); // a restart, a failover to a new primary
        var tier = TestQuotas.NewTier();
        var quotas = TestQuotas.Client(fixture.Redis, new PlanLimits { UserTokensPerDay = 1_000 }, tier);

        var granted = await quotas.ReserveAsync(new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), tier, 100, 500));

        Assert.True(granted.IsGranted);
        Assert.True(await server.ScriptExistsAsync(Sha1("reserve.lua")));
    }

    /// <summary>A connection allowed admin commands (SCRIPT FLUSH).</summary>
    private async Task<ConnectionMultiplexer> AdminConnectionAsync()
    {
        var options = ConfigurationOptions.Parse(fixture.Infra.Redis);
        options.AllowAdmin = true;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    private static byte[] Sha1(string script)
    {
        using var stream = typeof(QuotaReservations).Assembly.GetManifestResourceStream(script)!;
        return SHA1.HashData(stream);
    }

    private static async Task<(long Eval, long EvalSha)> ScriptCallsAsync(IServer server)
    {
        var stats = (await server.InfoAsync("commandstats")).SelectMany(g => g).ToDictionary(kv => kv.Key, kv => kv.Value);
        static long Calls(Dictionary<string, string> stats, string command) =>
            stats.TryGetValue("cmdstat_" + command, out var value) ? long.Parse(value.Split(',')[0]["calls=".Length..]) : 0;
        return (Calls(stats, "eval"), Calls(stats, "evalsha"));
    }
}
