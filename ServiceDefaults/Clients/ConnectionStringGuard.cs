using Microsoft.Extensions.Configuration;

namespace Chatbot.ServiceDefaults.Clients;

/// <summary>Reads an Aspire connection string and fails with a message that names <c>ConnectionStrings:&lt;name&gt;</c>, never its value.</summary>
public static class ConnectionStringGuard
{
    public static string GetRequired(IConfiguration configuration, string name, string example)
    {
        var value = configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not set. Run the service through the AppHost, or set the environment variable " +
                $"ConnectionStrings__{name} (for example \"{example}\").");
        }
        return value;
    }

    public static InvalidOperationException Malformed(string name, string expected, Exception? inner = null) =>
        new($"ConnectionStrings:{name} is not a valid {expected}{(inner is null ? "." : $": {inner.Message}")}");
}
