using Chatbot.ServiceDefaults.Tenancy;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Chatbot.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Chatbot.ServiceDefaults.Tests.Tenancy;

/// <summary>
/// The shared tenancy of every service, on real PostgreSQL and RabbitMQ: a host built like a service
/// (AddTenantNpgsqlDbContext + AddRabbitMqMessaging) whose consumer counts a table under the migrations' row-level
/// security SQL. The consumer enters nothing itself: the bus's consume filter does, from the message.
/// </summary>
public sealed class TenantConsumeFilterTests(PostgresServer postgres, RabbitMqServer rabbit)
    : IClassFixture<PostgresServer>, IClassFixture<RabbitMqServer>
{
    private const string Role = "probe_app";

    [Fact]
    public async Task A_consumer_sees_only_its_messages_tenant_and_a_message_without_a_tenant_sees_nothing()
    {
        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        await PrepareAsync((tenant, 2), (other, 1));
        var sink = new NoteCounts();
        await using var app = await TestApp.StartAsync(
            configure: builder =>
            {
                builder.Services.AddSingleton(sink);
                builder.AddTenantNpgsqlDbContext<NotesDbContext>("probedb", Role);
                builder.AddRabbitMqMessaging("rabbitmq", bus =>
                {
                    bus.AddConsumer<CountNotesConsumer>().Endpoint(e => e.Name = $"count-notes-{Guid.NewGuid():N}");
                    bus.AddConsumer<CountNamedNotesConsumer>().Endpoint(e => e.Name = $"count-named-notes-{Guid.NewGuid():N}");
                    bus.AddConsumer<CountAnonymousNotesConsumer>().Endpoint(e => e.Name = $"count-anonymous-notes-{Guid.NewGuid():N}");
                });
            },
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:probedb"] = postgres.ConnectionString("probedb"),
                ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString,
            });
        var bus = app.App.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));

        var probe = Guid.NewGuid();
        await bus.Publish(new CountNotes(probe, tenant));
        await bus.Publish(new CountNamedNotes(probe, new NotesOwner(other)));
        await bus.Publish(new CountAnonymousNotes(probe));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(sink.Count(probe) == 3), TimeSpan.FromSeconds(60)), "not every consumer ran");
        Assert.Equal((tenant, 2L), sink.Of(probe, nameof(CountNotes)));
        Assert.Equal((other, 1L), sink.Of(probe, nameof(CountNamedNotes)));
        Assert.Equal((null, 0L), sink.Of(probe, nameof(CountAnonymousNotes)));
    }

    private async Task PrepareAsync(params (Guid Tenant, int Notes)[] rows)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("probedb"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var secure = new NpgsqlCommand(RowLevelSecurity.CreateRole(Role, "notes") + RowLevelSecurity.TenantIsolation("notes", Role), connection))
        {
            await secure.ExecuteNonQueryAsync();
        }
        foreach (var (tenant, notes) in rows)
        {
            for (var i = 0; i < notes; i++)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO notes VALUES (gen_random_uuid(), @tenant)", connection);
                insert.Parameters.AddWithValue("tenant", tenant);
                await insert.ExecuteNonQueryAsync();
            }
        }
    }
}
