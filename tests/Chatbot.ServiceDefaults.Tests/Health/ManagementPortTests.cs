using System.Net;
using Chatbot.ServiceDefaults.Health;
using Chatbot.ServiceDefaults.Tests.ErrorHandling;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Health;

public sealed class ManagementPortTests : IAsyncLifetime
{
    private readonly int _managementPort = FreePort.Next();
    private TestApp _app = null!;
    private HttpClient _management = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(
            map: app => app.MapGet("/ping", () => "pong"),
            settings: new Dictionary<string, string?> { [ManagementPort.ConfigurationKey] = _managementPort.ToString() });
        _management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_managementPort}") };
    }

    public async Task DisposeAsync()
    {
        _management.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/metrics")]
    public async Task Health_and_metrics_answer_on_the_management_port_and_are_not_found_on_the_service_port(string path)
    {
        using var onManagement = await _management.GetAsync(path);
        using var onService = await _app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, onManagement.StatusCode);
        Assert.NotEqual(_managementPort, _app.Client.BaseAddress!.Port);
        await ProblemAssert.IsProblemAsync(onService, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Metrics_on_the_service_port_stay_hidden_when_the_host_header_names_the_management_port()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{_managementPort}";

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_service_routes_answer_on_the_service_port_only()
    {
        Assert.Equal("pong", await _app.Client.GetStringAsync("/ping"));

        using var onManagement = await _management.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.NotFound, onManagement.StatusCode);
    }

    [Fact]
    public async Task A_public_origin_without_a_management_port_serves_no_metrics_but_still_its_health()
    {
        await using var app = await TestApp.StartAsync(metricsOnManagementPortOnly: true); // chat's MapDefaultEndpoints

        using var metrics = await app.Client.GetAsync("/metrics");
        using var alive = await app.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_port_that_is_not_a_tcp_port_stops_the_start_naming_the_key(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            TestApp.CreateBuilder(new Dictionary<string, string?> { [ManagementPort.ConfigurationKey] = value }));

        Assert.Equal($"Management:Port: '{value}' is not a TCP port (1 to 65535).", error.Message);
    }

    [Theory]
    [InlineData("8080", "8443", "http://*:8080;https://*:8443;http://*:9090")]
    [InlineData("", "", "http://localhost:5000;http://*:9090")]
    public void Without_urls_the_management_listener_joins_the_addresses_kestrel_would_have_used(string httpPorts, string httpsPorts, string expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, httpPorts);
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, httpsPorts);

        ManagementPort.Listen(builder.WebHost, 9090);

        Assert.Equal(expected, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }
}
