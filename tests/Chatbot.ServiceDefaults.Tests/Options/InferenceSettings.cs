using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Tests.Options;

/// <summary>An options shape like the inference worker's: a list of nested objects with their own annotations.</summary>
public sealed class InferenceSettings
{
    [Required, MinLength(1)]
    public List<ProviderSettings> Providers { get; set; } = [];

    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;
}
