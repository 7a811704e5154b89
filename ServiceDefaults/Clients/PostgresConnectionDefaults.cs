using System.Data.Common;
using Npgsql;

namespace Chatbot.ServiceDefaults.Clients;

/// <summary>
/// What every service's PostgreSQL connection string gets unless the operator set it: automatic preparation of the
/// statements a service repeats (Npgsql keeps them across pooled-connection reuse, so the hot queries skip parsing) and
/// generic plans for them (every query of these services is a keyed, indexed lookup, so planning per execution buys
/// nothing), then the service's own settings.
/// </summary>
public static class PostgresConnectionDefaults
{
    public const int MaxAutoPrepare = 64;
    public const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

    public static string Apply(string connectionString, Action<NpgsqlConnectionStringBuilder>? configure = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!IsSet(connectionString, nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? GenericPlans : $"{builder.Options} {GenericPlans}";
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
