using System.Net;
using System.Text.Json;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>Chat's request windows (RequestLimits) in its real pipeline, counted in the fixture's real Redis.</summary>
[Collection(ChatCollection.Name)]
public sealed class RequestLimitTests(ChatFixture fixture)
{
    [Fact]
    public async Task A_tenant_over_its_request_rate_gets_429_problem_details_while_another_tenant_is_unaffected()
    {
        await using var chat = Limited(new() { ["RequestLimits:PerTenant:Free:PermitLimit"] = "3" });
        using var flooding = chat.CreateClient(TestUser.NewTenant());
        using var other = chat.CreateClient(TestUser.NewTenant());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await flooding.GetAsync("/api/conversations");
            statuses.Add(last.StatusCode);
        }
        using var unaffected = await other.GetAsync("/api/conversations");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
        Assert.InRange(last.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        last.Dispose();
    }

    [Fact]
    public async Task On_v1_the_tenant_limit_answers_in_OpenAI_error_shape()
    {
        await using var chat = Limited(new() { ["RequestLimits:PerTenant:Pro:PermitLimit"] = "1" });
        using var client = chat.CreateClient(TestUser.NewTenant("pro"));

        using var first = await client.GetAsync("/v1/models");
        using var second = await client.GetAsync("/v1/models");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal("0", Assert.Single(second.Headers.GetValues("x-ratelimit-remaining-requests")));
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error");
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("requests", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_list_route_has_a_per_IP_window_across_tenants_and_other_addresses_are_unaffected()
    {
        await using var chat = Limited(new() { ["RequestLimits:Listing:PermitLimit"] = "2" });
        await using var addressed = chat.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));
        var scraper = $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // A new tenant each time: only the address ties these requests together.
            using var response = await Send(addressed, TestUser.NewTenant(), scraper, "/api/conversations");
            statuses.Add(response.StatusCode);
        }
        using var created = await Send(addressed, TestUser.NewTenant(), scraper, "/api/me");
        using var elsewhere = await Send(addressed, TestUser.NewTenant(), "192.0.2.7", "/api/conversations");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, created.StatusCode); // not a listing route
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    private ChatApiFactory Limited(Dictionary<string, string> limits)
    {
        var settings = new Dictionary<string, string>(ChatApiFactory.RequestLimitsOff);
        foreach (var (key, value) in limits)
        {
            settings[key] = value;
        }
        return new ChatApiFactory(fixture.Infra, settings);
    }

    private static async Task<HttpResponseMessage> Send(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<ChatOptions> factory, TestUser user, string ip, string path)
    {
        using var client = factory.CreateClient();
        user.Apply(client.DefaultRequestHeaders);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ip);
        return await client.GetAsync(path);
    }

    /// <summary>In process a request has no remote address: this test sets it from a header, first in the pipeline.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
