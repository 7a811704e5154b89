using Chatbot.AppHost.Infrastructure;

namespace Chatbot.AppHost.Tests;

public sealed class InfrastructureSelectorTests
{
    private static readonly Func<IReadOnlyList<string>> AllInstalled = () => [];
    private static readonly Func<IReadOnlyList<string>> NothingInstalled = () => ["postgresql", "redis-server", "rabbitmq-server"];

    [Fact]
    public void An_explicit_mode_wins()
    {
        Assert.Equal(InfraMode.Container, InfrastructureSelector.Choose(new AppHostOptions { Infra = InfraMode.Container }, () => false, AllInstalled));
    }

    [Fact]
    public void Three_configured_connection_strings_mean_existing_servers()
    {
        var options = new AppHostOptions();
        options.ConnectionStrings["postgres"] = "Host=db";
        options.ConnectionStrings["redis"] = "cache:6379";
        options.ConnectionStrings["rabbitmq"] = "amqp://mq";

        Assert.Equal(InfraMode.Existing, InfrastructureSelector.Choose(options, () => true, AllInstalled));
    }

    [Fact]
    public void Installed_binaries_mean_local_processes_else_containers_when_docker_answers()
    {
        Assert.Equal(InfraMode.Local, InfrastructureSelector.Choose(new AppHostOptions(), () => true, AllInstalled));
        Assert.Equal(InfraMode.Container, InfrastructureSelector.Choose(new AppHostOptions(), () => true, NothingInstalled));
        Assert.Equal(InfraMode.Local, InfrastructureSelector.Choose(new AppHostOptions(), () => false, NothingInstalled));
    }

    [Fact]
    public void Missing_binaries_give_one_line_saying_what_to_install()
    {
        var error = new PrerequisiteMissingException($"Missing rabbitmq-server: run `apt-get install -y rabbitmq-server` (or use --infra container|existing).");

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(LocalBinaries.InstallCommand.Split(' ')[0], error.Message);
    }

    [Fact]
    public void Existing_redis_connection_strings_are_parsed_for_the_health_check()
    {
        Assert.Equal(("cache", 6380, "s3cret"), ExistingInfrastructure.ParseRedis("cache:6380,password=s3cret,ssl=false"));
        Assert.Equal(("cache", 6379, ""), ExistingInfrastructure.ParseRedis("cache"));
    }
}
