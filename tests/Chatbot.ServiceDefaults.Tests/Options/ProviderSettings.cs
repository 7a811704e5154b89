using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Tests.Options;

public sealed class ProviderSettings
{
    [Required]
    public string? Name { get; set; }

    [Required, Url]
    public string? Endpoint { get; set; }
}
