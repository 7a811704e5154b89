using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.ServiceDefaults.Data;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class DatabaseProbeTests(ChatFixture fixture)
{
    [Fact]
    public async Task The_availability_probe_keeps_one_connection_instead_of_opening_one_per_probe()
    {
        var first = await ProbeBackendsAsync();
        for (var i = 0; i < 100 && first.Count == 0; i++) // the first probe runs one interval after start-up
        {
            await Task.Delay(100);
            first = await ProbeBackendsAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two probe intervals (1 s by default)
        var second = await ProbeBackendsAsync();

        Assert.NotEmpty(first);
        Assert.Subset(second, first); // the same backends (pid and start time) answered every probe in between
    }

    private async Task<HashSet<(int Pid, DateTime Started)>> ProbeBackendsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Infra.PostgresConnectionString("chatdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid, backend_start FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.AddWithValue(DatabaseAvailabilityProbe.ApplicationNameFor("chatdb"));
        await using var reader = await command.ExecuteReaderAsync();
        var backends = new HashSet<(int, DateTime)>();
        while (await reader.ReadAsync())
        {
            backends.Add((reader.GetInt32(0), reader.GetDateTime(1)));
        }
        return backends;
    }
}
