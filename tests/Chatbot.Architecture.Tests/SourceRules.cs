using System.Text.RegularExpressions;

namespace Chatbot.Architecture.Tests;

/// <summary>
/// The "one of each" rules of docs/architecture.md read from the sources under <c>services/</c>: the outbox is declared
/// only in <c>services/Outbox</c>, and no service reads claims itself or declares its own current-user type (the one is
/// <c>CurrentUser</c> in ServiceDefaults; identity's <c>Tokens/</c>, which builds tokens from principals, is the exception).
/// </summary>
public static partial class SourceRules
{
    public static IReadOnlyList<string> SecondOutboxes(string root) =>
        Matches(root, OutboxDeclaration(), Path.Combine("services", "Outbox"));

    public static IReadOnlyList<string> OwnClaimsReaders(string root) =>
        Matches(root, ClaimsRead(), Path.Combine("services", "Identity", "Tokens"))
            .Concat(Matches(root, CurrentUserDeclaration()))
            .Distinct()
            .ToList();

    /// <summary>
    /// Service and ServiceDefaults code that validates options by hand instead of <c>AddValidatedOptions</c> (which checks the
    /// data annotations, nested ones too, at start-up with the failing key named). Libraries, which may not reference
    /// ServiceDefaults, are left out.
    /// </summary>
    public static IReadOnlyList<string> OwnOptionsValidation(string root)
    {
        var libraries = ReferenceRules.LoadProjects(root).Where(p => p.Kind == ProjectKind.Library)
            .Select(p => Path.GetRelativePath(root, Path.GetDirectoryName(p.Path)!) + Path.DirectorySeparatorChar)
            .ToList();
        var serviceDefaults = Path.Combine(root, "ServiceDefaults");
        var inServiceDefaults = Directory.Exists(serviceDefaults)
            ? SourceFiles.Under(serviceDefaults).Select(file => Path.GetRelativePath(root, file))
                .Where(relative => HandValidation().IsMatch(File.ReadAllText(Path.Combine(root, relative))))
            : [];
        return Matches(root, HandValidation())
            .Where(relative => !libraries.Any(library => relative.StartsWith(library, StringComparison.Ordinal)))
            .Concat(inServiceDefaults)
            .ToList();
    }

    /// <summary>Files under services/ (migrations and <paramref name="allowed"/> left out) whose text matches.</summary>
    private static List<string> Matches(string root, Regex pattern, string? allowed = null)
    {
        var services = Path.Combine(root, "services");
        if (!Directory.Exists(services))
        {
            return [];
        }
        return SourceFiles.Under(services)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(relative => allowed is null || !relative.StartsWith(allowed + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar).Contains("Migrations"))
            .Where(relative => pattern.IsMatch(File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
    }

    [GeneratedRegex(@"\b(class|record|interface)\s+\w*Outbox(Message|Dispatcher|Signal|Publisher|Entry)\b")]
    private static partial Regex OutboxDeclaration();

    [GeneratedRegex(@"\.ValidateDataAnnotations\(\)")]
    private static partial Regex HandValidation();

    [GeneratedRegex(@"\.(FindFirst|FindFirstValue|FindAll)\(")]
    private static partial Regex ClaimsRead();

    [GeneratedRegex(@"\b(class|record|interface)\s+I?CurrentUser\b")]
    private static partial Regex CurrentUserDeclaration();
}
