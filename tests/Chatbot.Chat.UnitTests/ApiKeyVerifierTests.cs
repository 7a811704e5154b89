using System.Net;
using System.Net.Http.Json;
using Chatbot.Chat.Auth;

namespace Chatbot.Chat.UnitTests;

public sealed class ApiKeyVerifierTests
{
    private sealed class FakeIdentity(ApiKeyVerification? answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer) });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri("http://identity.test") };
    }

    private static readonly ApiKeyVerification Valid = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "member", "free", ["chat"]);

    [Fact]
    public async Task A_key_is_checked_with_identity_once_then_served_from_memory()
    {
        var identity = new FakeIdentity(Valid);
        var verifier = new ApiKeyVerifier(new Factory(identity), TimeProvider.System);

        var first = await verifier.VerifyAsync("cbk_secret", CancellationToken.None);
        var second = await verifier.VerifyAsync("cbk_secret", CancellationToken.None);

        Assert.Equal(Valid.KeyId, first?.KeyId);
        Assert.Same(first, second);
        Assert.Equal(1, identity.Calls);
    }

    [Fact]
    public async Task An_evicted_key_is_refused_at_once_even_if_cached_or_if_identity_answered_before_the_revocation()
    {
        var identity = new FakeIdentity(Valid);
        var verifier = new ApiKeyVerifier(new Factory(identity), TimeProvider.System);
        await verifier.VerifyAsync("cbk_secret", CancellationToken.None);

        verifier.Evict(Valid.KeyId);

        Assert.Null(await verifier.VerifyAsync("cbk_secret", CancellationToken.None));
        Assert.Null(await verifier.VerifyAsync("cbk_other_copy_of_same_id", CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_key_is_refused() =>
        Assert.Null(await new ApiKeyVerifier(new Factory(new FakeIdentity(null)), TimeProvider.System).VerifyAsync("cbk_nope", CancellationToken.None));
}
