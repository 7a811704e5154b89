using Microsoft.Extensions.Configuration;

namespace Chatbot.AppHost.Tests;

public sealed class AppHostOptionsParserTests
{
    [Fact]
    public void Flags_set_mode_fresh_ports_services_and_publishing()
    {
        var options = AppHostOptionsParser.Parse(
            ["--infra", "container", "--fresh", "--port", "chat=6080", "--port", "postgres=15432", "--services", "identity, chat",
             "--publisher", "manifest", "--output-path", "out.json"]);

        Assert.Equal(InfraMode.Container, options.Infra);
        Assert.True(options.Fresh);
        Assert.Equal(6080, options.Ports["chat"]);
        Assert.Equal(15432, options.Ports["postgres"]);
        Assert.Equal(["identity", "chat"], options.Services);
        Assert.Equal("manifest", options.Publisher);
        Assert.Equal("out.json", options.OutputPath);
    }

    [Fact]
    public void Configuration_supplies_ports_and_existing_connection_strings_and_flags_win()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ports:chat"] = "7080",
            ["Ports:billing"] = "7084",
            ["ConnectionStrings:postgres"] = "Host=db;Username=u;Password=p",
            ["Infra"] = "existing",
        }).Build();

        var options = AppHostOptionsParser.Parse(["--port", "chat=6080"], configuration);

        Assert.Equal(6080, options.Ports["chat"]);
        Assert.Equal(7084, options.Ports["billing"]);
        Assert.Equal(InfraMode.Existing, options.Infra);
        Assert.Equal("Host=db;Username=u;Password=p", options.ConnectionStrings["postgres"]);
    }

    [Theory]
    [InlineData(new[] { "--port", "chat" }, "--port expects name=port")]
    [InlineData(new[] { "--port", "chat=abc" }, "Ports:chat must be a port number")]
    [InlineData(new[] { "--infra", "cloud" }, "Infra must be local, container or existing")]
    [InlineData(new[] { "--bogus" }, "Unknown argument '--bogus'")]
    [InlineData(new[] { "--infra" }, "--infra needs a value")]
    public void Bad_flags_fail_with_a_message_naming_the_problem(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => AppHostOptionsParser.Parse(args));

        Assert.Contains(message, error.Message);
    }
}
