using Chatbot.ServiceDefaults.Clients;
using Npgsql;

namespace Chatbot.ServiceDefaults.Tests.Data;

public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Repeated_statements_are_prepared_automatically_unless_the_operator_chose_otherwise()
    {
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare,
            new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=chatdb")).MaxAutoPrepare);
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(8, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;maxautoprepare=8")).MaxAutoPrepare);
    }

    [Fact]
    public void Prepared_statements_use_generic_plans_unless_the_operator_chose_a_plan_cache_mode()
    {
        Assert.Equal(PostgresConnectionDefaults.GenericPlans, new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db")).Options);
        Assert.Equal("-c search_path=x " + PostgresConnectionDefaults.GenericPlans,
            new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Options=-c search_path=x")).Options);
        Assert.Equal("-c plan_cache_mode=auto",
            new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Options=-c plan_cache_mode=auto")).Options);
    }

    [Fact]
    public void A_services_own_settings_come_last()
    {
        var applied = PostgresConnectionDefaults.Apply("Host=db;Password=secret", b => b.ApplicationName = "app");

        var builder = new NpgsqlConnectionStringBuilder(applied);
        Assert.Equal("app", builder.ApplicationName);
        Assert.Equal("secret", builder.Password);
    }
}
