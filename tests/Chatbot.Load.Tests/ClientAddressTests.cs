using System.Net;
using System.Text;
using Chatbot.Load.Client;
using Chatbot.Load.Sut;

namespace Chatbot.Load.Tests;

public sealed class ClientAddressTests
{
    [Fact]
    public async Task Each_request_comes_from_another_client_address()
    {
        var seen = new List<string>();
        using var http = new HttpClient(new ClientAddressHandler(new Answer(request =>
            seen.Add(string.Join(',', request.Headers.GetValues(ClientAddressHandler.Header))))));

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost/api/conversations");
            request.Headers.TryAddWithoutValidation(ClientAddressHandler.Header, "1.2.3.4"); // replaced, never appended
            (await http.SendAsync(request)).Dispose();
        }

        Assert.Equal(3, seen.Distinct().Count());
        Assert.All(seen, address => Assert.True(IPAddress.TryParse(address, out var ip) && ip.GetAddressBytes()[0] == 10, address));
    }

    [Fact]
    public void The_operator_reads_the_tenant_of_an_access_token()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = $"{Part("{\"alg\":\"RS256\"}")}.{Part("{\"sub\":\"u\",\"tenant_id\":\"5f0c2b4e-1d2a-4c8e-9b7a-0e1f2a3b4c5d\",\"n\":\"??>\"}")}.signature";

        Assert.Equal("5f0c2b4e-1d2a-4c8e-9b7a-0e1f2a3b4c5d", Operator.TenantOf(token));
    }

    private sealed class Answer(Action<HttpRequestMessage> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
