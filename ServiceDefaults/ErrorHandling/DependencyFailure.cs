using Chatbot.ServiceDefaults.Data;
using Npgsql;
using StackExchange.Redis;

namespace Chatbot.ServiceDefaults.ErrorHandling;

/// <summary>Recognises "a dependency is unreachable" in an exception chain (PostgreSQL connection failures, Redis connection loss).</summary>
public static class DependencyFailure
{
    public static string? FindUnavailableDependency(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DatabaseUnavailableException:
                    return "postgresql";
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return "postgresql";
                case PostgresException:
                    return null;
                case NpgsqlException:
                    return "postgresql";
                case RedisConnectionException or RedisTimeoutException:
                    return "redis";
            }
        }
        return null;
    }

    // 08: connection exception; 53300: too many connections; 57P01-57P03: shutting down / cannot connect now.
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "53300" or "57P01" or "57P02" or "57P03";
}
