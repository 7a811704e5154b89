using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Options;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Missing_postgres_connection_string_names_its_key()
    {
        var builder = TestApp.CreateBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNpgsqlDbContext<EmptyDbContext>("x"));

        Assert.StartsWith("ConnectionStrings:x is not set.", error.Message);
        Assert.Contains("ConnectionStrings__x", error.Message);
    }

    [Fact]
    public void Missing_redis_connection_string_names_its_key()
    {
        var builder = TestApp.CreateBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRedisClient("cache"));

        Assert.StartsWith("ConnectionStrings:cache is not set.", error.Message);
    }

    [Fact]
    public void Missing_rabbitmq_connection_string_names_its_key()
    {
        var builder = TestApp.CreateBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRabbitMqMessaging("bus"));

        Assert.StartsWith("ConnectionStrings:bus is not set.", error.Message);
    }

    [Fact]
    public void Rabbitmq_connection_string_that_is_not_amqp_names_its_key_without_its_value()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = "http://guest:s3cret@localhost" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRabbitMqMessaging("rabbitmq"));

        Assert.StartsWith("ConnectionStrings:rabbitmq is not a valid RabbitMQ URI", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    [Fact]
    public void Malformed_postgres_connection_string_names_its_key()
    {
        var builder = TestApp.CreateBuilder(new Dictionary<string, string?> { ["ConnectionStrings:chatdb"] = "Hostt=db;Password=s3cret" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddNpgsqlDbContext<EmptyDbContext>("chatdb"));

        Assert.StartsWith("ConnectionStrings:chatdb is not a valid PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("s3cret", error.Message);
    }

    public sealed class EmptyDbContext(DbContextOptions<EmptyDbContext> options) : DbContext(options);
}
