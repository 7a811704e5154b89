using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Tests.Options;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Missing_nested_setting_stops_startup_naming_its_key()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["Inference:Providers:0:Name"] = "openai",
            ["Inference:Providers:0:Endpoint"] = "https://api.example.com/v1",
            ["Inference:Providers:1:Name"] = "anthropic",
        });
        builder.AddValidatedOptions<InferenceSettings>("Inference");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Inference:Providers:1:Endpoint: The Endpoint field is required.", error.Message);
        Assert.DoesNotContain("Providers:0", error.Message);
    }

    [Fact]
    public async Task Out_of_range_setting_names_its_key()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["Inference:Providers:0:Name"] = "openai",
            ["Inference:Providers:0:Endpoint"] = "not a url",
            ["Inference:MaxConcurrency"] = "500",
        });
        builder.AddValidatedOptions<InferenceSettings>("Inference");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Inference:MaxConcurrency:", error.Message);
        Assert.Contains("Inference:Providers:0:Endpoint:", error.Message);
    }

    [Fact]
    public async Task Malformed_setting_names_its_key()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["Inference:Providers:0:Name"] = "openai",
            ["Inference:Providers:0:Endpoint"] = "https://api.example.com/v1",
            ["Inference:MaxConcurrency"] = "lots",
        });
        builder.AddValidatedOptions<InferenceSettings>("Inference");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("Inference:MaxConcurrency", error.Message);
    }

    [Fact]
    public async Task Valid_settings_start()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["Inference:Providers:0:Name"] = "openai",
            ["Inference:Providers:0:Endpoint"] = "https://api.example.com/v1",
        });
        builder.AddValidatedOptions<InferenceSettings>("Inference");
        await using var app = builder.Build();

        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task Messaging_prefetch_out_of_range_names_its_key()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}",
            ["Messaging:PrefetchCount"] = "0",
        });
        builder.AddRabbitMqMessaging("rabbitmq");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Messaging:PrefetchCount:", error.Message);
    }
}
