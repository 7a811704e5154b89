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
    public void A_services_own_settings_come_last()
    {
        var applied = PostgresConnectionDefaults.Apply("Host=db;Password=secret", b => b.Options = "-c role=app");

        var builder = new NpgsqlConnectionStringBuilder(applied);
        Assert.Equal("-c role=app", builder.Options);
        Assert.Equal("secret", builder.Password);
    }
}
