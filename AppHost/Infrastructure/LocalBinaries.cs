namespace Chatbot.AppHost.Infrastructure;

/// <summary>Where the Debian packages put the server binaries, and the one line to print when one is missing.</summary>
public static class LocalBinaries
{
    public const string InstallCommand = "apt-get install -y postgresql redis-server rabbitmq-server";

    public static string? PostgresBinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static string? RedisServer => FindOnPath("redis-server");

    public static string? RabbitMqServer =>
        File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "/usr/lib/rabbitmq/bin/rabbitmq-server" : FindOnPath("rabbitmq-server");

    public static string? Epmd => FindOnPath("epmd");

    /// <summary>Debian package names of the servers that are not installed (empty when all are).</summary>
    public static IReadOnlyList<string> MissingPackages()
    {
        var missing = new List<string>();
        if (PostgresBinDirectory is null) missing.Add("postgresql");
        if (RedisServer is null) missing.Add("redis-server");
        if (RabbitMqServer is null || Epmd is null) missing.Add("rabbitmq-server");
        return missing;
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/lib/rabbitmq/bin")
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
