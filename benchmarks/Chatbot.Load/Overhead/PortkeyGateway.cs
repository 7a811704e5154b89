namespace Chatbot.Load.Overhead;

/// <summary>
/// A client of a Portkey AI gateway (<c>npx @portkey-ai/gateway</c>, port 8787) that forwards to the simulator's own
/// <c>/v1</c> as an OpenAI-compatible custom host, so its added time to first token is measured beside chat's against
/// the same provider (issue 26). The simulator does not check the key; the gateway needs one to forward.
/// </summary>
public static class PortkeyGateway
{
    public static HttpClient Client(Uri gateway, Uri simulator)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("x-portkey-provider", "openai");
        client.DefaultRequestHeaders.Add("x-portkey-custom-host", new Uri(simulator, "/v1").ToString().TrimEnd('/'));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk-simulator");
        return client;
    }
}
