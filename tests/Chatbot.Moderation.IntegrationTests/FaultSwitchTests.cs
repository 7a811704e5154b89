using Chatbot.Moderation.Faults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Moderation.IntegrationTests;

public sealed class FaultSwitchTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_fault_switch_is_refused_outside_development_and_testing(string environment)
    {
        using var host = Build(environment);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Moderation:Faults:ThrowIn", error.Message);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task The_fault_switch_is_accepted_in_development_and_testing(string environment)
    {
        using var host = Build(environment);
        await host.StartAsync();
        await host.StopAsync();
    }

    private static IHost Build(string environment)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration["Moderation:Faults:ThrowIn"] = "pii";
        builder.AddModerationFaults();
        return builder.Build();
    }
}
