using System.Net;
using Npgsql;

namespace Chatbot.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class WholeSystemTests(SystemFixture system)
{
    public static TheoryData<string> Services => ["identity", "chat", "inference-worker", "moderation", "billing"];

    public static TheoryData<string> Databases => ["identitydb", "chatdb", "moderationdb", "billingdb"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_service_answers_health_with_200_on_its_management_port_only(string service)
    {
        using var management = system.App.CreateManagementHttpClient(service);
        using var own = system.App.CreateHttpClient(service);

        using var response = await management.GetAsync("/health");
        using var onOwnPort = await own.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onOwnPort.StatusCode);
    }

    [Fact]
    public async Task Metrics_are_not_served_on_chats_public_origin_but_on_its_management_port()
    {
        using var origin = system.App.CreateHttpClient("chat");
        using var management = system.App.CreateManagementHttpClient("chat");

        using var onOrigin = await origin.GetAsync("/metrics");
        using var onManagement = await management.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, onOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        Assert.Contains("# TYPE ", await onManagement.Content.ReadAsStringAsync());
        Assert.Equal(system.App.GetEnvironment("chat")["Management__Port"], system.App.GetManagementEndpoint("chat").Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Every_service_database_exists(string database)
    {
        var connectionString = await system.App.GetConnectionStringAsync(database);
        Assert.NotNull(connectionString);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);

        Assert.Equal(database, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Services_run_on_free_ports_not_the_developer_defaults()
    {
        int[] defaults = [5080, 5081, 5082, 5083, 5084];

        foreach (var service in Services)
        {
            Assert.DoesNotContain(system.App.GetEndpoint(service).Port, defaults);
        }
    }

    [Fact]
    public async Task The_environment_of_a_service_is_the_one_the_AppHost_gives_it()
    {
        var environment = system.App.GetEnvironment("chat");

        Assert.Equal(await system.App.GetConnectionStringAsync("chatdb"), environment["ConnectionStrings__chatdb"]);
        Assert.Equal(system.App.GetEndpoint("identity").ToString().TrimEnd('/'), environment["services__identity__http__0"]);
        Assert.Equal(system.App.GetEndpoint("chat").ToString().TrimEnd('/'), environment["ASPNETCORE_URLS"]);
    }
}
