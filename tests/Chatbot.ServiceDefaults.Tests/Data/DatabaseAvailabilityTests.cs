using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chatbot.ServiceDefaults.Data;
using Chatbot.ServiceDefaults.Tests.ErrorHandling;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Data;

public sealed class DatabaseAvailabilityTests
{
    [Fact]
    public void Failed_probes_in_a_row_make_a_database_unavailable_and_one_success_makes_it_available_again()
    {
        var availability = new DatabaseAvailability(Microsoft.Extensions.Options.Options.Create(new DatabaseAvailabilityOptions { FailuresBeforeUnavailable = 2 }));

        Assert.False(availability.Report("chatdb", succeeded: false)); // one slow probe is not an outage
        Assert.True(availability.IsAvailable("chatdb"));
        Assert.True(availability.Report("chatdb", succeeded: false));
        Assert.False(availability.IsAvailable("chatdb"));
        Assert.True(availability.IsAvailable("billingdb"));
        Assert.True(availability.Report("chatdb", succeeded: true));
        Assert.True(availability.IsAvailable("chatdb"));
    }

    [Fact]
    public async Task A_hung_server_that_accepts_connections_but_never_answers_gives_a_fast_503_instead_of_a_timeout()
    {
        using var hung = new TcpListener(IPAddress.Loopback, 0); // the kernel accepts, nothing ever answers: a SIGSTOPped PostgreSQL
        hung.Start();
        var port = ((IPEndPoint)hung.LocalEndpoint).Port;
        await using var app = await TestApp.StartAsync(
            configure: b => b.AddNpgsqlDbContext<HungDbContext>("hungdb"),
            map: a => a.MapGet("/rows", async (HungDbContext db) => TypedResults.Ok(await db.Database.SqlQueryRaw<int>("SELECT 1").ToListAsync())),
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:hungdb"] = $"Host=127.0.0.1;Port={port};Database=hungdb;Username=u;Password=p",
                ["DatabaseAvailability:ProbeInterval"] = "00:00:00.100",
                ["DatabaseAvailability:ProbeTimeoutSeconds"] = "1",
            });
        var availability = app.App.Services.GetRequiredService<DatabaseAvailability>();
        var deadline = Stopwatch.StartNew();
        while (availability.IsAvailable("hungdb") && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }

        (await app.Client.GetAsync("/rows")).Dispose(); // first request pays for JIT and the EF model, not for the database
        var timer = Stopwatch.StartNew();
        using var response = await app.Client.GetAsync("/rows");
        timer.Stop();

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("postgresql", problem.GetProperty("detail").GetString());
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(2), $"503 took {timer.Elapsed.TotalMilliseconds:0} ms (Npgsql's connect timeout is 15 s)");
    }

    private sealed class HungDbContext(DbContextOptions<HungDbContext> options) : DbContext(options);
}
