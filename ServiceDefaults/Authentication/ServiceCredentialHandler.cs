using Microsoft.Extensions.Options;

namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>Adds this service's credential to every request of an <see cref="HttpClient"/> that calls a service-to-service route.</summary>
public sealed class ServiceCredentialHandler(IOptions<ServiceCredentialOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(ServiceCredentialAuthenticationHandler.HeaderName);
        request.Headers.Add(ServiceCredentialAuthenticationHandler.HeaderName, options.Value.Credential);
        return base.SendAsync(request, cancellationToken);
    }
}
