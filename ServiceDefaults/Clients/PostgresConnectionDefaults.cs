using System.Data.Common;
using Npgsql;

namespace Chatbot.ServiceDefaults.Clients;

/// <summary>
/// What every service's PostgreSQL connection string gets unless the operator set it: automatic preparation of the
/// statements a service repeats (Npgsql keeps them across pooled-connection reuse, so the hot queries skip parse and
/// plan), then the service's own settings.
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString, Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!IsSet(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        configure?.Invoke(builder);
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator wrote the keyword (any case, with or without spaces), even with a default value.</summary>
    private static bool IsSet(string connectionString, string keyword)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), keyword,
            StringComparison.OrdinalIgnoreCase));
    }
}
