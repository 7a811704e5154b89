using Chatbot.Aspire.Testing;
using Npgsql;

namespace Chatbot.EndToEnd.Tests;

/// <summary>A checkout under a folder the postgres user cannot enter (e.g. /root, mode 0700) still runs.</summary>
public sealed class PrivateStateFolderTests : IDisposable
{
    private readonly string _private = Directory.CreateTempSubdirectory("chatbot-private-").FullName; // mode 0700

    [Fact]
    public async Task PostgreSQL_data_moves_to_a_reachable_folder_and_is_removed_on_dispose()
    {
        var state = Path.Combine(_private, "state");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync(["--state-dir", state]);
        string? external;
        await using (var app = await builder.WithServices().BuildAsync())
        {
            await app.StartAsync().WaitAsync(TimeSpan.FromMinutes(3));

            await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("billingdb"));
            await connection.OpenAsync();
            var marker = Path.Combine(state, "postgres.location");
            external = File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
            if (Environment.UserName == "root")
            {
                Assert.NotNull(external);
                Assert.True(File.Exists(Path.Combine(external!, "data", "PG_VERSION")));
            }
        }

        Assert.False(external is not null && Directory.Exists(external));
        Assert.False(Directory.Exists(state));
    }

    public void Dispose() => Directory.Delete(_private, recursive: true);
}
