using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.Chat.TestSupport;
using Chatbot.Chat.Tools;
using Chatbot.Contracts.Tools;
using Chatbot.ServiceDefaults.Webhooks;
using Chatbot.TestSupport;
using Npgsql;
using StackExchange.Redis;

namespace Chatbot.Chat.IntegrationTests.Api;

[Collection(ChatCollection.Name)]
public sealed class ToolsApiTests(ChatFixture fixture)
{
    private static readonly object Schema = JsonSerializer.Deserialize<JsonElement>(
        """{"type":"object","properties":{"orderId":{"type":"string"}},"required":["orderId"]}""");

    private static object Tool(string name, string risk = "read", object? parameters = null, string endpoint = "https://tools.example/orders",
        int[]? promptVersions = null) =>
        new { name, description = "Looks an order up.", parameters = parameters ?? Schema, endpoint, risk, promptVersions };

    [Fact]
    public async Task An_admin_registers_lists_and_deletes_tools_of_the_own_tenant_only()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var client = fixture.Chat.CreateClient(admin);

        var response = await client.PostAsJsonAsync("/api/tools", Tool("order_status"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ToolDto>())!;
        Assert.Equal(ToolSecrets.For(ChatFactoryBase.ServiceCredential, created.Id), created.Secret);

        var listed = Assert.Single((await client.GetFromJsonAsync<List<ToolDto>>("/api/tools"))!);
        Assert.Equal(("order_status", "read", null), (listed.Name, listed.Risk, listed.Secret));
        Assert.Empty((await fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin")).GetFromJsonAsync<List<ToolDto>>("/api/tools"))!);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await fixture.Chat.CreateClient(admin.SameTenant() with { Role = "member" }).PostAsJsonAsync("/api/tools", Tool("x"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/tools/order_status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/tools/order_status")).StatusCode);
    }

    [Theory]
    [InlineData("name", """{"name":"drop tables","description":"d","parameters":{"type":"object"},"endpoint":"https://t.example/x","risk":"read"}""")]
    [InlineData("parameters", """{"name":"t","description":"d","parameters":{"type":"object","properties":{"a":{"type":5}}},"endpoint":"https://t.example/x","risk":"read"}""")]
    [InlineData("parameters", """{"name":"t","description":"d","parameters":{"type":"string"},"endpoint":"https://t.example/x","risk":"read"}""")]
    [InlineData("parameters", """{"name":"t","description":"d","parameters":"{}","endpoint":"https://t.example/x","risk":"read"}""")]
    [InlineData("endpoint", """{"name":"t","description":"d","parameters":{"type":"object"},"endpoint":"http://t.example/x","risk":"read"}""")]
    [InlineData("endpoint", """{"name":"t","description":"d","parameters":{"type":"object"},"endpoint":"https://user:pw@t.example/x","risk":"read"}""")]
    [InlineData("risk", """{"name":"t","description":"d","parameters":{"type":"object"},"endpoint":"https://t.example/x","risk":"maybe"}""")]
    [InlineData("promptVersions", """{"name":"t","description":"d","parameters":{"type":"object"},"endpoint":"https://t.example/x","risk":"read","promptVersions":[0]}""")]
    public async Task Bad_registrations_get_problem_details_naming_the_field(string field, string body)
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));

        var response = await client.PostAsync("/api/tools", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_http_is_accepted_for_loopback_in_development_and_a_duplicate_name_conflicts()
    {
        var client = fixture.Chat.CreateClient(TestUser.NewTenant(role: "tenant-admin"));

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tools", Tool("local", endpoint: "http://127.0.0.1:9/x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/api/tools", Tool("local"))).StatusCode);
    }

    [Fact]
    public async Task A_turn_carries_the_tenants_tools_for_its_prompt_version()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        var admins = fixture.Chat.CreateClient(admin);
        await admins.PostAsJsonAsync("/api/tools", Tool("order_status"));
        await admins.PostAsJsonAsync("/api/tools", Tool("refund", "write", promptVersions: [99]));
        var user = fixture.Chat.CreateClient(admin.SameTenant());
        var conversation = await user.CreateConversationAsync();

        var sent = await user.SendAcceptedAsync(conversation.Id, "Where is order 4711?");
        var (command, _) = await fixture.Worker.WaitForAsync(sent.ReplyId);

        var tool = Assert.Single(command.Tools!);
        Assert.Equal(("order_status", ToolRisk.Read, "https://tools.example/orders"), (tool.Name, tool.Risk, tool.Endpoint));
    }

    [Fact]
    public async Task The_replys_user_decides_a_write_call_once_and_a_critical_one_needs_an_admin()
    {
        var member = TestUser.NewTenant();
        var client = fixture.Chat.CreateClient(member);
        var conversation = await client.CreateConversationAsync();
        var sent = await client.SendAcceptedAsync(conversation.Id, "Refund order 4711");
        using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Infra.RedisConnectionString);
        var db = redis.GetDatabase();
        // What the worker does when a call waits: the pending key names its risk and tool.
        await db.StringSetAsync(ToolApprovalProtocol.PendingKey(sent.ReplyId, "call_1"), "write:refund", TimeSpan.FromMinutes(1));
        await db.StringSetAsync(ToolApprovalProtocol.PendingKey(sent.ReplyId, "call_2"), "critical:delete_account", TimeSpan.FromMinutes(1));
        var url = $"/api/replies/{sent.ReplyId}/approvals/";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(url + "call_1", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(url + "call_9", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await fixture.Chat.CreateClient(member.SameTenant()).PostAsJsonAsync(url + "call_1", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(url + "call_1", new { approve = true })).StatusCode);
        Assert.Equal(ToolApprovalProtocol.Approve, (string?)await db.StringGetAsync(ToolApprovalProtocol.DecisionKey(sent.ReplyId, "call_1")));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync(url + "call_1", new { approve = false })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(url + "call_2", new { approve = true })).StatusCode);
        var admin = fixture.Chat.CreateClient(member.SameTenant() with { Role = "tenant-admin" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync(url + "call_2", new { approve = false })).StatusCode);
        Assert.Equal(ToolApprovalProtocol.Deny, (string?)await db.StringGetAsync(ToolApprovalProtocol.DecisionKey(sent.ReplyId, "call_2")));
    }

    [Fact]
    public async Task Row_level_security_hides_a_tenants_tools_from_a_connection_without_its_tenant_and_refuses_moving_one()
    {
        var admin = TestUser.NewTenant(role: "tenant-admin");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Chat.CreateClient(admin).PostAsJsonAsync("/api/tools", Tool("order_status"))).StatusCode);
        var other = Guid.NewGuid();
        var probe = new RowLevelSecurityProbe(fixture.Infra.PostgresConnectionString("chatdb"), "chat_app");

        Assert.Equal(0, await probe.CountAsync("tools", admin.TenantId, actingFor: null));
        Assert.Equal(0, await probe.CountAsync("tools", admin.TenantId, actingFor: other));
        Assert.Equal(1, await probe.CountAsync("tools", admin.TenantId, actingFor: admin.TenantId)); // the rows exist
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, await probe.InsertCopyAsync("tools", "id", admin.TenantId, other, actingFor: admin.TenantId));
        // Into its own tenant the copy passes row-level security: only the unique name stops it.
        Assert.Equal(PostgresErrorCodes.UniqueViolation, await probe.InsertCopyAsync("tools", "id", admin.TenantId, admin.TenantId, actingFor: admin.TenantId));
    }
}
