using System.Text.RegularExpressions;
using Chatbot.TestSupport;

namespace Chatbot.ServiceDefaults.Tests.Deploy;

/// <summary>Finds the repository root, loads YAML (merge keys, several documents) and reads what each service's code asks for.</summary>
internal static partial class RepoFiles
{
    public static readonly (string Name, string Folder, int Port)[] Services =
    [
        ("chat", "Chat", 5080),
        ("identity", "Identity", 5081),
        ("inference-worker", "InferenceWorker", 5082),
        ("moderation", "Moderation", 5083),
        ("billing", "Billing", 5084),
    ];

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static List<Dictionary<object, object>> LoadYaml(string relative) => YamlDocuments.Load(PathOf(relative));

    /// <summary>The Aspire connection names a service's code registers (Add[Tenant]NpgsqlDbContext / AddRedisClient / AddRabbitMqMessaging).</summary>
    public static SortedSet<string> ConnectionNamesUsedBy(string folder)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var directory = PathOf($"services/{folder}");
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match match in ClientRegistration().Matches(File.ReadAllText(file)))
            {
                names.Add(match.Groups["name"].Value);
            }
        }
        return names;
    }

    public static bool IsAspireStyleVariable(string name) => AspireVariable().IsMatch(name);

    public static Dictionary<object, object> Map(object? value) =>
        Assert.IsType<Dictionary<object, object>>(value);

    public static List<object> List(object? value) => Assert.IsType<List<object>>(value);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (with Directory.Packages.props and deploy/) not found above the test binaries.");
    }

    [GeneratedRegex("""Add(?:(?:Tenant)?NpgsqlDbContext<\w+>|RedisClient|RabbitMqMessaging)\(\s*"(?<name>[a-z0-9\-]+)"\s*""")]
    private static partial Regex ClientRegistration();

    [GeneratedRegex("^(ConnectionStrings__[a-z0-9\\-]+|services__[a-z0-9\\-]+__https?__[0-9]+|OTEL_[A-Z_]+|ASPNETCORE_[A-Z_]+|DOTNET_[A-Za-z_]+|POD_[A-Z_]+|ForwardedHeaders__Known(Proxies|Networks)__[0-9]+|Moderation__Provider__ApiKey|ServiceAuth__Credential|Management__Port|(Identity|Billing)__Email__(From|SmtpHost|SmtpPort|SmtpUserName|SmtpPassword|SmtpEnableSsl)|Inference__Providers__[0-9]+__(Type|Name|Endpoint|Model|ApiKey)|Identity__(RequireHttpsMetadata|PublicBaseUrl))$")]
    private static partial Regex AspireVariable();
}
