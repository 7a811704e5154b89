using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Chat.Account;
using Chatbot.Chat.IntegrationTests.Infrastructure;
using Chatbot.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Chat.IntegrationTests.Api;

/// <summary>
/// <c>POST /api/account/export</c> on real PostgreSQL. This fixture runs chat alone, so identity's and billing's parts are
/// faked at the HTTP boundary (<see cref="FakeParts"/> answers the two <c>/internal/*</c> calls and checks the service
/// credential); everything chat owns is real.
/// </summary>
[Collection(ChatCollection.Name)]
public sealed class AccountExportTests(ChatFixture fixture)
{
    [Fact]
    public async Task The_job_completes_and_its_download_has_the_profile_the_conversations_and_the_usage()
    {
        await using var chat = WithFakeParts();
        var user = TestUser.NewTenant();
        var client = ClientFor(chat, user);
        var conversation = await client.CreateConversationAsync("Holiday plans");
        var sent = await client.SendAcceptedAsync(conversation.Id, "Where is it warm in March?");

        var started = await client.PostAsync("/api/account/export", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = (await started.Content.ReadFromJsonAsync<AccountExportDto>())!;
        Assert.Equal($"/api/account/export/{job.Id}", started.Headers.Location?.OriginalString);
        Assert.Equal("queued", job.Status);
        var done = await WaitForCompletionAsync(client, job.Id);
        Assert.NotNull(done.DownloadUrl);
        Assert.True(done.DownloadExpiresAt > DateTimeOffset.UtcNow);

        var download = await chat.CreateClient().GetAsync(done.DownloadUrl); // the link alone, no credentials
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"account-export-{job.Id}.json", download.Content.Headers.ContentDisposition?.FileName);
        using var document = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(user.UserId, root.GetProperty("userId").GetGuid());
        Assert.Equal($"user-{user.UserId}@example.test", root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(1234, root.GetProperty("usage").GetProperty("totalTokens").GetInt32());
        var exported = Assert.Single(root.GetProperty("conversations").EnumerateArray());
        Assert.Equal("Holiday plans", exported.GetProperty("title").GetString());
        var messages = exported.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([sent.MessageId, sent.ReplyId], messages.Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal("Where is it warm in March?", messages[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task Another_user_or_tenant_cannot_read_the_job_and_bad_ids_are_400_problems()
    {
        await using var chat = WithFakeParts();
        var owner = TestUser.NewTenant();
        var started = await ClientFor(chat, owner).PostAsync("/api/account/export", null);
        var job = (await started.Content.ReadFromJsonAsync<AccountExportDto>())!;
        await WaitForCompletionAsync(ClientFor(chat, owner), job.Id);

        foreach (var stranger in new[] { owner.SameTenant(), TestUser.NewTenant() })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ClientFor(chat, stranger).GetAsync($"/api/account/export/{job.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await ClientFor(chat, owner).GetAsync($"/api/account/export/{Guid.NewGuid()}")).StatusCode);
        var bad = await ClientFor(chat, owner).GetAsync("/api/account/export/not-an-id");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await chat.CreateClient().PostAsync("/api/account/export", null)).StatusCode);
    }

    [Fact]
    public async Task An_expired_a_tampered_or_another_jobs_link_is_a_403_problem()
    {
        await using var chat = WithFakeParts();
        var owner = TestUser.NewTenant();
        var client = ClientFor(chat, owner);
        var job = (await (await client.PostAsync("/api/account/export", null)).Content.ReadFromJsonAsync<AccountExportDto>())!;
        var done = await WaitForCompletionAsync(client, job.Id);
        var links = chat.Services.GetRequiredService<AccountExportLinks>();
        var anonymous = chat.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(done.DownloadUrl)).StatusCode);

        var expired = links.Sign(job.Id, owner.TenantId, DateTimeOffset.UtcNow.AddSeconds(-1));
        var valid = links.Sign(job.Id, owner.TenantId, DateTimeOffset.UtcNow.AddMinutes(5));
        var tampered = links.Sign(job.Id, TestUser.NewTenant().TenantId, DateTimeOffset.UtcNow.AddMinutes(5)).Split('.')[0] + "." + valid.Split('.')[1];
        var otherJob = links.Sign(Guid.NewGuid(), owner.TenantId, DateTimeOffset.UtcNow.AddMinutes(5));
        foreach (var (token, title) in new[] { (expired, "expired"), (tampered, "not valid"), (otherJob, "not valid"), ("garbage", "not valid") })
        {
            var response = await anonymous.GetAsync($"/api/account/export/{job.Id}/download?token={token}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(title, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/account/export/{job.Id}/download")).StatusCode);
    }

    private WebApplicationFactory<ChatOptions> WithFakeParts() => fixture.Chat.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(AccountPartsClient.IdentityClient).ConfigurePrimaryHttpMessageHandler(() => new FakeParts());
            services.AddHttpClient(AccountPartsClient.BillingClient).ConfigurePrimaryHttpMessageHandler(() => new FakeParts());
        }));

    private static HttpClient ClientFor(WebApplicationFactory<ChatOptions> chat, TestUser user)
    {
        var client = chat.CreateClient();
        user.Apply(client.DefaultRequestHeaders);
        return client;
    }

    private static async Task<AccountExportDto> WaitForCompletionAsync(HttpClient client, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60); // a loaded machine
        while (true)
        {
            var job = (await client.GetFromJsonAsync<AccountExportDto>($"/api/account/export/{id}"))!;
            if (job.Status is "completed" or "failed")
            {
                Assert.Equal("completed", job.Status);
                return job;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"export {id} still {job.Status}");
            await Task.Delay(100);
        }
    }

    /// <summary>Identity's and billing's /internal answers; anything without chat's service credential is refused.</summary>
    private sealed class FakeParts : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.TryGetValues(ServiceCredentialAuthenticationHandler.HeaderName, out var values)
                || values.Single() != Chatbot.Chat.TestSupport.ChatFactoryBase.ServiceCredential)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized));
            }
            var path = request.RequestUri!.AbsolutePath;
            var userId = path[(path.LastIndexOf('/') + 1)..];
            object body = path.StartsWith("/internal/accounts/", StringComparison.Ordinal)
                ? new { email = $"user-{userId}@example.test", displayName = "Test User" }
                : new { totalTokens = 1234, totalCost = 0.5m };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body) });
        }
    }
}
