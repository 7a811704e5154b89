using System.Net;
using System.Net.Http.Json;
using Chatbot.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Chatbot.ServiceDefaults.Tests.Idempotency;

/// <summary><c>WithIdempotency()</c> on a real Kestrel host against a real redis-server: chat's message rules on any POST.</summary>
public sealed class IdempotencyFilterTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private readonly Items _items = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(
        configure: b => b.AddRedisClient("redis"),
        map: app =>
        {
            app.UseHeaderIdentity();
            app.MapPost("/items", (Item item) => _items.CreateAsync(item)).WithIdempotency();
            app.MapPost("/unkeyed", (Item item) => _items.CreateAsync(item));
        },
        settings: new Dictionary<string, string?> { ["ConnectionStrings:redis"] = redis.ConnectionString });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Same_key_and_body_replays_the_stored_response_and_runs_once()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync("/items", new Item("a"), key, "alice");
        using var again = await PostAsync("/items", new Item("a"), key, "alice");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("application/json", again.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1, _items.Created("a"));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_422_problem_details_and_runs_nothing()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync("/items", new Item("b"), key, "alice");
        using var reused = await PostAsync("/items", new Item("c"), key, "alice");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _items.Created("c"));
    }

    [Fact]
    public async Task Keys_are_scoped_per_tenant_and_user()
    {
        var key = Guid.NewGuid().ToString();
        using var alice = await PostAsync("/items", new Item("d"), key, "alice");
        using var bob = await PostAsync("/items", new Item("d"), key, "bob");

        Assert.Equal(HttpStatusCode.Created, bob.StatusCode);
        Assert.False(bob.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, _items.Created("d"));
    }

    [Fact]
    public async Task A_failed_request_is_not_stored_so_its_key_can_be_retried()
    {
        var key = Guid.NewGuid().ToString();
        _items.FailNext = true;
        using var failed = await PostAsync("/items", new Item("e"), key, "alice");
        using var retried = await PostAsync("/items", new Item("e"), key, "alice");

        Assert.Equal(HttpStatusCode.BadRequest, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_resend_while_the_first_still_runs_is_409_with_Retry_After()
    {
        var key = Guid.NewGuid().ToString();
        _items.Hold = new TaskCompletionSource();
        var first = PostAsync("/items", new Item("f"), key, "alice");
        await _items.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var concurrent = await PostAsync("/items", new Item("f"), key, "alice");
        _items.Hold.SetResult();
        using var completed = await first;

        Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
        Assert.NotNull(concurrent.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        Assert.Equal(1, _items.Created("f"));
    }

    [Fact]
    public async Task Redis_holds_the_stored_response_sealed_not_in_clear()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync("/items", new Item("secret-name"), key, "carol");
        var body = await first.Content.ReadAsStringAsync();
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

        var entry = Assert.Single(connection.GetServers()[0].Keys(pattern: "chatbot:idempotency:tenant-1:carol:*"));
        var stored = (string)(await connection.GetDatabase().StringGetAsync(entry))!;

        Assert.Contains("secret-name", body);
        Assert.DoesNotContain(key, entry.ToString());
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)), stored);
        Assert.DoesNotContain("secret-name", stored);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    public async Task A_malformed_key_is_400_problem_details(string key)
    {
        using var response = await PostAsync("/items", new Item("g"), key, "alice");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _items.Created("g"));
    }

    [Fact]
    public async Task Without_the_filter_or_without_a_key_every_request_runs()
    {
        var key = Guid.NewGuid().ToString();
        (await PostAsync("/unkeyed", new Item("h"), key, "alice")).Dispose();
        (await PostAsync("/unkeyed", new Item("h"), key, "alice")).Dispose();
        (await PostAsync("/items", new Item("h"), null, "alice")).Dispose();
        (await PostAsync("/items", new Item("h"), null, "alice")).Dispose();

        Assert.Equal(4, _items.Created("h"));
    }

    private Task<HttpResponseMessage> PostAsync(string path, Item item, string? key, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(item) }.As("tenant-1", user: user);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return _app.Client.SendAsync(request);
    }

    public sealed record Item(string Name);

    private sealed class Items
    {
        private readonly Dictionary<string, int> _created = [];

        public bool FailNext { get; set; }
        public TaskCompletionSource? Hold { get; set; }
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Created(string name)
        {
            lock (_created)
            {
                return _created.GetValueOrDefault(name);
            }
        }

        public async Task<IResult> CreateAsync(Item item)
        {
            if (FailNext)
            {
                FailNext = false;
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "failed once");
            }
            if (Hold is { } hold)
            {
                Entered.TrySetResult();
                await hold.Task;
                Hold = null;
            }
            lock (_created)
            {
                _created[item.Name] = _created.GetValueOrDefault(item.Name) + 1;
            }
            var id = Guid.NewGuid();
            return TypedResults.Created($"/items/{id}", new { id, item.Name });
        }
    }
}
