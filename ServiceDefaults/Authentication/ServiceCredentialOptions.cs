using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>
/// The shared secret services present to each other on service-to-service routes (<c>ServiceAuth:Credential</c>,
/// environment <c>ServiceAuth__Credential</c>). The AppHost generates it once per installation and gives it to every
/// service that calls or serves such a route; deployments set it from their secret store.
/// </summary>
public sealed class ServiceCredentialOptions
{
    public const string SectionName = "ServiceAuth";

    [Required, MinLength(24)]
    public string Credential { get; set; } = "";
}
