using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chatbot.ServiceDefaults.Tests.Logging;

/// <summary>EF Core and Npgsql log their commands (here at Debug), but never the parameter values.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DatabaseLoggingTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string ParameterValue = "plain-parameter-value-7731";

    [Fact]
    public async Task Sql_parameter_values_never_reach_the_logs()
    {
        string output;
        using (var console = new ConsoleCapture())
        {
            await using (var app = await TestApp.StartAsync(
                configure: builder =>
                {
                    builder.AddNpgsqlDbContext<ProbeDbContext>("probedb");
                    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Debug);
                    builder.Logging.AddFilter("Npgsql", LogLevel.Debug);
                },
                map: web => web.MapGet("/query", async (ProbeDbContext db) =>
                {
                    var value = ParameterValue;
                    var count = await db.Database.SqlQuery<int>($"SELECT length({value})::int AS \"Value\"").ToListAsync();
                    return TypedResults.Ok(count.Single());
                }),
                settings: new Dictionary<string, string?> { ["ConnectionStrings:probedb"] = postgres.ConnectionString("probedb") }))
            {
                var length = await app.Client.GetStringAsync("/query");
                Assert.Equal(ParameterValue.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length);
            }
            output = console.Text;
        }

        Assert.Contains("SELECT length(", output);
        Assert.DoesNotContain(ParameterValue, output);
    }

    public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options);
}
