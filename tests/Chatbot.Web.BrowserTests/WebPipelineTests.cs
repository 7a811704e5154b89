using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Web.BrowserTests;

/// <summary>The web pipeline on its own (in-memory server, no system): HSTS by environment, identity being down.</summary>
public sealed class WebPipelineTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Hsts_is_sent_over_https_outside_development_only(string environment, bool expected)
    {
        await using var app = await StartAsync(environment, "http://127.0.0.1:9");
        using var client = app.GetTestClient();
        client.BaseAddress = new Uri("https://chat.example.com");

        using var response = await client.GetAsync("/probe");

        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
        if (expected)
        {
            Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        }
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Login_while_identity_is_down_is_a_503_problem_not_a_500()
    {
        await using var app = await StartAsync("Development", "http://127.0.0.1:9");
        using var client = app.GetTestClient();

        using var response = await client.PostAsJsonAsync("/web/session", new { email = "a@example.test", password = "whatever-password" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The identity service did not answer", await response.Content.ReadAsStringAsync());
    }

    private static async Task<WebApplication> StartAsync(string environment, string identity)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration["services:identity:http:0"] = identity;
        builder.AddChatWeb();
        var app = builder.Build();
        app.UseChatWeb();
        app.MapWebSessionApi();
        app.MapGet("/probe", () => "ok");
        await app.StartAsync();
        return app;
    }
}
