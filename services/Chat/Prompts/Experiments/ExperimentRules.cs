using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Prompts.Experiments;

/// <summary>What a valid experiment is; each check returns the field and message of a 400, or null when it passes.</summary>
public static class ExperimentRules
{
    public const int MaxNameLength = 100;
    public const int MaxVariants = 10;
    public const int MaxVariantNameLength = 64;

    public static (string Field, string Message)? Check(CreateExperimentRequest request, Func<string, bool> isModelAlias)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
        {
            return ("name", $"name is required and must be at most {MaxNameLength} characters.");
        }
        if (request.Variants is not { Count: >= 2 and <= MaxVariants } variants)
        {
            return ("variants", $"variants must list 2 to {MaxVariants} variants.");
        }
        var named = Named(variants);
        if (named.Any(v => v.Name.Length is 0 or > MaxVariantNameLength))
        {
            return ("variants", $"a variant's name must be 1 to {MaxVariantNameLength} characters.");
        }
        if (named.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != named.Count)
        {
            return ("variants", "variant names must be distinct.");
        }
        if (named.FirstOrDefault(v => v.Model is { } m && !isModelAlias(m)) is { } unknown)
        {
            return ("variants", $"model '{Truncate(unknown.Model!)}' is not a model alias of this deployment (GET /v1/models).");
        }
        return CheckWeights(named.Select(v => v.Weight).ToList());
    }

    public static (string Field, string Message)? CheckWeights(IReadOnlyList<int> weights) =>
        weights.Any(w => w is < 0 or > 100) || weights.Sum() != 100
            ? ("weights", $"weights are percentages (0-100) that must sum to 100; these sum to {weights.Sum()}.")
            : null;

    /// <summary>The variants with their names filled in (A, B, … where none was given).</summary>
    public static List<ExperimentVariant> Named(IReadOnlyList<VariantRequest> variants) =>
        [.. variants.Select((v, i) => new ExperimentVariant(v.Name?.Trim() ?? ((char)('A' + i)).ToString(), v.PromptVersion, v.Weight, v.Model))];

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
