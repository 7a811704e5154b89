using Chatbot.ServiceDefaults.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Chatbot.Deploy.Tests;

/// <summary>The one mail sender identity and billing share: SMTP outside Development (the relay required at start-up),
/// .eml files in Development.</summary>
public sealed class EmailSenderTests
{
    [Theory]
    [InlineData("Identity:Email")]
    [InlineData("Billing:Email")]
    public async Task In_production_a_mail_goes_to_the_smtp_relay(string section)
    {
        await using var smtp = new SmtpSink();
        using var host = Build(Environments.Production, new()
        {
            [$"{section}:SmtpHost"] = "127.0.0.1",
            [$"{section}:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"{section}:SmtpEnableSsl"] = "false",
            [$"{section}:From"] = "alerts@chatbot.example",
        }, section);

        await host.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("ops@example.com", "Budget alert", "70 % used"), CancellationToken.None);

        var mail = Assert.Single(smtp.Messages);
        Assert.Contains("From: alerts@chatbot.example", mail, StringComparison.Ordinal);
        Assert.Contains("To: ops@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("Subject: Budget alert", mail, StringComparison.Ordinal);
    }

    [Fact]
    public void In_production_a_missing_relay_stops_start_up_naming_the_key()
    {
        using var host = Build(Environments.Production, [], "Billing:Email");

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Billing:Email:SmtpHost is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_a_mail_is_an_eml_file_in_the_pickup_folder()
    {
        var folder = Directory.CreateTempSubdirectory("chatbot-mail-").FullName;
        try
        {
            using var host = Build(Environments.Development, new() { ["Billing:Email:PickupDirectory"] = folder }, "Billing:Email");

            await host.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("ops@example.com", "Kill switch on", "ceiling"), CancellationToken.None);

            Assert.Contains("Subject: Kill switch on", await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "*.eml"))), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IHost Build(string environment, Dictionary<string, string?> settings, string section)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEmailSender(section, "chatbot-test-mail");
        return builder.Build();
    }
}
