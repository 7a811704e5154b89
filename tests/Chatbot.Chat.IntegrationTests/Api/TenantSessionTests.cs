using Chatbot.Chat.Data;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.TestSupport;
using Chatbot.Chat.Tenancy;
using Chatbot.ServiceDefaults.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// How the service's connections get their role and tenant (<see cref="TenantConnectionInterceptor"/>): session defaults
/// at connection start, the tenant folded into a flow's first command, a round trip of its own whenever a rollback or a
/// failure may have undone it.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class TenantSessionTests(ChatFixture fixture)
{
    [Fact]
    public async Task An_opened_connection_runs_as_the_app_role_and_a_tenant_flow_needs_no_command_of_its_own()
    {
        var user = TestUser.NewTenant();
        var conversation = await fixture.Chat.CreateClient(user).CreateConversationAsync();
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        using var commands = new SpanRecorder("Npgsql");

        await db.Database.OpenConnectionAsync();
        Assert.Equal(ChatTenancy.Role, await CurrentUserAsync(db));
        using (TenantContext.Enter(user.TenantId))
        {
            Assert.Equal(1, await db.Conversations.CountAsync(c => c.Id == conversation.Id));
        }

        // Two queries, two commands: no SET ROLE at open, the tenant's SET rides on the first query of its flow.
        var statements = Statements(commands);
        Assert.True(statements.Count == 2, $"commands: {string.Join(" | ", statements)}");
        Assert.Contains(statements, t => t.StartsWith($"SET {TenantConnectionInterceptor.TenantSetting} = '{user.TenantId}';", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_set_inside_a_rolled_back_transaction_is_set_again_before_the_next_command()
    {
        var (first, second) = (TestUser.NewTenant(), TestUser.NewTenant());
        var firstConversation = await fixture.Chat.CreateClient(first).CreateConversationAsync();
        var secondConversation = await fixture.Chat.CreateClient(second).CreateConversationAsync();
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await db.Database.OpenConnectionAsync();
        using (TenantContext.Enter(first.TenantId))
        {
            Assert.Equal(1, await db.Conversations.CountAsync(c => c.Id == firstConversation.Id));
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            using (TenantContext.Enter(second.TenantId))
            {
                Assert.Equal(1, await db.Conversations.CountAsync(c => c.Id == secondConversation.Id));
            }
            await transaction.RollbackAsync(); // PostgreSQL undoes the SET: the session holds the first tenant again
        }

        using (TenantContext.Enter(second.TenantId))
        {
            Assert.Equal(0, await db.Conversations.CountAsync(c => c.Id == firstConversation.Id));
            Assert.Equal(1, await db.Conversations.CountAsync(c => c.Id == secondConversation.Id));
        }
    }

    [Fact]
    public async Task A_failed_first_command_leaves_the_flow_its_own_tenant_on_the_next_one()
    {
        var user = TestUser.NewTenant();
        var conversation = await fixture.Chat.CreateClient(user).CreateConversationAsync();
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatDbContext>();
        await db.Database.OpenConnectionAsync();
        using (TenantContext.Enter(user.TenantId))
        {
            // The SET folded into this command is rolled back with it.
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT 1 / 0"));
            Assert.Equal(1, await db.Conversations.CountAsync(c => c.Id == conversation.Id));
        }
        Assert.Equal(0, await db.Conversations.CountAsync(c => c.Id == conversation.Id));
        Assert.Equal(ChatTenancy.Role, await CurrentUserAsync(db));
    }

    [Fact]
    public async Task A_pooled_connection_comes_back_to_the_app_role_and_no_tenant_also_with_prepared_statements()
    {
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ChatDbContext>().Database.GetConnectionString()!;
        // One physical connection, so every open below reuses it; statements repeat enough to be auto-prepared, which
        // changes how Npgsql resets a connection it returns to the pool.
        var single = new NpgsqlConnectionStringBuilder(service)
        {
            MaxPoolSize = 1, AutoPrepareMinUsages = 2, ApplicationName = nameof(TenantSessionTests),
        }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(single);
        for (var i = 0; i < 3; i++)
        {
            await using var leased = await source.OpenConnectionAsync();
            Assert.Equal(("chat_app", ""), await SessionAsync(leased));
            await using var set = new NpgsqlCommand($"SET ROLE postgres; SET {TenantConnectionInterceptor.TenantSetting} = '{Guid.NewGuid()}'", leased);
            await set.ExecuteNonQueryAsync();
            Assert.NotEqual("", (await SessionAsync(leased)).Tenant);
        }
    }

    [Fact]
    public async Task Where_the_server_did_not_apply_the_session_defaults_the_role_is_set_at_every_open()
    {
        await using var scope = fixture.Chat.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ChatDbContext>().Database.GetConnectionString()!;
        // As if a proxy had dropped the startup options: the session starts as the login user despite the string.
        var overridden = new NpgsqlConnectionStringBuilder(service) { ApplicationName = nameof(TenantSessionTests) };
        overridden.Options += " -c role=postgres";
        await using var db = new ChatDbContext(new DbContextOptionsBuilder<ChatDbContext>()
            .UseNpgsql(overridden.ConnectionString).AddInterceptors(new TenantConnectionInterceptor(ChatTenancy.Role)).Options);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(ChatTenancy.Role, await CurrentUserAsync(db));
        }
    }

    private static async Task<(string Role, string Tenant)> SessionAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"SELECT current_user::text, current_setting('{TenantConnectionInterceptor.TenantSetting}')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }

    private static Task<string> CurrentUserAsync(ChatDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync();

    /// <summary>The statements of Npgsql's command spans (it also traces opening a physical connection, which carries none).</summary>
    private static List<string> Statements(SpanRecorder commands) =>
        [.. commands.Stopped.Select(c => c.GetTagItem("db.query.text") ?? c.GetTagItem("db.statement")).OfType<string>()];
}
